package org.epicommand.treatment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.cases.CaseOutcome;
import org.epicommand.cases.CaseOutcomeChanged;
import org.epicommand.cases.CaseReclassified;
import org.epicommand.cases.CaseSeverityChanged;
import org.epicommand.cases.Classification;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.treatment.AdmissionStatus;
import org.epicommand.treatment.BedLine;
import org.epicommand.treatment.BedOccupancyHigh;
import org.epicommand.treatment.BedType;
import org.epicommand.treatment.HospitalKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the {@code cases} module's events mean here. An outcome recorded on the case itself (not
 * through an admission here) keeps the admissions in step: admitted to or moved to a registered
 * hospital (by its code) opens a stay there — the one open elsewhere ends TRANSFERRED — and
 * discharge or death ends the open stay. An outcome that names no registered hospital (free text of
 * older records) changes nothing here. A severity of severe or critical starts the expert-team clock;
 * a lower one stops it, and so do the case's discharge, its death and its exclusion (a wait without a
 * team ends: no alert for a case that no longer needs one). Each handler is idempotent: a redelivered
 * event finds its work done.
 */
@Component
class CaseEvents {

  private final AdmissionStore admissions;
  private final HospitalStore hospitals;
  private final ExpertStore experts;
  private final Jurisdictions jurisdictions;
  private final ApplicationEventPublisher events;
  private final int alertPercent;

  CaseEvents(AdmissionStore admissions, HospitalStore hospitals, ExpertStore experts, Jurisdictions jurisdictions,
      ApplicationEventPublisher events, TreatmentProperties properties) {
    this.events = events;
    this.alertPercent = properties.occupancyAlertPercent();
    this.admissions = admissions;
    this.hospitals = hospitals;
    this.experts = experts;
    this.jurisdictions = jurisdictions;
  }

  @ApplicationModuleListener
  void on(CaseOutcomeChanged event) {
    UUID caseId = UUID.fromString(event.caseId());
    Optional<AdmissionStore.Row> open = admissions.openOf(caseId);
    Instant at = event.at().toInstant();
    if (event.outcome() == CaseOutcome.DISCHARGED || event.outcome() == CaseOutcome.DIED) {
      open.ifPresent(row -> admissions.close(row.id(), event.outcome() == CaseOutcome.DIED ? AdmissionStatus.DIED
          : AdmissionStatus.DISCHARGED, at));
      experts.notNeeded(caseId);
      return;
    }
    Optional<HospitalRow> hospital = event.hospitalCode() == null ? Optional.empty()
        : hospitals.find(event.hospitalCode());
    if (hospital.isEmpty() || open.map(row -> row.hospitalCode().equals(hospital.get().code())).orElse(false)) {
      return;
    }
    open.ifPresent(row -> admissions.close(row.id(), AdmissionStatus.TRANSFERRED, at));
    HospitalRow into = hospital.get();
    BedType type = into.kind() == HospitalKind.SHELTER ? BedType.SHELTER_BED : BedType.GENERAL;
    BedLine before = hospitals.beds(List.of(into.code())).getOrDefault(into.code(), List.of()).stream()
        .filter(b -> b.type() == type).findFirst().orElse(new BedLine(type, 0, 0, 0));
    admissions.insert(UUID.randomUUID(), caseId, into.code(), type, at, open.map(AdmissionStore.Row::id)
        .orElse(null), "recorded on the case", "cases");
    BedOccupancyHigh.crossing(into.code(), into.name(), into.jurisdictionCode(), before, new BedLine(type,
        before.total(), before.outOfService(), before.occupied() + 1), alertPercent).ifPresent(events::publishEvent);
  }

  @ApplicationModuleListener
  void on(CaseReclassified event) {
    if (event.to() == Classification.EXCLUDED) {
      experts.notNeeded(UUID.fromString(event.caseId()));
    }
  }

  @ApplicationModuleListener
  void on(CaseSeverityChanged event) {
    UUID caseId = UUID.fromString(event.caseId());
    if (event.to() != null && event.to().needsExpertTeam()) {
      String path = jurisdictions.find(event.jurisdictionCode()).map(Jurisdiction::path).orElse(null);
      if (path != null) {
        experts.needed(caseId, event.jurisdictionCode(), path, event.to().name(), event.at());
      }
    } else {
      experts.notNeeded(caseId);
    }
  }
}
