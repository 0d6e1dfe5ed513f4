package org.epicommand.shared;

/**
 * A request that cannot be carried out in the record's present state: answered as 409. A duplicate
 * names the record that exists ({@code existingId}); an illegal state transition names the current
 * state; a step whose conditions are not met lists what is {@linkplain #missing() missing}.
 */
public class Conflict extends RuntimeException {

  private final String code;
  private final String existingId;
  private final String currentState;
  private final java.util.List<FieldProblem> missing;

  private Conflict(String code, String existingId, String currentState) {
    this(code, existingId, currentState, java.util.List.of());
  }

  private Conflict(String code, String existingId, String currentState, java.util.List<FieldProblem> missing) {
    super(code);
    this.code = code;
    this.existingId = existingId;
    this.currentState = currentState;
    this.missing = java.util.List.copyOf(missing);
  }

  /**
   * A step refused because conditions are not met (an approval without its sign-offs, say): each
   * missing thing as a problem whose {@code field} names it (answered as {@code missing[]}).
   */
  public static Conflict unmet(String code, Enum<?> currentState, java.util.List<FieldProblem> missing) {
    return new Conflict(code, null, currentState.name(), missing);
  }

  public static Conflict duplicate(String code, String existingId) {
    return new Conflict(code, existingId, null);
  }

  public static Conflict illegalTransition(String code, Enum<?> currentState) {
    return new Conflict(code, null, currentState.name());
  }

  /**
   * A step refused for a reason the answer names, such as the quantity on hand of a short lot: {@code
   * value} fills the message and is answered as {@code currentState}.
   */
  public static Conflict naming(String code, String value) {
    return new Conflict(code, null, value);
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

  /** What a refused step still needs (empty for duplicates and illegal moves). */
  public java.util.List<FieldProblem> missing() {
    return missing;
  }
}
