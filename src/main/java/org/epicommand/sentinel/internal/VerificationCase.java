package org.epicommand.sentinel.internal;

import org.epicommand.sentinel.VerificationOutcome;
import org.epicommand.sentinel.VerificationState;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * A verification item's guarded moves: OPEN → CONTACTED → CLOSED with the community's outcome — tested,
 * referred to a fever clinic, unreachable, excluded (with a reason). {@code SAMPLED} (the buyer's sampling landed),
 * {@code TIP_OFF_TURNED_DOWN} (the tip-off behind the item was turned down) and {@code INSPECTION_WITHDRAWN} (the
 * inspection behind it was withdrawn) are the platform's own outcomes and cannot be chosen. A missing or unknown
 * outcome is a field-level problem; a move that does not fit the state is a {@link Conflict} naming it (409).
 */
public final class VerificationCase {

  private VerificationState state;
  private VerificationOutcome outcome;

  public VerificationCase(VerificationState state, VerificationOutcome outcome) {
    this.state = state;
    this.outcome = outcome;
  }

  /** OPEN → CONTACTED. */
  public void contact() {
    if (state != VerificationState.OPEN) {
      throw Conflict.illegalTransition("sentinel.verificationState", state);
    }
    state = VerificationState.CONTACTED;
  }

  /** OPEN | CONTACTED → CLOSED with the community's outcome; an exclusion needs a reason. */
  public void close(VerificationOutcome chosen, String reason) {
    if (chosen == null || chosen.automatic()) {
      throw new ValidationFailure(FieldProblem.of("outcome", "sentinel.outcome"));
    }
    if (chosen == VerificationOutcome.EXCLUDED && (reason == null || reason.isBlank())) {
      throw new ValidationFailure(FieldProblem.of("note", "sentinel.excludedReason"));
    }
    if (state == VerificationState.CLOSED) {
      throw Conflict.illegalTransition("sentinel.verificationState", state);
    }
    state = VerificationState.CLOSED;
    outcome = chosen;
  }

  public VerificationState state() {
    return state;
  }

  public VerificationOutcome outcome() {
    return outcome;
  }
}
