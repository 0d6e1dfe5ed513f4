package org.epicommand.supervision;

import java.time.LocalDate;

/** An accountability measure taken against a unit and (optionally) a named person, linked to a problem. */
public record AccountabilityRecord(String id, AccountabilityKind kind, String problemId, String unitCode,
    String unitName, String personName, String personPosition, String reason, LocalDate decidedOn,
    String recordedBy) {}
