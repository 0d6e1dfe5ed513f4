package org.epicommand.quarantine.internal;

import java.time.Clock;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.quarantine.Transfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The periodic checks: missed health checks and people waiting too long for transfer. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "epicommand.quarantine.jobs", havingValue = "true", matchIfMissing = true)
class QuarantineJobs {

  private static final Logger log = LoggerFactory.getLogger(QuarantineJobs.class);

  private final HealthChecks healthChecks;
  private final Transfers transfers;
  private final Clock clock;

  QuarantineJobs(HealthChecks healthChecks, Transfers transfers, Clock clock) {
    this.healthChecks = healthChecks;
    this.transfers = transfers;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
  void raiseAlerts() {
    try {
      int missed = healthChecks.raiseMissed(clock.instant());
      int waiting = transfers.raiseAwaitingTransfer(clock.instant());
      if (missed + waiting > 0) {
        log.info("Quarantine alerts raised: {} missed health checks, {} awaiting transfer", missed, waiting);
      }
    } catch (RuntimeException e) {
      log.error("Quarantine alert job failed; it runs again in 5 minutes", e);
    }
  }
}
