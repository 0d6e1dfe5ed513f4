package org.epicommand.quarantine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.epicommand.quarantine.SiteStatus;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.junit.jupiter.api.Test;

/** The site readiness aggregate: STANDBY → ACTIVATING → ACTIVE ⇄ SUSPENDED → CLOSED, guarded. */
class SiteReadinessTest {

  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

  private static SiteReadiness site(SiteStatus status, boolean retired) {
    return new SiteReadiness(status, retired, 12, null, null, null, null);
  }

  private static String refusedState(Runnable move) {
    Conflict conflict = (Conflict) org.assertj.core.api.Assertions.catchThrowable(move::run);
    assertThat(conflict).isNotNull();
    return conflict.currentState();
  }

  @Test
  void anActivationRecordsWhoAndWhenAndIsDueAfterTheLeadTime() {
    SiteReadiness site = site(SiteStatus.STANDBY, false);
    site.moveTo(SiteStatus.ACTIVATING, List.of(), "chen", NOW);
    assertThat(site.status()).isEqualTo(SiteStatus.ACTIVATING);
    assertThat(site.activationStartedBy()).isEqualTo("chen");
    assertThat(site.activationDueAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
    assertThat(site.activationOverdue(NOW.plus(Duration.ofHours(12)))).isFalse();
    assertThat(site.activationOverdue(NOW.plus(Duration.ofHours(13)))).isTrue();
    site.moveTo(SiteStatus.ACTIVE, List.of(), "wang", NOW.plus(Duration.ofHours(3)));
    assertThat(site.status()).isEqualTo(SiteStatus.ACTIVE);
    assertThat(site.activatedBy()).isEqualTo("wang");
    assertThat(site.activatedAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
    assertThat(site.activationOverdue(NOW.plus(Duration.ofDays(3)))).as("done, no longer overdue").isFalse();
  }

  @Test
  void activationNeedsTheStandardPassed() {
    SiteReadiness site = site(SiteStatus.ACTIVATING, false);
    assertThatThrownBy(() -> site.moveTo(SiteStatus.ACTIVE, List.of(FieldProblem.of("THREE_ZONES", "x")), "wang", NOW))
        .isInstanceOfSatisfying(Conflict.class, c -> {
          assertThat(c.currentState()).isEqualTo("ACTIVATING");
          assertThat(c.missing()).extracting(FieldProblem::field).containsExactly("THREE_ZONES");
        });
    assertThat(site.status()).isEqualTo(SiteStatus.ACTIVATING);
  }

  @Test
  void everyIllegalMoveNamesTheCurrentStatus() {
    assertThat(refusedState(() -> site(SiteStatus.STANDBY, false).moveTo(SiteStatus.ACTIVE, List.of(), "a", NOW)))
        .isEqualTo("STANDBY");
    assertThat(refusedState(() -> site(SiteStatus.ACTIVE, false).moveTo(SiteStatus.CLOSED, List.of(), "a", NOW)))
        .isEqualTo("ACTIVE");
    assertThat(refusedState(() -> site(SiteStatus.CLOSED, false).moveTo(SiteStatus.ACTIVE, List.of(), "a", NOW)))
        .isEqualTo("CLOSED");
    assertThat(refusedState(() -> site(SiteStatus.ACTIVE, true).moveTo(SiteStatus.SUSPENDED, List.of(), "a", NOW)))
        .isEqualTo("RETIRED");
    SiteReadiness suspended = site(SiteStatus.ACTIVE, false);
    suspended.moveTo(SiteStatus.SUSPENDED, List.of(), "a", NOW);
    suspended.moveTo(SiteStatus.ACTIVE, List.of(), "a", NOW);
    suspended.moveTo(SiteStatus.SUSPENDED, List.of(), "a", NOW);
    suspended.moveTo(SiteStatus.CLOSED, List.of(), "a", NOW);
    assertThat(suspended.status()).isEqualTo(SiteStatus.CLOSED);
    assertThat(SiteReadiness.movesFrom(SiteStatus.CLOSED)).isEmpty();
  }

  @Test
  void onlyAnActiveSiteInServiceTakesPeople() {
    site(SiteStatus.ACTIVE, false).requireTakesPeople();
    for (SiteStatus status : List.of(SiteStatus.STANDBY, SiteStatus.ACTIVATING, SiteStatus.SUSPENDED,
        SiteStatus.CLOSED)) {
      assertThat(refusedState(() -> site(status, false).requireTakesPeople())).isEqualTo(status.name());
    }
    assertThat(refusedState(() -> site(SiteStatus.ACTIVE, true).requireTakesPeople())).isEqualTo("RETIRED");
  }
}
