package org.epicommand.sentinel.internal;

import org.epicommand.sentinel.ReferralState;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * A patient expected at a fever clinic and its guarded moves: an OPEN referral closes once, as ARRIVED when the
 * patient's visit is registered, or as NOT_ARRIVED with the clinic's reason (required, at most 500 characters:
 * otherwise a field-level problem on {@code reason}). An OPEN referral no fever clinic serves (its district has
 * none) is given to a fever clinic by hand, once; one that has a clinic already is a {@link Conflict} (state OPEN)
 * naming that clinic. An OPEN referral that has a clinic is moved to another fever clinic by hand (the clinic it has
 * already is a field-level problem on {@code clinicId}; an unassigned one is assigned, not moved: a {@link Conflict}).
 * Any move from a closed referral is a {@link Conflict} naming its state (409).
 */
public final class Referral {

  static final int REASON_MAX = 500;

  private ReferralState state;
  private String reason;
  private String clinic;
  private String previous;

  public Referral(ReferralState state) {
    this(state, null);
  }

  /** A referral in its state, with the clinic it is referred to (null: unassigned). */
  public Referral(ReferralState state, String clinic) {
    this.state = state;
    this.clinic = clinic;
  }

  /** OPEN and unassigned → OPEN at {@code feverClinic} (the caller checked that it is an active fever clinic). */
  public void assign(String feverClinic) {
    requireOpen();
    if (clinic != null) {
      throw Conflict.explained("sentinel.referralAssigned", state.name(), java.util.Map.of("clinicCode", clinic),
          clinic);
    }
    clinic = feverClinic;
  }

  /**
   * OPEN at one clinic → OPEN at {@code feverClinic} (the caller checked that it is an active fever clinic); the
   * clinic it leaves is {@link #previous()}.
   */
  public void move(String feverClinic) {
    requireOpen();
    if (clinic == null) {
      throw Conflict.illegalTransition("sentinel.referralUnassigned", state);
    }
    if (clinic.equals(feverClinic)) {
      throw new ValidationFailure(FieldProblem.of("clinicId", "sentinel.referralSameClinic"));
    }
    previous = clinic;
    clinic = feverClinic;
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

  public String clinic() {
    return clinic;
  }

  /** The clinic a move took the referral from (null: not moved). */
  public String previous() {
    return previous;
  }

  public String reason() {
    return reason;
  }
}
