package org.epicommand.supplies.internal;

import org.epicommand.supplies.StockNotices;
import org.epicommand.supplies.SupplyDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The periodic supplies work: overdue requests into the office inbox, stock alerts to the keepers and the
 * supplies group. Off with
 * {@code epicommand.supplies.jobs=false} (the tests call {@link SupplyDeadlines#sweep} with a time).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "epicommand.supplies.jobs", havingValue = "true", matchIfMissing = true)
class SuppliesJobs {

  private static final Logger log = LoggerFactory.getLogger(SuppliesJobs.class);

  private final SupplyDeadlines deadlines;
  private final StockNotices stockNotices;

  SuppliesJobs(SupplyDeadlines deadlines, StockNotices stockNotices) {
    this.deadlines = deadlines;
    this.stockNotices = stockNotices;
  }

  @Scheduled(fixedDelayString = "${epicommand.supplies.stock-sweep:PT15M}", initialDelayString = "PT2M")
  void stockSweep() {
    try {
      int sent = stockNotices.sweepNow();
      if (sent > 0) {
        log.info("Stock alerts sent to keepers and the supplies group: {}", sent);
      }
    } catch (RuntimeException e) {
      log.error("Stock alert sweep failed; it runs again at the next interval", e);
    }
  }

  @Scheduled(fixedDelayString = "${epicommand.supplies.overdue-sweep:PT5M}", initialDelayString = "PT1M")
  void sweep() {
    try {
      int overdue = deadlines.sweepNow();
      if (overdue > 0) {
        log.info("Supply requests overdue, notified: {}", overdue);
      }
    } catch (RuntimeException e) {
      log.error("Supply request deadline sweep failed; it runs again at the next interval", e);
    }
  }
}
