package org.epicommand.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The SEIR solver against properties the exact solution has. */
class SeirTest {

  static Seir.Parameters params(double n, double r0, double latent, double infectious, double e0, double i0, int days,
      int interventionDay, double interventionR, int steps) {
    return new Seir.Parameters(n, r0 / infectious, latent, infectious, e0, i0, 0, days, interventionDay,
        interventionR / infectious, steps);
  }

  @Test
  void theCompartmentsAlwaysAddUpToThePopulation() {
    Seir.Run run = Seir.run(params(1_000_000, 2.5, 3, 5, 50, 20, 200, 40, 0.8, 10));
    for (int d = 0; d <= 200; d++) {
      double total = run.s()[d] + run.e()[d] + run.i()[d] + run.r()[d];
      assertThat(total).isCloseTo(1_000_000, within(1e-6));
      assertThat(run.s()[d]).isNotNegative();
    }
    // the new cases are what left E for I: their sum is the growth of I + R minus the start
    double cases = Arrays.stream(run.newCases()).sum();
    assertThat(cases).isCloseTo(run.i()[200] + run.r()[200] - 20, within(1e-6));
  }

  @Test
  void theFinalSizeFollowsTheSirRelation() {
    double n = 1_000_000;
    double r0 = 2.0;
    Seir.Run run = Seir.run(params(n, r0, 3, 5, 0, 1, 1000, -1, 0, 10));
    double sEnd = run.s()[1000];
    assertThat(run.e()[1000] + run.i()[1000]).isLessThan(1e-3);
    // ln(S0/S∞) = R0 (R∞ − R0_initial)/N with R∞ = N − S∞ (dS/dR = −R0 S / N), exact for SEIR too
    assertThat(Math.log(run.s()[0] / sEnd)).isCloseTo(r0 * (n - sEnd) / n, within(1e-6));
    // and the attack rate z solves z = 1 − exp(−R0 z) (about 0.7968 for R0 = 2), from a tiny seed
    double z = 0.5;
    for (int i = 0; i < 200; i++) {
      z = 1 - Math.exp(-r0 * z);
    }
    assertThat(z).isCloseTo(0.7968, within(1e-4));
    assertThat((n - sEnd) / n).isCloseTo(z, within(1e-4));
  }

  @Test
  void earlyGrowthMatchesTheLinearisedSystemsRate() {
    double beta = 3.0 / 5;
    double r = Seir.growthRate(beta, 3, 5);
    // r solves (r + σ)(r + γ) = σβ
    assertThat((r + 1 / 3.0) * (r + 1 / 5.0)).isCloseTo(beta / 3.0, within(1e-12));
    Seir.Run run = Seir.run(new Seir.Parameters(1e12, beta, 3, 5, 10, 10, 0, 60, -1, 0, 10));
    double measured = Math.log(run.newCases()[50] / run.newCases()[40]) / 10;
    assertThat(measured).isCloseTo(r, within(r * 1e-4));
    // the doubling time the page shows is ln 2 / r
    assertThat(Math.log(run.newCases()[50] / run.newCases()[40])).isCloseTo(10 * r, within(1e-3));
  }

  @Test
  void anInterventionBelowOneBendsTheCurveFromThatDay() {
    Seir.Run free = Seir.run(params(1e7, 2.5, 3, 5, 100, 100, 60, -1, 0, 10));
    Seir.Run cut = Seir.run(params(1e7, 2.5, 3, 5, 100, 100, 60, 20, 0.5, 10));
    assertThat(cut.newCases()[19]).isEqualTo(free.newCases()[19]);
    assertThat(cut.newCases()[59]).isLessThan(cut.newCases()[30]);
    assertThat(free.newCases()[40]).isGreaterThan(free.newCases()[30]);
  }

  @Test
  void occupancyCountsTheLastStayDaysIncludingHistory() {
    double[] present = Seir.occupancy(new double[] {1, 2, 3}, new double[] {10, 20, 30, 40}, 2, 3);
    // day 0: 10 + 3 + 2; day 1: 20 + 10 + 3; day 2: 30 + 20 + 10; day 3: 40 + 30 + 20
    assertThat(present).containsExactly(30, 66, 120, 180);
  }
}
