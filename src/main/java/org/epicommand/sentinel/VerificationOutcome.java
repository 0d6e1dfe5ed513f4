package org.epicommand.sentinel;

/**
 * How a verification item closed: the buyer's sampling landed by itself ({@code SAMPLED}), the worker
 * had them tested, referred them to a fever clinic, could not reach them, or excluded them (with a reason); or the
 * tip-off that put the buyer on the list was turned down ({@code TIP_OFF_TURNED_DOWN}), or the inspection that put
 * them there was withdrawn as recorded by mistake ({@code INSPECTION_WITHDRAWN}). The platform alone closes an item
 * with these three ({@link #automatic}).
 */
public enum VerificationOutcome {
  SAMPLED, TESTED, REFERRED_TO_CLINIC, UNREACHABLE, EXCLUDED, TIP_OFF_TURNED_DOWN,
  INSPECTION_WITHDRAWN;

  /** An outcome of the platform's own, never chosen by a worker. */
  public boolean automatic() {
    return this == SAMPLED || this == TIP_OFF_TURNED_DOWN || this == INSPECTION_WITHDRAWN;
  }
}
