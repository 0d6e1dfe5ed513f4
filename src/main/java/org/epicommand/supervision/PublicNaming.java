package org.epicommand.supervision;

import java.time.LocalDate;

/** A 通报 as every signed-in user may read it: unit, name and position, reason, date — no identifiers. */
public record PublicNaming(String unitName, String personName, String personPosition, String reason,
    LocalDate decidedOn) {}
