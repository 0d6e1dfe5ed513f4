package org.epicommand.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock in the city's zone, moved forward by a test (the night passes, the next morning comes). The shared
 * application of the {@link EpiCommandTest} classes runs on one ({@link TestSupportConfiguration}): a test that moves
 * it puts it back ({@link #reset}) when done, so that the tests after it see the real time.
 */
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

  /** Back to the system's time. */
  public void reset() {
    ahead.set(Duration.ZERO);
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
