package org.epicommand.sentinel;

/**
 * How a verification item closed: the buyer's sampling landed by itself ({@code SAMPLED}), the worker
 * had them tested, referred them to a fever clinic, could not reach them, or excluded them (with a reason); or the
 * tip-off that put the buyer on the list was turned down ({@code TIP_OFF_TURNED_DOWN}). The platform alone closes an
 * item as {@code SAMPLED} or {@code TIP_OFF_TURNED_DOWN} ({@link #automatic}).
 */
public enum VerificationOutcome {
  SAMPLED, TESTED, REFERRED_TO_CLINIC, UNREACHABLE, EXCLUDED, TIP_OFF_TURNED_DOWN;

  /** An outcome of the platform's own, never chosen by a worker. */
  public boolean automatic() {
    return this == SAMPLED || this == TIP_OFF_TURNED_DOWN;
  }
}
