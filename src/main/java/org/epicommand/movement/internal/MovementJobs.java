package org.epicommand.movement.internal;

import org.epicommand.movement.PushedEscalations;
import org.epicommand.movement.RiskAreas;
import org.epicommand.platform.DailyRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The periodic movement work: overdue escalation of pushed items, and the risk-area downgrades due
 * each day (proposed shortly after midnight in the city's zone, once a day: when the platform was down at that hour,
 * after start-up or within the hour). Off with
 * {@code epicommand.movement.jobs=false} (the tests call {@link PushedEscalations#escalate} and
 * {@link RiskAreas#proposeDowngrades} with a time).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "epicommand.movement.jobs", havingValue = "true", matchIfMissing = true)
class MovementJobs {

  private static final Logger log = LoggerFactory.getLogger(MovementJobs.class);

  private final PushedEscalations escalations;
  private final RiskAreas riskAreas;
  private final DailyRuns runs;

  /** The day's downgrade proposals as a once-a-day job ({@link DailyRuns}). */
  static final String DOWNGRADES = "movement.downgrades";

  MovementJobs(PushedEscalations escalations, RiskAreas riskAreas, DailyRuns runs) {
    this.escalations = escalations;
    this.riskAreas = riskAreas;
    this.runs = runs;
  }

  @Scheduled(cron = "${epicommand.movement.downgrade-cron:0 5 0 * * *}", zone = "${epicommand.zone:Asia/Shanghai}")
  void proposeDowngrades() {
    proposeDowngradesOnce();
  }

  /** The day's proposals when their hour was missed (the platform down): after start-up, within the hour. */
  @Scheduled(fixedDelayString = "${epicommand.daily-runs.catch-up:PT1H}", initialDelayString = "PT3M")
  void proposeDowngradesLate() {
    proposeDowngradesOnce();
  }

  /** The day's downgrade proposals, once a day ({@link DailyRuns}): a proposal rejected today is not made again. */
  private void proposeDowngradesOnce() {
    try {
      runs.runOnce(DOWNGRADES, day -> riskAreas.proposeDowngrades(day).size() + " downgrades proposed");
    } catch (RuntimeException e) {
      log.error("Risk-area downgrade proposals failed; they run again within the hour (or propose them from the page)",
          e);
    }
  }

  @Scheduled(fixedDelayString = "${epicommand.movement.escalation-interval:PT5M}", initialDelayString = "PT1M")
  void escalateOverdue() {
    try {
      int escalated = escalations.escalateNow();
      if (escalated > 0) {
        log.info("Pushed items escalated as overdue: {}", escalated);
      }
    } catch (RuntimeException e) {
      log.error("Pushed-item escalation failed; it runs again at the next interval", e);
    }
  }
}
