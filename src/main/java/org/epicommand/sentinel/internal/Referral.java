package org.epicommand.sentinel.internal;

import org.epicommand.sentinel.ReferralState;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * A patient expected at a fever clinic and its guarded moves: an OPEN referral closes once, as ARRIVED when the
 * patient's visit is registered, or as NOT_ARRIVED with the clinic's reason (required, at most 500 characters:
 * otherwise a field-level problem on {@code reason}). Any move from a closed referral is a {@link Conflict} naming
 * its state (409).
 */
public final class Referral {

  static final int REASON_MAX = 500;

  private ReferralState state;
  private String reason;

  public Referral(ReferralState state) {
    this.state = state;
  }

  /** OPEN → ARRIVED: the patient's visit was registered. */
  public void arrive() {
    requireOpen();
    state = ReferralState.ARRIVED;
  }

  /** OPEN → NOT_ARRIVED with the reason, stripped. */
  public void notArrived(String why) {
    String text = why == null ? "" : why.strip();
    if (text.isEmpty() || text.length() > REASON_MAX) {
      throw new ValidationFailure(FieldProblem.of("reason", "sentinel.referralReason"));
    }
    requireOpen();
    state = ReferralState.NOT_ARRIVED;
    reason = text;
  }

  private void requireOpen() {
    if (state != ReferralState.OPEN) {
      throw Conflict.illegalTransition("sentinel.referralClosed", state);
    }
  }

  public ReferralState state() {
    return state;
  }

  public String reason() {
    return reason;
  }
}
