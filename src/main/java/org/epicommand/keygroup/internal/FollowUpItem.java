package org.epicommand.keygroup.internal;

import java.time.Instant;
import java.util.UUID;
import org.epicommand.keygroup.FollowUpState;
import org.epicommand.shared.Conflict;

/**
 * The follow-up aggregate of a positive environmental sample: its state and the guarded moves. OPEN → SITE_CLOSED
 * → DISINFECTED (with the count of exposed persons traced) → CLOSED, the last only with a negative sample of the
 * site collected after the disinfection. Every illegal move is a {@link Conflict} naming the current state (409).
 */
public final class FollowUpItem {

  private final UUID id;
  private FollowUpState state;
  private Instant siteClosedAt;
  private Instant disinfectedAt;
  private Integer tracedPersons;
  private Instant closedAt;

  public FollowUpItem(UUID id, FollowUpState state, Instant siteClosedAt, Instant disinfectedAt, Integer tracedPersons,
      Instant closedAt) {
    this.id = id;
    this.state = state;
    this.siteClosedAt = siteClosedAt;
    this.disinfectedAt = disinfectedAt;
    this.tracedPersons = tracedPersons;
    this.closedAt = closedAt;
  }

  /** A new follow-up, opened by a positive result. */
  public static FollowUpItem open(UUID id) {
    return new FollowUpItem(id, FollowUpState.OPEN, null, null, null, null);
  }

  /** OPEN → SITE_CLOSED. */
  public void closeSite(Instant now) {
    require(FollowUpState.OPEN);
    siteClosedAt = now;
    state = FollowUpState.SITE_CLOSED;
  }

  /** SITE_CLOSED → DISINFECTED, with how many exposed persons were traced (0 or more; 409 without). */
  public void disinfected(Integer traced, Instant now) {
    require(FollowUpState.SITE_CLOSED);
    if (traced == null || traced < 0) {
      throw Conflict.illegalTransition("keygroup.followUp.traceFirst", state);
    }
    tracedPersons = traced;
    disinfectedAt = now;
    state = FollowUpState.DISINFECTED;
  }

  /**
   * DISINFECTED → CLOSED, only when the site has a negative sample collected after the disinfection
   * ({@code negativeSince}: the newest such sample's collection time, null when none).
   */
  public void close(Instant negativeSince, Instant now) {
    require(FollowUpState.DISINFECTED);
    if (negativeSince == null || negativeSince.isBefore(disinfectedAt)) {
      throw Conflict.illegalTransition("keygroup.followUp.noNegativeResample", state);
    }
    closedAt = now;
    state = FollowUpState.CLOSED;
  }

  private void require(FollowUpState expected) {
    if (state != expected) {
      throw Conflict.illegalTransition("keygroup.followUp.illegal", state);
    }
  }

  public UUID id() {
    return id;
  }

  public FollowUpState state() {
    return state;
  }

  public Instant siteClosedAt() {
    return siteClosedAt;
  }

  public Instant disinfectedAt() {
    return disinfectedAt;
  }

  public Integer tracedPersons() {
    return tracedPersons;
  }

  public Instant closedAt() {
    return closedAt;
  }
}
