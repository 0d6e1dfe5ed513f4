package org.epicommand.supervision;

import java.time.LocalDate;

/** A problem item was handed to its responsible unit for rectification by {@code deadline}. */
public record ProblemAssigned(String problemId, String unitCode, LocalDate deadline) {}
