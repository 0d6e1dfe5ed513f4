package org.epicommand.movement.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for the public self-registration (no login): {@code perMinute}
 * requests at once, refilled evenly over a minute. Kept in memory, so with several application
 * instances behind a load balancer each instance counts on its own (the limit multiplies by the
 * number of instances); a shared limit would live in PostgreSQL or at the proxy.
 */
@Component
public class PublicRateLimit {

  private record Bucket(double tokens, long atNanos) {}

  private static final int MAX_CLIENTS = 100_000;

  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final int perMinute;

  PublicRateLimit(@Value("${epicommand.movement.public-rate-per-minute:10}") int perMinute, Clock clock) {
    this.perMinute = perMinute;
  }

  /** Takes a token for {@code client}; false when its bucket is empty (answer 429). */
  public boolean tryAcquire(String client) {
    if (buckets.size() > MAX_CLIENTS) {
      buckets.clear(); // a flood of addresses must not exhaust memory; the limit restarts
    }
    long now = System.nanoTime();
    boolean[] granted = {false};
    buckets.compute(client, (key, bucket) -> {
      double tokens = bucket == null ? perMinute
          : Math.min(perMinute, bucket.tokens() + (now - bucket.atNanos()) * perMinute / 60e9);
      if (tokens >= 1) {
        granted[0] = true;
        tokens -= 1;
      }
      return new Bucket(tokens, now);
    });
    return granted[0];
  }

  /** Forgets every bucket (tests, and an operator after a false alarm). */
  public void reset() {
    buckets.clear();
  }
}
