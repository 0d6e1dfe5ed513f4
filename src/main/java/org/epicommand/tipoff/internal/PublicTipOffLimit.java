package org.epicommand.tipoff.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The public tip-off pages' limit per client address: at most {@code publicPerMinute} requests within
 * any 60 seconds; the next one is answered 429. The times of a client's recent requests are kept in
 * memory per instance, like the other public forms' limits.
 */
@Component
public class PublicTipOffLimit {

  private static final long MINUTE = 60_000;
  private static final int MAX_CLIENTS = 100_000;

  private final ConcurrentHashMap<String, ArrayDeque<Long>> recent = new ConcurrentHashMap<>();
  private final TipOffProperties properties;
  private final Clock clock;

  PublicTipOffLimit(TipOffProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Counts a request of {@code client}; false when it already made the limit's number in the last minute. */
  public boolean admit(String client) {
    if (recent.size() > MAX_CLIENTS) {
      recent.clear(); // a flood of addresses must not exhaust memory; the counts restart
    }
    long now = clock.millis();
    boolean[] admitted = {false};
    recent.compute(client == null ? "" : client, (key, times) -> {
      ArrayDeque<Long> kept = times == null ? new ArrayDeque<>() : times;
      while (!kept.isEmpty() && kept.peekFirst() <= now - MINUTE) {
        kept.pollFirst();
      }
      if (kept.size() < properties.publicPerMinute()) {
        kept.addLast(now);
        admitted[0] = true;
      }
      return kept;
    });
    return admitted[0];
  }

  /** Forgets every count (tests, and an operator after a false alarm). */
  public void reset() {
    recent.clear();
  }
}
