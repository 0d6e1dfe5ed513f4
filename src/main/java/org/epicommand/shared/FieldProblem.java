package org.epicommand.shared;

import java.util.List;

/**
 * What is wrong with one field. {@code code} is a message key under {@code error.} in the message
 * bundles; {@code args} fill its placeholders. The web layer resolves the message in the caller's
 * language.
 */
public record FieldProblem(String field, String code, List<Object> args) {

  public FieldProblem {
    args = args == null ? List.of() : List.copyOf(args);
  }

  public static FieldProblem of(String field, String code, Object... args) {
    return new FieldProblem(field, code, List.of(args));
  }
}
