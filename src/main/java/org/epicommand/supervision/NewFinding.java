package org.epicommand.supervision;

import java.time.LocalDate;

/** A finding recorded on a visit; the responsible unit defaults to the visited one. */
public record NewFinding(ProblemCategory category, Severity severity, String description, String unitCode,
    LocalDate deadline) {}
