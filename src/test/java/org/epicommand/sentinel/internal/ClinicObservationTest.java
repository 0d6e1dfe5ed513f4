package org.epicommand.sentinel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epicommand.sentinel.Disposition;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.ValidationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ending 留观 on a clinic visit, without a database. */
class ClinicObservationTest {

  @ParameterizedTest
  @EnumSource(value = Disposition.class, names = {"HOME_WAIT", "ADMITTED", "TRANSFERRED_TO_DESIGNATED",
      "REFERRED_UP"})
  void anObservationEndsInEachOtherDisposition(Disposition next) {
    ClinicObservation observation = new ClinicObservation(Disposition.OBSERVATION_ON_SITE, false);
    assertThat(observation.underObservation()).isTrue();
    observation.end(next);
    assertThat(observation.disposition()).isEqualTo(next);
    assertThat(observation.underObservation()).isFalse();
  }

  @Test
  void theNextDispositionIsRequiredAndCannotBeObservationAgain() {
    ClinicObservation observation = new ClinicObservation(Disposition.OBSERVATION_ON_SITE, false);
    assertThatThrownBy(() -> observation.end(null)).isInstanceOf(ValidationFailure.class);
    assertThatThrownBy(() -> observation.end(Disposition.OBSERVATION_ON_SITE)).isInstanceOf(ValidationFailure.class);
    assertThat(observation.underObservation()).isTrue();
  }

  @Test
  void aVisitNotUnderObservationNamesItsDisposition() {
    ClinicObservation home = new ClinicObservation(Disposition.HOME_WAIT, false);
    assertThatThrownBy(() -> home.end(Disposition.ADMITTED)).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).currentState()).isEqualTo("HOME_WAIT");
    ClinicObservation ended = new ClinicObservation(Disposition.OBSERVATION_ON_SITE, false);
    ended.end(Disposition.ADMITTED);
    assertThatThrownBy(() -> ended.end(Disposition.HOME_WAIT)).isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).currentState()).isEqualTo("ADMITTED");
  }
}
