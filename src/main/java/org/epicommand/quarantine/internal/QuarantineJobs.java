package org.epicommand.quarantine.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.epicommand.platform.DailyRuns;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.quarantine.SiteActivation;
import org.epicommand.quarantine.SitePosts;
import org.epicommand.quarantine.Transfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The periodic checks: missed health checks, people waiting too long for transfer, overdue site activations; shortly
 * after midnight in the city's zone, the site posts whose planned last day has passed; and at start-up, site staff's
 * key-group memberships brought in line with their posts.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "epicommand.quarantine.jobs", havingValue = "true", matchIfMissing = true)
class QuarantineJobs {

  private static final Logger log = LoggerFactory.getLogger(QuarantineJobs.class);

  private final HealthChecks healthChecks;
  private final Transfers transfers;
  private final Clock clock;
  private final SiteActivation activation;
  private final SitePosts posts;
  private final DailyRuns runs;

  /** The nightly end of posts as a once-a-day job ({@link DailyRuns}). */
  static final String PLANNED_ENDS = "quarantine.plannedEnds";

  QuarantineJobs(HealthChecks healthChecks, Transfers transfers, Clock clock, SiteActivation activation,
      SitePosts posts, DailyRuns runs) {
    this.runs = runs;
    this.activation = activation;
    this.posts = posts;
    this.healthChecks = healthChecks;
    this.transfers = transfers;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
  void raiseAlerts() {
    try {
      int missed = healthChecks.raiseMissed(clock.instant());
      int waiting = transfers.raiseAwaitingTransfer(clock.instant());
      int activations = activation.sweepOverdue(clock.instant());
      if (missed + waiting + activations > 0) {
        log.info("Quarantine alerts raised: {} missed health checks, {} awaiting transfer, {} overdue activations",
            missed, waiting, activations);
      }
    } catch (RuntimeException e) {
      log.error("Quarantine alert job failed; it runs again in 5 minutes", e);
    }
  }

  @Scheduled(cron = "${epicommand.quarantine.planned-end:0 10 0 * * *}", zone = "${epicommand.zone:Asia/Shanghai}")
  void endPlannedLoops() {
    endPlannedLoopsOnce();
  }

  /** The nightly end of posts when its hour was missed (the platform down): after start-up, within the hour. */
  @Scheduled(fixedDelayString = "${epicommand.daily-runs.catch-up:PT1H}", initialDelayString = "PT3M")
  void endPlannedLoopsLate() {
    endPlannedLoopsOnce();
  }

  private void endPlannedLoopsOnce() {
    try {
      runs.runOnce(PLANNED_ENDS, day -> ended(day) + " posts ended");
    } catch (RuntimeException e) {
      log.error("Ending site posts as planned failed; it runs again within the hour", e);
    }
  }

  /** The nightly end of posts as if run {@code at} that moment: the day is {@code at}'s day in the city's zone. */
  void endPlannedLoops(Instant at) {
    try {
      ended(LocalDate.ofInstant(at, clock.getZone()));
    } catch (RuntimeException e) {
      log.error("Ending site posts as planned failed; it runs again within the hour", e);
    }
  }

  private int ended(LocalDate day) {
    int ended = posts.endPlannedLoops(day);
    if (ended > 0) {
      log.info("Site posts ended as planned: {}", ended);
    }
    return ended;
  }

  /**
   * At start-up: the site-staff key-group memberships kept from before they followed their persons' open posts are
   * brought in line once ({@link SitePosts#alignMemberships}); when all are in line already, nothing is written.
   */
  @EventListener(ApplicationReadyEvent.class)
  void alignSiteStaffMemberships() {
    try {
      int changed = posts.alignMemberships();
      if (changed > 0) {
        log.info("Site-staff key-group memberships brought in line with their open posts: {}", changed);
      }
    } catch (RuntimeException e) {
      log.error("Bringing site-staff memberships in line with their posts failed; it runs again at the next start",
          e);
    }
  }
}
