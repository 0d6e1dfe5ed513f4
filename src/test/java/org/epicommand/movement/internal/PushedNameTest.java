package org.epicommand.movement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epicommand.movement.PushedItemState;
import org.epicommand.shared.Conflict;
import org.junit.jupiter.api.Test;

/** The pushed-list item's state machine, without the application. */
class PushedNameTest {

  @Test
  void anItemIsSignedVerifiedAnsweredAndAudited() {
    PushedName item = PushedName.in(PushedItemState.PUSHED);
    assertThat(item.moveTo(PushedItemState.SIGNED)).isEqualTo(PushedItemState.PUSHED);
    item.moveTo(PushedItemState.VERIFYING);
    assertThat(item.moveTo(PushedItemState.NOT_FOUND)).isEqualTo(PushedItemState.VERIFYING);
    item.moveTo(PushedItemState.FEEDBACK_SENT);
    item.moveTo(PushedItemState.AUDITED);
    assertThat(item.state()).isEqualTo(PushedItemState.AUDITED);
  }

  @Test
  void everyIllegalMoveNamesTheCurrentState() {
    assertIllegal(() -> PushedName.in(PushedItemState.PUSHED).moveTo(PushedItemState.VERIFYING), "PUSHED");
    assertIllegal(() -> PushedName.in(PushedItemState.SIGNED).moveTo(PushedItemState.LANDED), "SIGNED");
    assertIllegal(() -> PushedName.in(PushedItemState.LANDED).moveTo(PushedItemState.EXCLUDED), "LANDED");
    assertIllegal(() -> PushedName.in(PushedItemState.AUDITED).moveTo(PushedItemState.FEEDBACK_SENT), "AUDITED");
  }

  @Test
  void aReportFromSignedTakesTheVerifyingStepToo() {
    PushedName signed = PushedName.in(PushedItemState.SIGNED);
    assertThat(signed.report(PushedItemState.LANDED))
        .containsExactly(PushedItemState.VERIFYING, PushedItemState.LANDED, PushedItemState.FEEDBACK_SENT);
    assertThat(signed.state()).isEqualTo(PushedItemState.FEEDBACK_SENT);
    assertThat(PushedName.in(PushedItemState.VERIFYING).report(PushedItemState.EXCLUDED))
        .containsExactly(PushedItemState.EXCLUDED, PushedItemState.FEEDBACK_SENT);
    assertIllegal(() -> PushedName.in(PushedItemState.PUSHED).report(PushedItemState.LANDED), "PUSHED");
    assertIllegal(() -> PushedName.in(PushedItemState.LANDED).report(PushedItemState.LANDED), "LANDED");
  }

  @Test
  void theDeskWorksOnlyOnItemsStillOwingFeedback() {
    PushedName.in(PushedItemState.VERIFYING).requireAwaitingFeedback();
    assertIllegal(() -> PushedName.in(PushedItemState.FEEDBACK_SENT).requireAwaitingFeedback(), "FEEDBACK_SENT");
    assertIllegal(() -> PushedName.in(PushedItemState.AUDITED).requireAwaitingFeedback(), "AUDITED");
  }

  @Test
  void aLostRaceNamesTheStateTheMoveStartedFrom() {
    PushedName item = PushedName.in(PushedItemState.PUSHED);
    item.moveTo(PushedItemState.SIGNED);
    assertThat(item.raced().currentState()).isEqualTo("PUSHED");
  }

  private static void assertIllegal(Runnable move, String current) {
    assertThatThrownBy(move::run).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo("movement.pushed.illegalTransition");
      assertThat(c.currentState()).isEqualTo(current);
    });
  }
}
