package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The board's turnaround percentiles from 5-minute buckets: the interpolation and its precision. */
class TurnaroundHistogramTest {

  /** The bucket of a duration in minutes, as {@code labtest_turnaround_bucket} computes it. */
  static int bucket(double minutes) {
    return (int) Math.min(TurnaroundHistogram.OVERFLOW, Math.max(0, Math.floor(minutes / 5)));
  }

  static TurnaroundHistogram of(double... minutes) {
    TurnaroundHistogram histogram = new TurnaroundHistogram();
    for (double m : minutes) {
      histogram.add(bucket(m), 1);
    }
    return histogram;
  }

  /** percentile_cont: linear between the order statistics around rank p·(n − 1). */
  static double exact(double[] sorted, double p) {
    double rank = p * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    return below + 1 < sorted.length ? sorted[below] + (rank - below) * (sorted[below + 1] - sorted[below])
        : sorted[below];
  }

  @Test
  void orderStatisticsSitInsideTheirBucketsAndPercentilesInterpolateBetweenThem() {
    // 120 and 240 minutes: placed at 122.5 and 242.5, the middles of their buckets
    CampaignBoard.Percentiles two = of(120, 240).percentiles();
    assertThat(two.p50()).isEqualTo(182.5);
    assertThat(two.p90()).isEqualTo(230.5);
    assertThat(two.p99()).isEqualTo(241.3);
    // ten tubes in one bucket [60, 65): spread evenly at 60.25, 60.75, ..., 64.75
    TurnaroundHistogram ten = new TurnaroundHistogram();
    ten.add(12, 10);
    assertThat(ten.total()).isEqualTo(10);
    assertThat(ten.percentile(0.5)).isEqualTo(62.5);
    assertThat(ten.percentile(0.9)).isEqualTo(64.3);
    assertThat(ten.percentile(0)).isEqualTo(60.3);
    assertThat(ten.percentile(1)).isEqualTo(64.8);
  }

  @Test
  void overflowCountsAsSeventyTwoHoursAndAnEmptyHistogramHasNoPercentiles() {
    assertThat(of(4000, 5000).percentile(0.5)).isCloseTo((4002.5 + 4320) / 2, within(0.1));
    assertThat(of(9000).percentile(0.99)).isEqualTo(4320.0);
    assertThat(of(-3).percentile(0.5)).isEqualTo(2.5);
    assertThat(new TurnaroundHistogram().percentiles()).isNull();
  }

  @Test
  void everyPercentileBelowSeventyTwoHoursLiesWithinOneBucketOfTheExactValue() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(300);
      double[] minutes = new double[n];
      for (int i = 0; i < n; i++) {
        // a skewed, clumpy distribution: many fast results, a long tail
        minutes[i] = Math.min(4319.9, random.nextInt(3) == 0 ? random.nextDouble() * 4000
            : 60 + Math.abs(random.nextGaussian()) * 90);
      }
      TurnaroundHistogram histogram = of(minutes);
      Arrays.sort(minutes);
      for (double p : new double[] {0.5, 0.9, 0.99}) {
        assertThat(histogram.percentile(p)).as("n=%d p=%s", n, p).isCloseTo(exact(minutes, p), within(5.05));
      }
    }
  }
}
