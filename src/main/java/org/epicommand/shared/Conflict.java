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
  private final Object[] args;
  private final java.util.Map<String, Object> properties;

  private Conflict(String code, String existingId, String currentState) {
    this(code, existingId, currentState, java.util.Map.of(), new Object[0]);
  }

  private Conflict(String code, String existingId, String currentState, java.util.Map<String, Object> properties,
      Object[] args) {
    super(code);
    this.code = code;
    this.existingId = existingId;
    this.currentState = currentState;
    this.properties = java.util.Map.copyOf(properties);
    this.args = args.clone();
  }

  /**
   * A refusal whose message needs more than the current state ({@code args} fill the message's
   * placeholders) and that tells the client more as problem properties (e.g. an alternative).
   */
  public static Conflict explained(String code, String currentState, java.util.Map<String, Object> properties,
      Object... args) {
    return new Conflict(code, null, currentState, properties, args);
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

  /** The message's placeholders when given apart from the current state (empty otherwise). */
  public Object[] args() {
    return args.clone();
  }

  /** Further problem properties. */
  public java.util.Map<String, Object> properties() {
    return properties;
  }
}
