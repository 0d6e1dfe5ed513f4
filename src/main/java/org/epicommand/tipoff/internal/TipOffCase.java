package org.epicommand.tipoff.internal;

import java.util.EnumSet;
import java.util.Set;
import org.epicommand.shared.Conflict;
import org.epicommand.tipoff.TipOff.Outcome;
import org.epicommand.tipoff.TipOff.Rejection;
import org.epicommand.tipoff.TipOff.State;
import org.epicommand.tipoff.TipOff.Topic;

/**
 * The tip-off aggregate: its state and the guarded moves of the lifecycle (docs/capabilities/tipoff.md).
 * Every illegal move is a {@link Conflict} naming the current state (409).
 */
public final class TipOffCase {

  /** The states of a substantiated tip-off: a reward may follow, concealment may be referred. */
  static final Set<State> SUBSTANTIATED = EnumSet.of(State.SUBSTANTIATED, State.REWARD_PROPOSED,
      State.REWARD_APPROVED, State.REWARD_DECLINED, State.REWARD_PAID, State.CLOSED);

  private final Topic topic;
  private final java.util.UUID firstTipOff;
  private String rewardProposedBy;
  private State state;

  public TipOffCase(Topic topic, State state) {
    this(topic, state, null);
  }

  /** With who proposed the reward (null when none is proposed). */
  public TipOffCase(Topic topic, State state, String rewardProposedBy) {
    this(topic, state, rewardProposedBy, null);
  }

  /** With the first tip-off of the matter when this one was turned down as its duplicate (null otherwise). */
  public TipOffCase(Topic topic, State state, String rewardProposedBy, java.util.UUID firstTipOff) {
    this.topic = topic;
    this.state = state;
    this.rewardProposedBy = rewardProposedBy;
    this.firstTipOff = firstTipOff;
  }

  /** What the tip-off is about. */
  public Topic topic() {
    return topic;
  }

  public State state() {
    return state;
  }

  public String rewardProposedBy() {
    return rewardProposedBy;
  }

  /** RECEIVED → ASSIGNED: the office accepts it and sends it to the community for verification. */
  public void assign() {
    require(State.RECEIVED);
    state = State.ASSIGNED;
  }

  /** RECEIVED → UNSUBSTANTIATED or DUPLICATE: the office turns it down at triage. */
  public void reject(Rejection reason) {
    require(State.RECEIVED);
    state = reason == Rejection.DUPLICATE ? State.DUPLICATE : State.UNSUBSTANTIATED;
  }

  /** ASSIGNED → VERIFYING: the community worker has taken it up. */
  public void start() {
    require(State.ASSIGNED);
    state = State.VERIFYING;
  }

  /** ASSIGNED or VERIFYING → SUBSTANTIATED or UNSUBSTANTIATED by the outcome; true when substantiated. */
  public boolean verify(Outcome outcome) {
    if (!State.VERIFICATION.contains(state)) {
      throw illegal();
    }
    state = outcome.substantiated() ? State.SUBSTANTIATED : State.UNSUBSTANTIATED;
    return outcome.substantiated();
  }

  /**
   * SUBSTANTIATED → REWARD_PROPOSED by the proposer: no reward for anything not substantiated; a duplicate's
   * answer names the first tip-off of the matter, whose informant alone is rewarded ({@code firstTipOffId}).
   */
  public void proposeReward(String proposer) {
    if (state == State.DUPLICATE && firstTipOff != null) {
      throw Conflict.explained("tipoff.firstInformantOnly", state.name(),
          java.util.Map.of("firstTipOffId", firstTipOff.toString()), firstTipOff.toString(), state.name());
    }
    require(State.SUBSTANTIATED);
    state = State.REWARD_PROPOSED;
    rewardProposedBy = proposer;
  }

  /** REWARD_PROPOSED → REWARD_APPROVED by someone other than the proposer (four eyes: 409 naming the proposer). */
  public void approveReward(String approver) {
    requireSecondPerson(approver, "tipoff.rewardFourEyes");
    state = State.REWARD_APPROVED;
  }

  /** REWARD_PROPOSED → REWARD_DECLINED by someone other than the proposer (four eyes: 409 naming the proposer). */
  public void declineReward(String decider) {
    requireSecondPerson(decider, "tipoff.declineFourEyes");
    state = State.REWARD_DECLINED;
  }

  private void requireSecondPerson(String decider, String code) {
    require(State.REWARD_PROPOSED);
    if (decider == null || decider.equals(rewardProposedBy)) {
      throw Conflict.explained(code, state.name(),
          java.util.Map.of("proposedBy", String.valueOf(rewardProposedBy)), rewardProposedBy, state.name());
    }
  }

  /** REWARD_APPROVED → REWARD_PAID. */
  public void pay() {
    require(State.REWARD_APPROVED);
    state = State.REWARD_PAID;
  }

  /** SUBSTANTIATED (no reward), REWARD_DECLINED or REWARD_PAID → CLOSED (办结). */
  public void close() {
    if (state != State.SUBSTANTIATED && state != State.REWARD_DECLINED && state != State.REWARD_PAID) {
      throw illegal();
    }
    state = State.CLOSED;
  }

  /**
   * A concealment referral may be made once the tip-off is substantiated (the state stays as it is); a
   * tip-off about anything but concealment of illness or travel is not referred.
   */
  public void requireReferable() {
    if (!topic.concealment()) {
      throw Conflict.naming("tipoff.notConcealment", topic.name());
    }
    if (!SUBSTANTIATED.contains(state)) {
      throw illegal();
    }
  }

  /** Past its deadline while still waiting for the community's verification. */
  public static boolean overdue(State state, java.time.Instant due, java.time.Instant now) {
    return due != null && State.VERIFICATION.contains(state) && now.isAfter(due);
  }

  private void require(State expected) {
    if (state != expected) {
      throw illegal();
    }
  }

  private Conflict illegal() {
    return Conflict.illegalTransition("tipoff.illegal", state);
  }
}
