package org.epicommand.supervision;

import java.time.LocalDate;

/** A problem's deadline passed before it was verified (published once per problem). */
public record ProblemOverdue(String problemId, String unitCode, LocalDate deadline) {}
