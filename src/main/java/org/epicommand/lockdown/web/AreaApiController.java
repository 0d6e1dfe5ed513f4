package org.epicommand.lockdown.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.epicommand.lockdown.Post;
import org.epicommand.lockdown.Posts;
import org.epicommand.lockdown.SealedArea;
import org.epicommand.lockdown.SealedAreas;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.StateFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sealed areas, their posts, shifts and staffing gaps ({@code /api/v1/lockdown/**}). */
@RestController
@Tag(name = "Lockdown")
class AreaApiController {

  private final SealedAreas areas;
  private final Posts posts;

  AreaApiController(SealedAreas areas, Posts posts) {
    this.areas = areas;
    this.posts = posts;
  }

  @Operation(summary = "Sealed and controlled areas inside the caller's jurisdiction; state DECLARED, ACTIVE, LIFTED,"
      + " CANCELLED or ALL (default)")
  @GetMapping("/api/v1/lockdown/areas")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<SealedArea> list(@RequestParam(required = false) String state) {
    return areas.list(StateFilter.parse(state, SealedArea.State.class, null));
  }

  @Operation(summary = "Declares an area (DECLARED) on a division inside the caller's jurisdiction")
  @PostMapping("/api/v1/lockdown/areas")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  SealedArea declare(@RequestBody SealedArea.New request) {
    return areas.declare(request);
  }

  @GetMapping("/api/v1/lockdown/areas/{id}")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  SealedArea get(@PathVariable UUID id) {
    return areas.get(id);
  }

  @Operation(summary = "Seals a DECLARED area (ACTIVE); 409 naming the state otherwise")
  @PostMapping("/api/v1/lockdown/areas/{id}/activate")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  SealedArea activate(@PathVariable UUID id) {
    return areas.activate(id);
  }

  @Operation(summary = "Lifts an ACTIVE area: posts end, open requests close (解封), passes are revoked; 409 otherwise")
  @PostMapping("/api/v1/lockdown/areas/{id}/lift")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  SealedArea lift(@PathVariable UUID id, @RequestBody(required = false) SealedArea.Closing closing) {
    return areas.lift(id, closing);
  }

  @Operation(summary = "Cancels a DECLARED area; 409 naming the state otherwise")
  @PostMapping("/api/v1/lockdown/areas/{id}/cancel")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  SealedArea cancel(@PathVariable UUID id, @RequestBody(required = false) SealedArea.Closing closing) {
    return areas.cancel(id, closing);
  }

  @GetMapping("/api/v1/lockdown/areas/{id}/posts")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<Post> posts(@PathVariable UUID id) {
    return posts.of(id);
  }

  @Operation(summary = "Opens a post (卡口/值守点) in a DECLARED or ACTIVE area")
  @PostMapping("/api/v1/lockdown/areas/{id}/posts")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  Post open(@PathVariable UUID id, @RequestBody Post.New request) {
    return posts.open(id, request);
  }

  @Operation(summary = "Ends an ACTIVE post and its shifts to come; 409 otherwise")
  @PostMapping("/api/v1/lockdown/posts/{id}/end")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  Post end(@PathVariable UUID id) {
    return posts.end(id);
  }

  @Operation(summary = "The area's shifts from a time on (default: today)")
  @GetMapping("/api/v1/lockdown/areas/{id}/shifts")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<Post.Shift> shifts(@PathVariable UUID id, @RequestParam(required = false) OffsetDateTime since) {
    return posts.shifts(id, since == null ? null : since.toInstant());
  }

  @Operation(summary = "The shift windows of the next 24 h staffed below the standard, per post")
  @GetMapping("/api/v1/lockdown/areas/{id}/gaps")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<Post.Gap> gaps(@PathVariable UUID id) {
    return posts.gaps(id);
  }

  @Operation(summary = "Puts a person of the pool on a post for a shift; 400 when it ends before it starts, 409 with"
      + " existingId when it overlaps another shift of the person")
  @PostMapping("/api/v1/lockdown/posts/{id}/shifts")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  Post.Shift assign(@PathVariable UUID id, @RequestBody Post.NewShift request) {
    return posts.assign(id, request);
  }

  @Operation(summary = "The person on shift checks in; 409 when checked in, cancelled or ended")
  @PostMapping("/api/v1/lockdown/shifts/{id}/check-in")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  Post.Shift checkIn(@PathVariable UUID id) {
    return posts.checkIn(id);
  }

  @Operation(summary = "Cancels an ASSIGNED shift; 409 otherwise")
  @PostMapping("/api/v1/lockdown/shifts/{id}/cancel")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  Post.Shift cancelShift(@PathVariable UUID id) {
    return posts.cancel(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule lockdownAccessRule() {
      return new ApiAccessRule("/api/v1/lockdown/**", "MOVEMENT_READ|LOCKDOWN_TASK");
    }
  }
}
