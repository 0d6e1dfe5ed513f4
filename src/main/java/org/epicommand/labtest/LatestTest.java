package org.epicommand.labtest;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's latest test: their newest sampling, its result ({@code NEGATIVE}, {@code POSITIVE},
 * {@code INVALID}, or null while pending), their newest negative sampling (null if none) and their
 * jurisdiction path at the newest sampling.
 */
public record LatestTest(UUID personId, Instant lastSampledAt, String lastResult, Instant lastNegativeSampledAt,
    String jurisdictionPath) {

  /** Whether the person was sampled at or after {@code at}. */
  public boolean sampledSince(Instant at) {
    return !lastSampledAt.isBefore(at);
  }
}
