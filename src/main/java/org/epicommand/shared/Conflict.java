package org.epicommand.shared;

import java.util.List;
import java.util.Map;

/**
 * A request that cannot be carried out in the record's present state: answered as 409. A duplicate
 * names the record that exists ({@code existingId}); an illegal state transition names the current
 * state; a step whose conditions are not met lists what is {@linkplain #missing() missing}; a refusal
 * may explain itself further with message arguments and problem properties.
 */
public class Conflict extends RuntimeException {

  private final String code;
  private final String existingId;
  private final String currentState;
  private final List<FieldProblem> missing;
  private final Map<String, Object> properties;
  private final Object[] args;

  private Conflict(String code, String existingId, String currentState) {
    this(code, existingId, currentState, List.of(), Map.of(), new Object[0]);
  }

  private Conflict(String code, String existingId, String currentState, List<FieldProblem> missing,
      Map<String, Object> properties, Object[] args) {
    super(code);
    this.code = code;
    this.existingId = existingId;
    this.currentState = currentState;
    this.missing = List.copyOf(missing);
    this.properties = Map.copyOf(properties);
    this.args = args.clone();
  }

  /**
   * A step refused because conditions are not met (an approval without its sign-offs, say): each
   * missing thing as a problem whose {@code field} names it (answered as {@code missing[]}).
   */
  public static Conflict unmet(String code, Enum<?> currentState, List<FieldProblem> missing) {
    return new Conflict(code, null, currentState.name(), missing, Map.of(), new Object[0]);
  }

  /**
   * A refusal whose message needs more than the current state ({@code args} fill the message's
   * placeholders) and that tells the client more as problem properties (e.g. an alternative).
   */
  public static Conflict explained(String code, String currentState, Map<String, Object> properties,
      Object... args) {
    return new Conflict(code, null, currentState, List.of(), properties, args);
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
  public List<FieldProblem> missing() {
    return missing;
  }

  /** The message's placeholders when given apart from the current state (empty otherwise). */
  public Object[] args() {
    return args.clone();
  }

  /** Further problem properties. */
  public Map<String, Object> properties() {
    return properties;
  }
}
