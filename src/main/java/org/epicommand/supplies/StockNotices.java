package org.epicommand.supplies;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.supplies.internal.KeeperBindings;
import org.epicommand.supplies.internal.StockStore;
import org.epicommand.supplies.internal.SuppliesProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock alerts in the inboxes: LOW_STOCK and BELOW_TARGET (once per warehouse × item × day) and
 * EXPIRING (once per lot) reach the keepers bound to that warehouse and the supplies group of the
 * warehouse's city; LOW_STOCK is also published as {@link StockLow}.
 */
@Service
public class StockNotices {

  private final StockBoard board;
  private final StockStore store;
  private final KeeperBindings keepers;
  private final SupplyDeadlines deadlines;
  private final Notifications notifications;
  private final MessageSource messages;
  private final ApplicationEventPublisher events;
  private final SuppliesProperties properties;
  private final Clock clock;

  StockNotices(StockBoard board, StockStore store, KeeperBindings keepers, SupplyDeadlines deadlines,
      Notifications notifications, MessageSource messages, ApplicationEventPublisher events,
      SuppliesProperties properties, Clock clock) {
    this.board = board;
    this.store = store;
    this.keepers = keepers;
    this.deadlines = deadlines;
    this.notifications = notifications;
    this.messages = messages;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public int sweepNow() {
    return sweep(clock.instant());
  }

  /** Sends every stock alert standing at {@code now} not sent yet; how many were sent. */
  @Transactional
  public int sweep(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    int sent = 0;
    for (String root : store.warehouseRoots()) {
      JurisdictionScope scope = new JurisdictionScope(root, "/" + root + "/");
      for (StockBoard.StockDays d : board.days(scope, null, null)) {
        if (d.status() != StockStatus.OK && store.claimNotice(d.status().name(), d.warehouseCode(), d.itemCode(), "",
            today, now)) {
          send(d.status().name(), d.warehouseCode(), d.jurisdictionCode(), d.warehouseName(), d.itemName(),
              d.daysOfStock() == null ? String.valueOf(d.onHand()) : String.valueOf(d.daysOfStock()));
          if (d.status() == StockStatus.LOW_STOCK) {
            events.publishEvent(new StockLow(d.itemCode(), d.warehouseCode(), d.daysOfStock()));
          }
          sent++;
        }
      }
      for (StockStore.ExpiringLot lot : store.expiringLots(scope, today.plusDays(properties.expiringWithinDays()))) {
        if (store.claimNotice("EXPIRING", lot.warehouseCode(), lot.itemCode(), lot.batchNo(), lot.expiryDate(), now)) {
          send("EXPIRING", lot.warehouseCode(), lot.jurisdictionCode(), lot.warehouseName(), lot.itemName(),
              lot.batchNo() + " " + lot.expiryDate());
          sent++;
        }
      }
    }
    return sent;
  }

  private void send(String kind, String warehouseCode, String jurisdictionCode, String warehouseName, String itemName,
      String figure) {
    // an inbox title is stored once, in the platform's first language
    String title = messages.getMessage("supplies.notice." + kind, new Object[] {warehouseName, itemName, figure},
        Locale.SIMPLIFIED_CHINESE);
    List<String> holders = keepers.table().of(warehouseCode).stream().map(b -> b.username()).toList();
    if (!holders.isEmpty()) {
      notifications.send(Notice.toUsers(holders, "SUPPLY_" + kind, title, null, "/supplies/keeper?warehouse="
          + java.net.URLEncoder.encode(warehouseCode, java.nio.charset.StandardCharsets.UTF_8)));
    }
    notifications.send(Notice.toRoles(deadlines.office(jurisdictionCode), Set.of(Role.SUPPLIES_OFFICER),
        "SUPPLY_" + kind, title, null, "/supplies#alerts"));
  }
}
