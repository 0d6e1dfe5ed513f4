package org.epicommand.sentinel;

/** A verification item: open, the buyer contacted, closed (with an outcome). */
public enum VerificationState {
  OPEN, CONTACTED, CLOSED
}
