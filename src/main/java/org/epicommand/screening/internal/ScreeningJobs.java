package org.epicommand.screening.internal;

import java.time.Clock;
import org.epicommand.screening.ScreeningEscalations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reports overdue findings every few minutes. Off with {@code epicommand.screening.jobs=false} (the
 * tests call {@link ScreeningEscalations#escalate} with a time).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "epicommand.screening.jobs", havingValue = "true", matchIfMissing = true)
class ScreeningJobs {

  private static final Logger log = LoggerFactory.getLogger(ScreeningJobs.class);

  private final ScreeningEscalations escalations;
  private final Clock clock;

  ScreeningJobs(ScreeningEscalations escalations, Clock clock) {
    this.escalations = escalations;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${epicommand.screening.escalation-interval:PT5M}", initialDelayString = "PT1M")
  void escalateOverdue() {
    try {
      int escalated = escalations.escalate(clock.instant());
      if (escalated > 0) {
        log.info("Screening findings reported overdue: {}", escalated);
      }
    } catch (RuntimeException e) {
      log.error("Screening escalation failed; it runs again at the next interval", e);
    }
  }
}
