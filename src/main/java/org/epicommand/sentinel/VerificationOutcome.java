package org.epicommand.sentinel;

/**
 * How a verification item closed: the buyer's sampling landed by itself ({@code SAMPLED}), the worker
 * had them tested, referred them to a fever clinic, could not reach them, or excluded them (with a reason).
 */
public enum VerificationOutcome {
  SAMPLED, TESTED, REFERRED_TO_CLINIC, UNREACHABLE, EXCLUDED
}
