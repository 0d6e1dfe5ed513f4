package org.epicommand.sentinel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epicommand.sentinel.VerificationOutcome;
import org.epicommand.sentinel.VerificationState;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.ValidationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The verification item's moves and the community's outcomes, without a database. */
class VerificationCaseTest {

  @ParameterizedTest
  @EnumSource(value = VerificationOutcome.class, names = {"TESTED", "REFERRED_TO_CLINIC", "UNREACHABLE"})
  void eachOutcomeOfTheCommunityIsRecordedFromOpenOrContacted(VerificationOutcome outcome) {
    VerificationCase contacted = new VerificationCase(VerificationState.OPEN, null);
    contacted.contact();
    contacted.close(outcome, null);
    assertThat(contacted.state()).isEqualTo(VerificationState.CLOSED);
    assertThat(contacted.outcome()).isEqualTo(outcome);
    VerificationCase open = new VerificationCase(VerificationState.OPEN, null);
    open.close(outcome, null);
    assertThat(open.outcome()).isEqualTo(outcome);
  }

  @Test
  void anExclusionNeedsAReasonAndSampledIsThePlatformsOwn() {
    VerificationCase item = new VerificationCase(VerificationState.CONTACTED, null);
    assertThatThrownBy(() -> item.close(VerificationOutcome.EXCLUDED, " ")).isInstanceOf(ValidationFailure.class);
    assertThatThrownBy(() -> item.close(VerificationOutcome.SAMPLED, null)).isInstanceOf(ValidationFailure.class);
    assertThatThrownBy(() -> item.close(VerificationOutcome.TIP_OFF_TURNED_DOWN, null))
        .as("the platform's own, when the tip-off is turned down").isInstanceOf(ValidationFailure.class);
    assertThatThrownBy(() -> item.close(VerificationOutcome.INSPECTION_WITHDRAWN, null))
        .as("the platform's own, when the inspection is withdrawn").isInstanceOf(ValidationFailure.class);
    assertThatThrownBy(() -> item.close(null, null)).isInstanceOf(ValidationFailure.class);
    assertThat(item.state()).isEqualTo(VerificationState.CONTACTED);
    item.close(VerificationOutcome.EXCLUDED, "已离开本市");
    assertThat(item.outcome()).isEqualTo(VerificationOutcome.EXCLUDED);
  }

  @Test
  void illegalMovesNameTheCurrentState() {
    VerificationCase contacted = new VerificationCase(VerificationState.CONTACTED, null);
    assertThatThrownBy(contacted::contact).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).currentState()).isEqualTo("CONTACTED");
    VerificationCase closed = new VerificationCase(VerificationState.CLOSED, VerificationOutcome.SAMPLED);
    assertThatThrownBy(() -> closed.close(VerificationOutcome.TESTED, null)).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).currentState()).isEqualTo("CLOSED");
    assertThatThrownBy(closed::contact).isInstanceOf(Conflict.class);
    assertThat(closed.outcome()).isEqualTo(VerificationOutcome.SAMPLED);
  }
}
