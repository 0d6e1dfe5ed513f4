package org.epicommand.supervision;

import java.time.LocalDate;

/** An accountability measure to record; {@code problemId} optional, the unit defaults to the problem's. */
public record NewAccountabilityRecord(AccountabilityKind kind, String problemId, String unitCode, String personName,
    String personPosition, String reason, LocalDate decidedOn) {}
