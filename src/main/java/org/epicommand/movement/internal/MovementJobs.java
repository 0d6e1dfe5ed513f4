package org.epicommand.movement.internal;

import org.epicommand.movement.PushedEscalations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The periodic movement work: overdue escalation of pushed items. Off with
 * {@code epicommand.movement.jobs=false} (the tests call {@link PushedEscalations#escalate} with a time).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "epicommand.movement.jobs", havingValue = "true", matchIfMissing = true)
class MovementJobs {

  private static final Logger log = LoggerFactory.getLogger(MovementJobs.class);

  private final PushedEscalations escalations;

  MovementJobs(PushedEscalations escalations) {
    this.escalations = escalations;
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
