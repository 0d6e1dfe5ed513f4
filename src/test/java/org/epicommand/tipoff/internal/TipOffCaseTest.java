package org.epicommand.tipoff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.epicommand.shared.Conflict;
import org.epicommand.tipoff.TipOff.Outcome;
import org.epicommand.tipoff.TipOff.Rejection;
import org.epicommand.tipoff.TipOff.State;
import org.epicommand.tipoff.TipOff.Topic;
import org.junit.jupiter.api.Test;

/** The tip-off state machine without the application. */
class TipOffCaseTest {

  static final Instant DUE = Instant.parse("2022-11-10T02:00:00Z");

  @Test
  void aSubstantiatedTipOffIsRewardedPaidAndClosed() {
    TipOffCase tip = new TipOffCase(Topic.GATHERING, State.RECEIVED);
    tip.assign();
    tip.start();
    assertThat(tip.verify(Outcome.PARTLY_CONFIRMED)).isTrue();
    assertThat(tip.state()).isEqualTo(State.SUBSTANTIATED);
    tip.proposeReward("office-a");
    tip.approveReward("office-b");
    tip.pay();
    tip.close();
    assertThat(tip.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void verificationMayStartFromTheAssignmentAndAnUnfoundedOneEndsThere() {
    TipOffCase tip = new TipOffCase(Topic.OTHER, State.ASSIGNED);
    assertThat(tip.verify(Outcome.UNFOUNDED)).isFalse();
    assertThat(tip.state()).isEqualTo(State.UNSUBSTANTIATED);
    assertThat(tip.state().publicStatus()).isEqualTo(org.epicommand.tipoff.TipOff.PublicStatus.NOT_SUBSTANTIATED);
    assertThatThrownBy(() -> tip.proposeReward("office-a")).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("UNSUBSTANTIATED"));
    assertThatThrownBy(tip::close).isInstanceOf(Conflict.class);
  }

  @Test
  void triageTurnsDuplicatesAndUnfoundedOnesDown() {
    TipOffCase duplicate = new TipOffCase(Topic.GATHERING, State.RECEIVED);
    duplicate.reject(Rejection.DUPLICATE);
    assertThat(duplicate.state()).isEqualTo(State.DUPLICATE);
    assertThatThrownBy(duplicate::assign).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("DUPLICATE"));
    TipOffCase unfounded = new TipOffCase(Topic.GATHERING, State.RECEIVED);
    unfounded.reject(Rejection.UNFOUNDED);
    assertThat(unfounded.state()).isEqualTo(State.UNSUBSTANTIATED);
  }

  @Test
  void everyIllegalMoveNamesTheCurrentState() {
    TipOffCase tip = new TipOffCase(Topic.CONCEALED_TRAVEL, State.RECEIVED);
    for (Runnable move : new Runnable[] {tip::start, () -> tip.verify(Outcome.CONFIRMED),
        () -> tip.proposeReward("office-a"), () -> tip.approveReward("office-b"), () -> tip.declineReward("office-b"),
        tip::pay,
        tip::close, tip::requireReferable}) {
      assertThatThrownBy(move::run).isInstanceOfSatisfying(Conflict.class, c -> {
        assertThat(c.code()).isEqualTo("tipoff.illegal");
        assertThat(c.currentState()).isEqualTo("RECEIVED");
      });
    }
    tip.assign();
    assertThatThrownBy(() -> tip.reject(Rejection.UNFOUNDED)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("ASSIGNED"));
    assertThatThrownBy(tip::assign).isInstanceOf(Conflict.class);
    tip.verify(Outcome.CONFIRMED);
    tip.requireReferable();
    tip.proposeReward("office-a");
    tip.declineReward("office-b");
    assertThatThrownBy(tip::pay).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("REWARD_DECLINED"));
    tip.close();
    tip.requireReferable();
    assertThatThrownBy(tip::close).isInstanceOf(Conflict.class);
  }

  @Test
  void onlyConcealmentIsReferred() {
    TipOffCase gathering = new TipOffCase(Topic.GATHERING, State.SUBSTANTIATED);
    assertThatThrownBy(gathering::requireReferable).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.code()).isEqualTo("tipoff.notConcealment"));
    new TipOffCase(Topic.CONCEALED_SYMPTOMS, State.REWARD_PAID).requireReferable();
  }

  @Test
  void overdueOnlyWhileWaitingForTheVerification() {
    assertThat(TipOffCase.overdue(State.ASSIGNED, DUE, DUE)).isFalse();
    assertThat(TipOffCase.overdue(State.ASSIGNED, DUE, DUE.plusSeconds(1))).isTrue();
    assertThat(TipOffCase.overdue(State.VERIFYING, DUE, DUE.plusSeconds(1))).isTrue();
    assertThat(TipOffCase.overdue(State.SUBSTANTIATED, DUE, DUE.plusSeconds(99))).isFalse();
    assertThat(TipOffCase.overdue(State.RECEIVED, null, DUE)).isFalse();
  }

  @Test
  void theProposerOfARewardMayNotApproveIt() {
    TipOffCase tip = new TipOffCase(Topic.GATHERING, State.SUBSTANTIATED);
    tip.proposeReward("office-a");
    assertThat(tip.rewardProposedBy()).isEqualTo("office-a");
    assertThatThrownBy(() -> tip.approveReward("office-a")).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo("tipoff.rewardFourEyes");
      assertThat(c.currentState()).isEqualTo("REWARD_PROPOSED");
      assertThat(c.args()).containsExactly("office-a", "REWARD_PROPOSED");
    });
    assertThat(tip.state()).isEqualTo(State.REWARD_PROPOSED);
    TipOffCase stored = new TipOffCase(Topic.GATHERING, State.REWARD_PROPOSED, "office-a");
    assertThatThrownBy(() -> stored.approveReward("office-a")).isInstanceOf(Conflict.class);
    stored.approveReward("office-b");
    assertThat(stored.state()).isEqualTo(State.REWARD_APPROVED);
  }

  @Test
  void theProposerOfARewardMayNotDeclineItEither() {
    TipOffCase tip = new TipOffCase(Topic.GATHERING, State.REWARD_PROPOSED, "office-a");
    assertThatThrownBy(() -> tip.declineReward("office-a")).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo("tipoff.declineFourEyes");
      assertThat(c.currentState()).isEqualTo("REWARD_PROPOSED");
      assertThat(c.properties()).containsEntry("proposedBy", "office-a");
      assertThat(c.args()).containsExactly("office-a", "REWARD_PROPOSED");
    });
    assertThat(tip.state()).isEqualTo(State.REWARD_PROPOSED);
    tip.declineReward("office-b");
    assertThat(tip.state()).isEqualTo(State.REWARD_DECLINED);
  }

  @Test
  void aDuplicateIsNeverRewardedAndNamesTheFirstTipOff() {
    java.util.UUID first = java.util.UUID.randomUUID();
    TipOffCase duplicate = new TipOffCase(Topic.GATHERING, State.DUPLICATE, null, first);
    assertThatThrownBy(() -> duplicate.proposeReward("office-a")).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo("tipoff.firstInformantOnly");
      assertThat(c.currentState()).isEqualTo("DUPLICATE");
      assertThat(c.properties()).containsEntry("firstTipOffId", first.toString());
    });
    assertThat(duplicate.state()).isEqualTo(State.DUPLICATE);
  }
}
