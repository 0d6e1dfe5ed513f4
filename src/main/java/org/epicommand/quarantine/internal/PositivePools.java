package org.epicommand.quarantine.internal;

import java.util.UUID;
import org.epicommand.labtest.PositivePoolFound;
import org.epicommand.labtest.PositivePoolsFound;
import org.epicommand.labtest.RetestNegative;
import org.epicommand.quarantine.NewOrder;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderReleases;
import org.epicommand.quarantine.OrderSource;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.shared.ValidationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Members of a positive pool come under temporary control until their single-tube retest
 * (docs/domain.md §6): an order with reason POSITIVE_POOL anchored on the sampling day, under the rule
 * set in force that day; a negative retest releases it. A person already under an open order keeps it.
 */
@Component
class PositivePools {

  private static final Logger log = LoggerFactory.getLogger(PositivePools.class);

  private final QuarantineOrders orders;
  private final OrderReleases releases;

  PositivePools(QuarantineOrders orders, OrderReleases releases) {
    this.orders = orders;
    this.releases = releases;
  }

  /** A negative single-tube retest ends the temporary control. */
  @ApplicationModuleListener
  void on(RetestNegative event) {
    releases.releasePoolMemberForPlatform(event.personId(), event.poolBarcode());
  }

  @ApplicationModuleListener
  void on(PositivePoolsFound event) {
    for (PositivePoolFound pool : event.pools()) {
      for (UUID member : pool.memberPersonIds()) {
        try {
          orders.openForPlatform(new NewOrder(member, OrderReason.POSITIVE_POOL, pool.samplingDate(), null,
              OrderSource.POSITIVE_POOL, pool.tubeBarcode()));
        } catch (ValidationFailure e) {
          // a custom rule set without a positive-pool rule: nothing to compute; the retest list still has them
          log.warn("No temporary-control order for a member of pool {}: {}", pool.tubeBarcode(), e.problems());
        }
      }
    }
  }
}
