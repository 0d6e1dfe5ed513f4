package org.epicommand.lockdown.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.lockdown.ServiceRequest;
import org.epicommand.lockdown.Volunteer;
import org.epicommand.lockdown.VolunteerTasks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A volunteer's own sealed-area work: their shifts and the requests assigned to them. */
@RestController
@Tag(name = "Lockdown")
@PreAuthorize("hasAuthority('LOCKDOWN_TASK')")
class VolunteerApiController {

  private final VolunteerTasks tasks;

  VolunteerApiController(VolunteerTasks tasks) {
    this.tasks = tasks;
  }

  @Operation(summary = "The caller's own shifts from today and the service requests assigned to them")
  @GetMapping("/api/v1/lockdown/my")
  Volunteer mine() {
    return tasks.mine();
  }

  @Operation(summary = "Checks the caller in on one of their shifts; 404 if not theirs, 409 naming the state")
  @PostMapping("/api/v1/lockdown/my/shifts/{id}/check-in")
  Volunteer.Shift checkIn(@PathVariable UUID id) {
    return tasks.checkIn(id);
  }

  @Operation(summary = "Marks a request assigned to the caller delivered; 404 if not theirs, 409 naming the state")
  @PostMapping("/api/v1/lockdown/my/requests/{id}/deliver")
  ServiceRequest deliver(@PathVariable UUID id, @RequestBody(required = false) Volunteer.Delivered request) {
    return tasks.deliver(id, request);
  }
}
