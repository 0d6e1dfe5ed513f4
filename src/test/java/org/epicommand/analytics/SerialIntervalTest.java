package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.junit.jupiter.api.Test;

/** The discretised serial interval of Cori et al. 2013, Web Appendix 11, and given distributions. */
class SerialIntervalTest {

  @Test
  void parametricDistributionStartsAtZeroAndSumsToOne() {
    SerialInterval si = SerialInterval.parametric(2.6, 1.5, 60);

    assertThat(si.weight(0)).isZero();
    assertThat(Arrays.stream(si.weights()).min().orElseThrow()).isNotNegative();
    assertThat(Arrays.stream(si.weights()).sum()).isCloseTo(1, offset(1e-12));
    // discretising a uniformly started delay keeps the mean of the continuous one, shift included
    assertThat(si.mean()).isCloseTo(2.6, offset(1e-10));
  }

  @Test
  void parametricDistributionHasEpiEstimsValues() {
    // EpiEstim discr_si(0:5, 2.6, 1.5), as printed in its estimate_R snapshot (Examples 2 and 3)
    double[] epiEstim = {0, 2.331721e-01, 3.585794e-01, 1.981108e-01, 1.033427e-01, 5.290518e-02};
    SerialInterval si = SerialInterval.parametric(2.6, 1.5, 6);

    for (int k = 0; k < epiEstim.length; k++) {
      assertThat(si.weight(k)).as("w_%d", k).isCloseTo(epiEstim[k], offset(5e-7 * epiEstim[k]));
    }
  }

  @Test
  void truncatedTailIsNotRenormalised() {
    // EpiEstim computes days 0 … T − 1 and uses them as they are: with T = 27 the mean is 2.599999
    SerialInterval si = SerialInterval.parametric(2.6, 1.5, 27);

    assertThat(Arrays.stream(si.weights()).sum()).isLessThan(1).isGreaterThan(1 - 1e-7);
    assertThat(si.mean()).isCloseTo(2.599999, offset(5e-7)).isLessThan(2.6);
  }

  @Test
  void aNarrowSerialIntervalConcentratesOnItsMean() {
    // sd → 0: a delay of almost exactly 3 days (1 + a gamma of mean 2) lands on day 3
    SerialInterval si = SerialInterval.parametric(3, 1e-4, 10);

    assertThat(si.weight(3)).isGreaterThan(0.999);
    assertThat(si.weight(2) + si.weight(3) + si.weight(4)).isCloseTo(1, offset(1e-9));
    assertThat(si.mean()).isCloseTo(3, offset(1e-9));
  }

  @Test
  void refusesParametersEpiEstimRefuses() {
    assertInvalid(() -> SerialInterval.parametric(1, 1.5, 10));
    assertInvalid(() -> SerialInterval.parametric(0.5, 1.5, 10));
    assertInvalid(() -> SerialInterval.parametric(2.6, 0, 10));
    assertInvalid(() -> SerialInterval.parametric(2.6, -1, 10));
    assertInvalid(() -> SerialInterval.parametric(Double.NaN, 1.5, 10));
    assertInvalid(() -> SerialInterval.parametric(2.6, Double.POSITIVE_INFINITY, 10));
    // shape ((μ − 1)/σ)² overflows
    assertInvalid(() -> SerialInterval.parametric(1e300, 1e-300, 10));
  }

  @Test
  void takesAGivenDistributionAsItIs() {
    SerialInterval si = SerialInterval.given(List.of(0, 0.25, 0.5, 0.245));

    assertThat(si.weights()).containsExactly(0, 0.25, 0.5, 0.245);
    assertThat(si.mean()).isCloseTo(0.25 + 1 + 0.735, offset(1e-12));
    assertThat(si.paddedTo(6).weights()).containsExactly(0, 0.25, 0.5, 0.245, 0, 0);
    assertThat(si.paddedTo(2)).isEqualTo(si);
  }

  @Test
  void refusesAGivenDistributionEpiEstimRefuses() {
    assertInvalid(() -> SerialInterval.given(null));
    assertInvalid(() -> SerialInterval.given(List.of()));
    assertInvalid(() -> SerialInterval.given(List.of(0.1, 0.9)));
    assertInvalid(() -> SerialInterval.given(List.of(0, -0.5, 1.5)));
    assertInvalid(() -> SerialInterval.given(List.of(0, 0.5)));
    assertInvalid(() -> SerialInterval.given(List.of(0, 0.6, 0.6)));
    assertInvalid(() -> SerialInterval.given(Arrays.asList(0, null, 1)));
    assertInvalid(() -> SerialInterval.given(List.of(0, Double.NaN, 1)));
  }

  @Test
  void keepsItsWeightsToItself() {
    double[] weights = {0, 0.5, 0.5};
    SerialInterval si = new SerialInterval(weights);
    weights[1] = 7;
    si.weights()[2] = 7;

    assertThat(si.weights()).containsExactly(0, 0.5, 0.5);
  }

  private static void assertInvalid(Runnable creation) {
    assertThatThrownBy(creation::run).isInstanceOfSatisfying(ValidationFailure.class,
        failure -> assertThat(failure.problems()).containsExactly(FieldProblem.of("si", "rt.si")));
  }
}
