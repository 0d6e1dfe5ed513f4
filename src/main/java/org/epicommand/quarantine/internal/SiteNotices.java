package org.epicommand.quarantine.internal;

import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.quarantine.SiteActivationOverdue;
import org.epicommand.quarantine.SiteOccupancyHigh;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells those who run the sites, in their inbox, when a site fills up to the alert share and when an activation
 * is overdue: the commanders and the district staff of the site's district and of the city above it (notices are
 * written in the platform's first language).
 */
@Component
class SiteNotices {

  private static final Set<Role> SITE_GROUP = Set.of(Role.COMMANDER, Role.DISTRICT_STAFF);

  private final Notifications notifications;
  private final Jurisdictions jurisdictions;

  SiteNotices(Notifications notifications, Jurisdictions jurisdictions) {
    this.notifications = notifications;
    this.jurisdictions = jurisdictions;
  }

  @ApplicationModuleListener
  void on(SiteOccupancyHigh event) {
    send(event.jurisdictionCode(), "SITE_OCCUPANCY_HIGH", "隔离点 %s 房间占用 %d%%（%d/%d）".formatted(event.siteName(),
        event.percent(), event.occupied(), event.usable()), event.siteId());
  }

  @ApplicationModuleListener
  void on(SiteActivationOverdue event) {
    send(event.jurisdictionCode(), "SITE_ACTIVATION_OVERDUE", "备用隔离点 %s 超过 %d 小时仍未完成启用"
        .formatted(event.siteName(), event.leadHours()), event.siteId());
  }

  private void send(String jurisdictionCode, String kind, String title, String siteId) {
    for (Jurisdiction division : jurisdictions.ancestry(jurisdictionCode)) {
      if (division.level() == JurisdictionLevel.COUNTY || division.level() == JurisdictionLevel.CITY) {
        notifications.send(Notice.toRoles(division.code(), SITE_GROUP, kind, title, null,
            "/quarantine/sites/" + siteId));
      }
    }
  }
}
