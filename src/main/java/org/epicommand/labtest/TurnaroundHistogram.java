package org.epicommand.labtest;

import java.util.Map;
import java.util.TreeMap;

/**
 * A duration histogram in {@value #BUCKET_MINUTES}-minute buckets as the rollup
 * {@code labtest_turnaround_hour} keeps it (bucket {@code b} holds [5b, 5b + 5) minutes; bucket
 * {@value #OVERFLOW} everything from 72 h on), and its percentiles. They follow {@code percentile_cont}:
 * the {@code p}-quantile lies at rank {@code p·(n − 1)} between two order statistics; each order
 * statistic is placed inside its bucket as if the bucket's values were spread evenly over it, so
 * every percentile below 72 h lies within one bucket (5 minutes) of the exact value. Overflowed
 * values count as exactly 72 h.
 */
final class TurnaroundHistogram {

  static final int BUCKET_MINUTES = 5;
  /** The overflow bucket: 72 h and more. */
  static final int OVERFLOW = 72 * 60 / BUCKET_MINUTES;

  private final TreeMap<Integer, Long> counts = new TreeMap<>();
  private long total;

  /** Adds {@code tubes} to bucket {@code bucket}. */
  void add(int bucket, long tubes) {
    counts.merge(bucket, tubes, Long::sum);
    total += tubes;
  }

  long total() {
    return total;
  }

  /** p50, p90 and p99 in minutes (one decimal), or null for an empty histogram. */
  CampaignBoard.Percentiles percentiles() {
    if (total == 0) {
      return null;
    }
    return new CampaignBoard.Percentiles(percentile(0.5), percentile(0.9), percentile(0.99));
  }

  double percentile(double p) {
    double rank = p * (total - 1);
    long below = (long) Math.floor(rank);
    double value = orderStatistic(below);
    if (rank > below) {
      value += (rank - below) * (orderStatistic(below + 1) - value);
    }
    return Math.round(value * 10) / 10.0;
  }

  /** The {@code k}-th smallest value (from 0), placed evenly inside its bucket. */
  private double orderStatistic(long k) {
    long before = 0;
    for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
      long n = bucket.getValue();
      if (k < before + n) {
        if (bucket.getKey() >= OVERFLOW) {
          return OVERFLOW * BUCKET_MINUTES;
        }
        return (bucket.getKey() + (k - before + 0.5) / n) * BUCKET_MINUTES;
      }
      before += n;
    }
    throw new IllegalArgumentException("rank " + k + " beyond " + total);
  }
}
