package org.epicommand.shared;

import java.util.List;

/** Bad input, field by field: answered as 400 problem+json with {@code errors}. */
public class ValidationFailure extends RuntimeException {

  private final List<FieldProblem> problems;

  public ValidationFailure(List<FieldProblem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public ValidationFailure(FieldProblem problem) {
    this(List.of(problem));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
