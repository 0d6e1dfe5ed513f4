package org.epicommand.enterprise;

/**
 * The documents of an application: the application itself, the commitment to prevention
 * responsibility (防控责任承诺书), the staff roster, the prevention plan, the emergency plan, staff health proof.
 */
public enum DocumentKind {
  APPLICATION, COMMITMENT, STAFF_ROSTER, PREVENTION_PLAN, EMERGENCY_PLAN, HEALTH_PROOF;

  /** The documents an approval needs. */
  public static final java.util.Set<DocumentKind> REQUIRED = java.util.EnumSet.of(APPLICATION, COMMITMENT,
      PREVENTION_PLAN);
}
