package org.epicommand.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock in the city's zone, moved forward by a test (the night passes, the next morning comes). */
public final class MovableClock extends Clock {

  private final ZoneId zone;
  private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

  public MovableClock(ZoneId zone) {
    this.zone = zone;
  }

  /** Moves the clock forward to {@code instant} (never back). */
  public void moveTo(Instant instant) {
    ahead.updateAndGet(current -> {
      Duration wanted = Duration.between(Instant.now(), instant);
      return wanted.compareTo(current) > 0 ? wanted : current;
    });
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    MovableClock moved = new MovableClock(other);
    moved.ahead.set(ahead.get());
    return moved;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead.get());
  }
}
