package org.epicommand.shared;

import java.util.Locale;

/**
 * A list's {@code state} parameter for master data that can be retired: not given → the default
 * (the records in use), {@code ALL} → every state ({@code null}), a state's name → that state, and
 * anything else a 400 field error on {@code state}.
 */
public final class StateFilter {

  private StateFilter() {}

  public static <E extends Enum<E>> E parse(String text, Class<E> type, E byDefault) {
    if (text == null || text.isBlank()) {
      return byDefault;
    }
    String name = text.strip().toUpperCase(Locale.ROOT);
    if (name.equals("ALL")) {
      return null;
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of("state", "invalidValue"));
    }
  }
}
