package org.epicommand.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.epicommand.checklist.ItemResult;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Sector;

/**
 * A resumption application as its readers see it. {@code exceptionApplied}: why it may open before its
 * gate ({@code LISTED} when the gate names the organisation, else the exception claimed), {@code gateNotBefore}
 * the day of the gate it answers to; {@code reviewDue}/{@code inspectionDue} the SLA days of the stage it
 * is in; {@code staffing} the ledger now (live: a staff member put under quarantine lowers the cleared
 * share at once). The detail lists are filled on the application's own page and read.
 */
public record ResumptionApplication(String id, String organisationId, String creditCode, String organisationName,
    OrganisationKind organisationKind, Sector sector, String jurisdictionCode, ApplicationKind kind, String cohort,
    LocalDate plannedDate, GateException exception, String exceptionApplied, String gateId, LocalDate gateNotBefore,
    String templateId, String templateCode, Integer templateVersion, ApplicationState state, String reason,
    Supplies supplies, Staffing staffing, LocalDate reviewDue, LocalDate inspectionDue, boolean overdue,
    OffsetDateTime submittedAt, OffsetDateTime decidedAt, OffsetDateTime createdAt, List<SignOff> signOffs,
    List<ApplicationDocument> documents, Map<String, ItemResult> checklist, List<ApplicationStep> history) {

  public ResumptionApplication withDetail(String code, Integer version, Staffing now, List<SignOff> signed,
      List<ApplicationDocument> files, Map<String, ItemResult> results, List<ApplicationStep> steps) {
    return new ResumptionApplication(id, organisationId, creditCode, organisationName, organisationKind, sector,
        jurisdictionCode, kind, cohort, plannedDate, exception, exceptionApplied, gateId, gateNotBefore, templateId,
        code, version, state, reason, supplies, now, reviewDue, inspectionDue, overdue, submittedAt, decidedAt,
        createdAt, signed, files, results, steps);
  }
}
