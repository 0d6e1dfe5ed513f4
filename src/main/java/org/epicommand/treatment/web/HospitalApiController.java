package org.epicommand.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.treatment.BedCount;
import org.epicommand.treatment.BedType;
import org.epicommand.treatment.EquipmentCount;
import org.epicommand.treatment.EquipmentType;
import org.epicommand.treatment.Hospital;
import org.epicommand.treatment.HospitalDetails;
import org.epicommand.treatment.HospitalKind;
import org.epicommand.treatment.HospitalStatus;
import org.epicommand.treatment.Hospitals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/hospitals}: hospitals with their beds and live occupancy. Readers see those of their
 * jurisdiction (a hospital operator: their own); {@code TREATMENT_ADMIN} keeps them; bed counts are
 * kept by {@code ADMISSION_WRITE} holders too.
 */
@RestController
@RequestMapping("/api/v1/hospitals")
@Tag(name = "Treatment")
class HospitalApiController {

  static final String READ = "hasAuthority('TREATMENT_READ')";
  static final String ADMIN = "hasAuthority('TREATMENT_ADMIN')";

  private final Hospitals hospitals;

  HospitalApiController(Hospitals hospitals) {
    this.hospitals = hospitals;
  }

  @Operation(summary = "Hospitals inside the caller's jurisdiction (or a part of it), by code, with beds and occupancy")
  @GetMapping
  @PreAuthorize(READ)
  PageResult<Hospital> list(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) HospitalStatus status, @RequestParam(required = false) HospitalKind kind,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return hospitals.list(jurisdiction, status, kind, Paging.of(page, size));
  }

  @Operation(summary = "A hospital the caller sees (404 otherwise)")
  @GetMapping("/{code}")
  @PreAuthorize(READ)
  Hospital get(@PathVariable String code) {
    return hospitals.get(code);
  }

  @Operation(summary = "Creates a hospital: 400 naming the fields, 409 with existingId when the code is taken")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(ADMIN)
  Hospital create(@RequestBody HospitalDetails request) {
    return hospitals.create(request);
  }

  @Operation(summary = "Corrects a hospital: everything but its code and status")
  @PutMapping("/{code}")
  @PreAuthorize(ADMIN)
  Hospital update(@PathVariable String code, @RequestBody HospitalDetails request) {
    return hospitals.update(code, request);
  }

  @Operation(summary = "One step towards ACTIVE: STANDBY → ACTIVATING → ACTIVE; 409 when active or stood down")
  @PostMapping("/{code}/activate")
  @PreAuthorize(ADMIN)
  Hospital activate(@PathVariable String code) {
    return hospitals.activate(code);
  }

  @Operation(summary = "Stands an activating or active hospital down; 409 otherwise")
  @PostMapping("/{code}/stand-down")
  @PreAuthorize(ADMIN)
  Hospital standDown(@PathVariable String code) {
    return hospitals.standDown(code);
  }

  @Operation(summary = "Puts a hospital stood down back on standby (STOOD_DOWN → STANDBY); 409 otherwise")
  @PostMapping("/{code}/standby")
  @PreAuthorize(ADMIN)
  Hospital standBy(@PathVariable String code) {
    return hospitals.standBy(code);
  }

  @Operation(summary = "Sets the beds of a type (total, out of service); occupied is derived from admissions")
  @PutMapping("/{code}/beds/{type}")
  @PreAuthorize("hasAnyAuthority('ADMISSION_WRITE', 'TREATMENT_ADMIN')")
  Hospital beds(@PathVariable String code, @PathVariable BedType type, @RequestBody BedCount count) {
    return hospitals.setBeds(code, type, count);
  }

  @Operation(summary = "Sets the equipment of a type (on hand, in use); 400 naming the field on bad counts")
  @PutMapping("/{code}/equipment/{type}")
  @PreAuthorize("hasAnyAuthority('ADMISSION_WRITE', 'TREATMENT_ADMIN')")
  Hospital equipment(@PathVariable String code, @PathVariable EquipmentType type, @RequestBody EquipmentCount count) {
    return hospitals.setEquipment(code, type, count);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule hospitalsRule() {
      return new ApiAccessRule("/api/v1/hospitals/**", "TREATMENT_READ");
    }
  }
}
