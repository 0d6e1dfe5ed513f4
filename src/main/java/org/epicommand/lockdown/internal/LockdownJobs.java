package org.epicommand.lockdown.internal;

import java.time.Clock;
import org.epicommand.lockdown.LockdownEscalations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reports overdue service requests and unfilled post shifts every few minutes.
 * Off with {@code epicommand.lockdown.jobs=false}
 * (the tests call {@link LockdownEscalations#escalate} with a time).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "epicommand.lockdown.jobs", havingValue = "true", matchIfMissing = true)
class LockdownJobs {

  private static final Logger log = LoggerFactory.getLogger(LockdownJobs.class);

  private final LockdownEscalations escalations;
  private final Clock clock;

  LockdownJobs(LockdownEscalations escalations, Clock clock) {
    this.escalations = escalations;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${epicommand.lockdown.escalation-interval:PT5M}", initialDelayString = "PT1M")
  void escalateOverdue() {
    try {
      int escalated = escalations.escalate(clock.instant());
      if (escalated > 0) {
        log.info("Sealed-area service requests reported overdue: {}", escalated);
      }
      int unfilled = escalations.reportUnfilled(clock.instant());
      if (unfilled > 0) {
        log.info("Sealed-area post shifts reported unfilled: {}", unfilled);
      }
    } catch (RuntimeException e) {
      log.error("Sealed-area escalation failed; it runs again at the next interval", e);
    }
  }
}
