package org.epicommand.quarantine.internal;

import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.quarantine.AlertKind;
import org.epicommand.quarantine.QuarantineAlertRaised;
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

  static final Set<AlertKind> URGENT = Set.of(AlertKind.DOOR_OPENED, AlertKind.FEVER, AlertKind.SYMPTOMS,
      AlertKind.POSITIVE_RESULT, AlertKind.MISSING_AT_CHECK_IN, AlertKind.SENSOR_SILENT);

  private final Notifications notifications;
  private final Jurisdictions jurisdictions;

  AlertNotices(Notifications notifications, Jurisdictions jurisdictions) {
    this.notifications = notifications;
    this.jurisdictions = jurisdictions;
  }

  @ApplicationModuleListener
  void on(QuarantineAlertRaised event) {
    if (!URGENT.contains(event.kind())) {
      return;
    }
    String title = "隔离管控告警：" + event.kind() + (event.detail() == null ? "" : "（" + event.detail() + "）");
    String link = "/quarantine/orders/" + event.orderId();
    notifications.send(Notice.toRoles(event.jurisdictionCode(), Set.of(Role.COMMUNITY_WORKER), "QUARANTINE_ALERT",
        title, null, link));
    jurisdictions.ancestry(event.jurisdictionCode()).stream()
        .filter(j -> j.level() == JurisdictionLevel.TOWNSHIP).map(Jurisdiction::code).findFirst()
        .ifPresent(street -> notifications.send(Notice.toRoles(street, Set.of(Role.STREET_STAFF),
            "QUARANTINE_ALERT", title, null, link)));
  }
}
