package org.epicommand.sentinel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.sentinel.Clinic;
import org.epicommand.sentinel.ClinicReferral;
import org.epicommand.sentinel.ClinicReferrals;
import org.epicommand.sentinel.ClinicStaff;
import org.epicommand.sentinel.ClinicVisit;
import org.epicommand.sentinel.ClinicVisits;
import org.epicommand.sentinel.Clinics;
import org.epicommand.sentinel.Disposition;
import org.epicommand.sentinel.NewClinic;
import org.epicommand.sentinel.NewClinicVisit;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.EntityBindingsApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sentinel/clinics} and {@code /api/v1/sentinel/clinic-visits}: clinic sentinels and their patient
 * register. */
@RestController
@RequestMapping("/api/v1/sentinel")
@Tag(name = "Sentinels")
class ClinicApiController {

  static final String READ = "hasAnyAuthority('SENTINEL_READ', 'CLINIC_REGISTER')";
  static final String REGISTER = "hasAuthority('CLINIC_REGISTER')";

  private final Clinics clinics;
  private final ClinicVisits visits;
  private final ClinicReferrals referrals;

  ClinicApiController(Clinics clinics, ClinicVisits visits, ClinicReferrals referrals) {
    this.clinics = clinics;
    this.visits = visits;
    this.referrals = referrals;
  }

  @Operation(summary = "Clinics inside the caller's jurisdiction (staff: their own)")
  @GetMapping("/clinics")
  @PreAuthorize(READ)
  List<Clinic> clinics() {
    return clinics.list();
  }

  @Operation(summary = "Registers a clinic or hospital of the directory as a sentinel: 400, 409 (existingId)")
  @PostMapping("/clinics")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(SentinelApiController.MANAGE)
  Clinic register(@RequestBody NewClinic request) {
    return clinics.register(request);
  }

  @Operation(summary = "A clinic's latest visits (staff: their own clinic; 404 outside), overdue=true: past their "
      + "deadline (sampled or reported within 2 h, the result within 12 h of the sampling)")
  @GetMapping("/clinic-visits")
  @PreAuthorize(READ)
  List<ClinicVisit> visits(@RequestParam(required = false) String clinic,
      @RequestParam(defaultValue = "false") boolean overdue) {
    return visits.list(clinic, overdue);
  }

  /** A later step on a visit: the tube taken (sample), the township health centre reported to (report), the
   * disposition after 留观 (end-observation). */
  record VisitStep(String tubeBarcode, String reportedTo, Disposition disposition) {}

  @Operation(summary = "Records the tube of a visit sampled later: 400 tubeBarcode, 409 once sampled")
  @PostMapping("/clinic-visits/{id}/sample")
  @PreAuthorize(REGISTER)
  ClinicVisit sample(@PathVariable UUID id, @RequestBody VisitStep step) {
    return visits.sample(id, step.tubeBarcode());
  }

  @Operation(summary = "Records the report to the township health centre: 400 reportedTo, 409 once sampled or "
      + "reported")
  @PostMapping("/clinic-visits/{id}/report")
  @PreAuthorize(REGISTER)
  ClinicVisit report(@PathVariable UUID id, @RequestBody VisitStep step) {
    return visits.report(id, step.reportedTo());
  }

  @Operation(summary = "Ends 留观 with the disposition after it (HOME_WAIT, ADMITTED, TRANSFERRED_TO_DESIGNATED, "
      + "REFERRED_UP; 400 disposition); 409 naming the current disposition when not under observation")
  @PostMapping("/clinic-visits/{id}/end-observation")
  @PreAuthorize(REGISTER)
  ClinicVisit endObservation(@PathVariable UUID id, @RequestBody VisitStep step) {
    return visits.endObservation(id, step.disposition());
  }

  @Operation(summary = "Records a visit: 400 naming the fields (a fever clinic needs the tube barcode)")
  @PostMapping("/clinic-visits")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(REGISTER)
  ClinicVisit record(@RequestBody NewClinicVisit request) {
    return visits.record(request);
  }

  @Operation(summary = "A visit at a clinic the caller reaches (404 otherwise); audited")
  @GetMapping("/clinic-visits/{id}")
  @PreAuthorize(READ)
  ClinicVisit visit(@PathVariable UUID id) {
    return visits.get(id);
  }

  @Operation(summary = "Patients expected at a clinic (FEVER and SYMPTOMS referrals of the screening, open, longest "
      + "waiting first; staff: their own clinic; 404 outside); unassigned=true: those no fever clinic of the district "
      + "serves, inside the caller's jurisdiction; assigned=true: those the fever clinics inside the caller's "
      + "jurisdiction expect (none for clinic staff)")
  @GetMapping("/clinic-referrals")
  @PreAuthorize(READ)
  List<ClinicReferral> referrals(@RequestParam(required = false) String clinic,
      @RequestParam(defaultValue = "false") boolean unassigned,
      @RequestParam(defaultValue = "false") boolean assigned) {
    return assigned && !unassigned ? referrals.assigned() : referrals.expected(clinic, unassigned);
  }

  @Operation(summary = "A patient expected at a clinic the caller reaches (404 otherwise); audited")
  @GetMapping("/clinic-referrals/{id}")
  @PreAuthorize(READ)
  ClinicReferral referral(@PathVariable UUID id) {
    return referrals.get(id);
  }

  /** Why an expected patient did not arrive. */
  record NotArrived(String reason) {}

  @Operation(summary = "Closes an expected patient as not arrived: 400 reason, 409 naming the state once closed")
  @PostMapping("/clinic-referrals/{id}/not-arrived")
  @PreAuthorize(REGISTER)
  ClinicReferral notArrived(@PathVariable UUID id, @RequestBody NotArrived body) {
    return referrals.notArrived(id, body == null ? null : body.reason());
  }

  /** The fever clinic an unassigned referral is given to (its credit code). */
  record Assignment(String clinicId) {}

  @Operation(summary = "Gives an open referral no fever clinic serves to an active fever clinic the caller reaches: "
      + "400 clinicId, 404 outside, 409 naming the state once closed (or the clinic it has); audited")
  @PostMapping("/clinic-referrals/{id}/assign")
  @PreAuthorize(SentinelApiController.MANAGE)
  ClinicReferral assign(@PathVariable UUID id, @RequestBody(required = false) Assignment body) {
    return referrals.assign(id, body == null ? null : body.clinicId());
  }

  @Operation(summary = "Moves an open referral from the fever clinic it has to another active fever clinic the caller "
      + "reaches: 400 clinicId (also the clinic it has), 404 outside, 409 naming the state once arrived or closed, or "
      + "while unassigned (assign it); audited")
  @PostMapping("/clinic-referrals/{id}/move")
  @PreAuthorize(SentinelApiController.MANAGE)
  ClinicReferral move(@PathVariable UUID id, @RequestBody(required = false) Assignment body) {
    return referrals.move(id, body == null ? null : body.clinicId());
  }

  /** {@code /api/v1/sentinel/clinic-staff/{code}}: the staff bound to a clinic, kept by administrators. */
  @RestController
  @RequestMapping("/api/v1/sentinel/clinic-staff/{entity}")
  @Tag(name = "Sentinels")
  static class ClinicStaffApiController extends EntityBindingsApi {

    ClinicStaffApiController(ClinicStaff staff) {
      super(staff);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule clinicStaffRule() {
      return new ApiAccessRule("/api/v1/sentinel/clinic-staff/**", "USER_ADMIN");
    }
  }
}
