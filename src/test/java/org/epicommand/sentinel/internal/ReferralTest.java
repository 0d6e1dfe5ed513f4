package org.epicommand.sentinel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epicommand.sentinel.ReferralState;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.ValidationFailure;
import org.junit.jupiter.api.Test;

/** A patient expected at a fever clinic: arrived or not arrived, once, without a database. */
class ReferralTest {

  @Test
  void anOpenReferralArrives() {
    Referral referral = new Referral(ReferralState.OPEN);
    referral.arrive();
    assertThat(referral.state()).isEqualTo(ReferralState.ARRIVED);
  }

  @Test
  void notArrivedNeedsAReasonAndKeepsItStripped() {
    Referral referral = new Referral(ReferralState.OPEN);
    assertThatThrownBy(() -> referral.notArrived(null)).isInstanceOf(ValidationFailure.class);
    assertThatThrownBy(() -> referral.notArrived("  ")).isInstanceOf(ValidationFailure.class);
    assertThatThrownBy(() -> referral.notArrived("很".repeat(501))).isInstanceOf(ValidationFailure.class);
    assertThat(referral.state()).isEqualTo(ReferralState.OPEN);
    referral.notArrived(" 电话联系不上 ");
    assertThat(referral.state()).isEqualTo(ReferralState.NOT_ARRIVED);
    assertThat(referral.reason()).isEqualTo("电话联系不上");
  }

  @Test
  void aClosedReferralNamesItsStateOnEveryMove() {
    Referral arrived = new Referral(ReferralState.ARRIVED);
    assertThatThrownBy(arrived::arrive).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).currentState()).isEqualTo("ARRIVED");
    assertThatThrownBy(() -> arrived.notArrived("未来")).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).currentState()).isEqualTo("ARRIVED");
    Referral gone = new Referral(ReferralState.NOT_ARRIVED);
    assertThatThrownBy(gone::arrive).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).currentState()).isEqualTo("NOT_ARRIVED");
  }

  @Test
  void anUnassignedOpenReferralIsGivenToAClinicOnce() {
    Referral referral = new Referral(ReferralState.OPEN, null);
    referral.assign("91110000FEVER0001X");
    assertThat(referral.clinic()).isEqualTo("91110000FEVER0001X");
    assertThat(referral.state()).isEqualTo(ReferralState.OPEN);
    assertThatThrownBy(() -> referral.assign("91110000FEVER0002X")).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).properties().get("clinicCode")).isEqualTo("91110000FEVER0001X");
    assertThat(referral.clinic()).isEqualTo("91110000FEVER0001X");
    Referral closed = new Referral(ReferralState.NOT_ARRIVED, null);
    assertThatThrownBy(() -> closed.assign("91110000FEVER0001X")).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).currentState()).isEqualTo("NOT_ARRIVED");
    assertThat(closed.clinic()).isNull();
  }

  @Test
  void anOpenReferralMovesFromItsClinicToAnotherButNotWhenClosedOrUnassigned() {
    Referral referral = new Referral(ReferralState.OPEN, "91110000FEVER0001X");
    assertThatThrownBy(() -> referral.move("91110000FEVER0001X")).isInstanceOf(ValidationFailure.class);
    referral.move("91110000FEVER0002X");
    assertThat(referral.clinic()).isEqualTo("91110000FEVER0002X");
    assertThat(referral.previous()).isEqualTo("91110000FEVER0001X");
    assertThat(referral.state()).isEqualTo(ReferralState.OPEN);
    for (ReferralState closed : java.util.List.of(ReferralState.ARRIVED, ReferralState.NOT_ARRIVED)) {
      Referral done = new Referral(closed, "91110000FEVER0001X");
      assertThatThrownBy(() -> done.move("91110000FEVER0002X")).isInstanceOf(Conflict.class)
          .extracting(e -> ((Conflict) e).currentState()).isEqualTo(closed.name());
      assertThat(done.clinic()).isEqualTo("91110000FEVER0001X");
    }
    Referral unassigned = new Referral(ReferralState.OPEN, null);
    assertThatThrownBy(() -> unassigned.move("91110000FEVER0002X")).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).currentState()).isEqualTo("OPEN");
    assertThat(unassigned.clinic()).isNull();
  }
}
