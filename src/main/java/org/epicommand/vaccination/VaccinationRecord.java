package org.epicommand.vaccination;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's vaccination record (reading it is audited): their status, doses, exclusions, adverse
 * events and, when they are on a door-to-door list, their item there.
 */
public record VaccinationRecord(String personId, String name, String jurisdictionCode, LocalDate birthDate,
    AgeBand ageBand, VaccinationStatus status, List<Dose> doses, List<Exclusion> exclusions,
    List<AdverseEvent> adverseEvents, TargetItem targetItem) {}
