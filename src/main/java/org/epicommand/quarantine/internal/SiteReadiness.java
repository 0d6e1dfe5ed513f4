package org.epicommand.quarantine.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicommand.quarantine.SiteStatus;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;

/**
 * The readiness of a site, guarded: {@code STANDBY → ACTIVATING → ACTIVE ⇄ SUSPENDED → CLOSED}. Starting an
 * activation records who and when and sets the time it is due (the lead time later); completing it needs the
 * blocking items of the site standard passed and records who and when. A retired site makes no move. Every
 * illegal move is a {@link Conflict} naming the current status (409).
 */
public final class SiteReadiness {

  private static final Map<SiteStatus, Set<SiteStatus>> MOVES = Map.of(
      SiteStatus.STANDBY, Set.of(SiteStatus.ACTIVATING),
      SiteStatus.ACTIVATING, Set.of(SiteStatus.ACTIVE, SiteStatus.STANDBY),
      SiteStatus.ACTIVE, Set.of(SiteStatus.SUSPENDED),
      SiteStatus.SUSPENDED, Set.of(SiteStatus.ACTIVE, SiteStatus.CLOSED));

  private SiteStatus status;
  private final boolean retired;
  private final int leadHours;
  private Instant activationStartedAt;
  private String activationStartedBy;
  private Instant activatedAt;
  private String activatedBy;

  public SiteReadiness(SiteStatus status, boolean retired, int leadHours, Instant activationStartedAt,
      String activationStartedBy, Instant activatedAt, String activatedBy) {
    this.status = status;
    this.retired = retired;
    this.leadHours = leadHours;
    this.activationStartedAt = activationStartedAt;
    this.activationStartedBy = activationStartedBy;
    this.activatedAt = activatedAt;
    this.activatedBy = activatedBy;
  }

  /**
   * Moves to {@code target}: 409 naming the current status when the move is not one of the lifecycle's (or the
   * site is retired); ACTIVATING → ACTIVE is 409 listing {@code standardNotPassed} (the blocking items of the
   * site standard not passed) while any is left.
   */
  public void moveTo(SiteStatus target, List<FieldProblem> standardNotPassed, String by, Instant now) {
    if (retired) {
      throw Conflict.illegalTransition("quarantine.site.status", SiteStatus.RETIRED);
    }
    if (target == null || !MOVES.getOrDefault(status, Set.of()).contains(target)) {
      throw Conflict.illegalTransition("quarantine.site.status", status);
    }
    if (status == SiteStatus.ACTIVATING && target == SiteStatus.ACTIVE) {
      if (!standardNotPassed.isEmpty()) {
        throw Conflict.unmet("quarantine.site.standardNotMet", status, standardNotPassed);
      }
      activatedAt = now;
      activatedBy = by;
    }
    if (target == SiteStatus.ACTIVATING) {
      activationStartedAt = now;
      activationStartedBy = by;
      activatedAt = null;
      activatedBy = null;
    }
    status = target;
  }

  /** The moves the lifecycle offers from a status (none from a retired or closed site). */
  public static List<SiteStatus> movesFrom(SiteStatus status) {
    return MOVES.getOrDefault(status, Set.of()).stream().sorted().toList();
  }

  /** 409 naming the status unless the site takes people: in service and ACTIVE. */
  public void requireTakesPeople() {
    if (retired) {
      throw Conflict.illegalTransition("quarantine.site.retired", SiteStatus.RETIRED);
    }
    if (status != SiteStatus.ACTIVE) {
      throw Conflict.illegalTransition("quarantine.site.notActive", status);
    }
  }

  /** When the activation under way is due (null when none is under way). */
  public Instant activationDueAt() {
    return activationStartedAt == null ? null : activationStartedAt.plus(Duration.ofHours(leadHours));
  }

  /** Whether an activation under way has passed its lead time. */
  public boolean activationOverdue(Instant now) {
    return status == SiteStatus.ACTIVATING && activationDueAt() != null && now.isAfter(activationDueAt());
  }

  public SiteStatus status() {
    return status;
  }

  public Instant activationStartedAt() {
    return activationStartedAt;
  }

  public String activationStartedBy() {
    return activationStartedBy;
  }

  public Instant activatedAt() {
    return activatedAt;
  }

  public String activatedBy() {
    return activatedBy;
  }
}
