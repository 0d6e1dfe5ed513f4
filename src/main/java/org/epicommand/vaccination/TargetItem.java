package org.epicommand.vaccination;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person on a door-to-door list with what the worker needs at the door: name, age and band, status
 * and doses, the goal of their band, the item's state and the last visit. {@code due}: to visit now (no
 * revisit date ahead, no appointment or deferral running).
 */
public record TargetItem(String personId, String name, String jurisdictionCode, LocalDate birthDate, int age,
    AgeBand ageBand, CoverageMeasure goal, VaccinationStatus status, int doses, LocalDate lastDoseOn,
    TargetState state, ClosedReason closedReason, Instant closedAt, LocalDate revisitOn, LocalDate appointmentOn,
    String appointmentSite, LocalDate deferredUntil, VisitOutcome lastOutcome, String note, int visits,
    Instant lastVisitAt, boolean due) {}
