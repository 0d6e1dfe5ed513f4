package org.epicommand.shared;

/**
 * A request that cannot be carried out in the record's present state: answered as 409. A duplicate
 * names the record that exists ({@code existingId}); an illegal state transition names the current
 * state.
 */
public class Conflict extends RuntimeException {

  private final String code;
  private final String existingId;
  private final String currentState;

  private Conflict(String code, String existingId, String currentState) {
    super(code);
    this.code = code;
    this.existingId = existingId;
    this.currentState = currentState;
  }

  public static Conflict duplicate(String code, String existingId) {
    return new Conflict(code, existingId, null);
  }

  public static Conflict illegalTransition(String code, Enum<?> currentState) {
    return new Conflict(code, null, currentState.name());
  }

  public static Conflict of(String code) {
    return new Conflict(code, null, null);
  }

  /** Message key under {@code error.}; its first placeholder receives the current state. */
  public String code() {
    return code;
  }

  public String existingId() {
    return existingId;
  }

  public String currentState() {
    return currentState;
  }
}
