package org.epicommand.supplies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.supplies.internal.RequestStore;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * REQUEST_OVERDUE: a request not approved within its priority's approval SLA, or not received within
 * its delivery SLA, reaches the command office's inbox (commanders and the supplies group of the city)
 * once per deadline. A supervision task follows only when someone decides so (not by itself).
 */
@Service
public class SupplyDeadlines {

  static final String KIND = "SUPPLY_REQUEST_OVERDUE";

  private final RequestStore store;
  private final Notifications notifications;
  private final Jurisdictions jurisdictions;
  private final MessageSource messages;
  private final Clock clock;

  SupplyDeadlines(RequestStore store, Notifications notifications, Jurisdictions jurisdictions, MessageSource messages,
      Clock clock) {
    this.store = store;
    this.notifications = notifications;
    this.jurisdictions = jurisdictions;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional
  public int sweepNow() {
    return sweep(clock.instant());
  }

  /** Notifies every request overdue at {@code now} not notified yet for that deadline; how many. */
  @Transactional
  public int sweep(Instant now) {
    List<RequestStore.Overdue> overdue = store.claimOverdue(now);
    for (RequestStore.Overdue o : overdue) {
      String office = office(o.jurisdictionCode());
      String which = o.state().awaitingApproval() ? "approval" : "delivery";
      String title = messages.getMessage("supplies.overdue." + which, new Object[] {o.number(), o.unitName(),
          messages.getMessage("supplies.priority." + o.priority(), null, LocaleContextHolder.getLocale())},
          LocaleContextHolder.getLocale());
      notifications.send(new Notice(Set.of(), office, Set.of(Role.COMMANDER, Role.SUPPLIES_OFFICER), KIND, title, null,
          "/supplies/requests/" + o.id()));
    }
    return overdue.size();
  }

  /** The command office of a division: its city (the division itself when it has none above). */
  String office(String jurisdictionCode) {
    return jurisdictions.ancestry(jurisdictionCode).stream().filter(j -> j.level() == JurisdictionLevel.CITY)
        .map(Jurisdiction::code).findFirst().orElse(jurisdictionCode);
  }

  /** Requests inside the scope past a deadline they still wait on (the dashboard tile). */
  public long countOverdue(org.epicommand.jurisdiction.JurisdictionScope scope) {
    return store.countOverdue(scope, clock.instant());
  }
}
