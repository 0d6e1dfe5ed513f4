package org.epicommand.quarantine.internal;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.quarantine.AlertKind;
import org.epicommand.quarantine.QuarantineAlertRaised;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Urgent alerts reach the inboxes at once (docs/domain.md §6: an undeclared door opening alerts the
 * community worker and the street office): the community's workers and the street's staff.
 * Alerts raised in bulk by the periodic jobs (missed checks, awaiting transfer) are on the work
 * lists instead.
 */
@Component
class AlertNotices {

  /** Notices are written in the platform's first language. */
  static final Locale NOTICE_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

  static final Set<AlertKind> URGENT = Set.of(AlertKind.DOOR_OPENED, AlertKind.FEVER, AlertKind.SYMPTOMS,
      AlertKind.POSITIVE_RESULT, AlertKind.MISSING_AT_CHECK_IN, AlertKind.SENSOR_SILENT);

  private final Notifications notifications;
  private final Jurisdictions jurisdictions;
  private final OrderStore orders;
  private final MessageSource messages;

  AlertNotices(Notifications notifications, Jurisdictions jurisdictions, OrderStore orders, MessageSource messages) {
    this.notifications = notifications;
    this.jurisdictions = jurisdictions;
    this.orders = orders;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void on(QuarantineAlertRaised event) {
    if (!URGENT.contains(event.kind())) {
      return;
    }
    // the person by name (the community's and street's staff see names) and the alert in words, in the
    // platform's language: the notice is stored once and may go out by SMS as well
    String person = orders.find(UUID.fromString(event.orderId())).map(OrderStore.Row::personName).orElse("");
    String title = messages.getMessage("qp.alert.notice", new Object[] {person,
        new AlertWording(messages, NOTICE_LANGUAGE).describe(event.kind(), event.detail())}, NOTICE_LANGUAGE);
    String link = "/quarantine/orders/" + event.orderId();
    notifications.send(Notice.toRoles(event.jurisdictionCode(), Set.of(Role.COMMUNITY_WORKER), "QUARANTINE_ALERT",
        title, null, link));
    jurisdictions.ancestry(event.jurisdictionCode()).stream()
        .filter(j -> j.level() == JurisdictionLevel.TOWNSHIP).map(Jurisdiction::code).findFirst()
        .ifPresent(street -> notifications.send(Notice.toRoles(street, Set.of(Role.STREET_STAFF),
            "QUARANTINE_ALERT", title, null, link)));
  }
}
