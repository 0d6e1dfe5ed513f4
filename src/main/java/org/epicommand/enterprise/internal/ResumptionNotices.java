package org.epicommand.enterprise.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.organisation.Organisations;
import org.springframework.stereotype.Component;

/**
 * Who hears about an organisation's reopening: its 属地 (the staff of its division and district), its
 * sector department (the reviewers bound to its sector), its own contacts, and the command office.
 */
@Component
public class ResumptionNotices {

  /** The 属地: district, street and community staff. */
  static final Set<Role> LOCAL_STAFF = Set.of(Role.DISTRICT_STAFF, Role.STREET_STAFF, Role.COMMUNITY_WORKER);

  private final Notifications notifications;
  private final Organisations organisations;
  private final Reaches reaches;

  ResumptionNotices(Notifications notifications, Organisations organisations, Reaches reaches) {
    this.notifications = notifications;
    this.organisations = organisations;
    this.reaches = reaches;
  }

  /** To the staff of the organisation's division and of its district. */
  public void toLocal(String jurisdictionCode, String districtCode, String kind, String title, String body,
      String link) {
    Set<String> codes = new LinkedHashSet<>();
    codes.add(jurisdictionCode);
    if (districtCode != null) {
      codes.add(districtCode);
    }
    codes.forEach(code -> notifications.send(Notice.toRoles(code, LOCAL_STAFF, kind, title, body, link)));
  }

  /** To the reviewers of the sector (nobody when none is bound). */
  public void toSector(String sector, String kind, String title, String body, String link) {
    List<String> reviewers = reaches.reviewers().of(sector).stream().map(b -> b.username()).toList();
    if (!reviewers.isEmpty()) {
      notifications.send(Notice.toUsers(reviewers, kind, title, body, link));
    }
  }

  /** To the organisation's contacts (nobody when none is bound). */
  public void toContacts(String creditCode, String kind, String title, String body, String link) {
    List<String> contacts = organisations.contactsOf(creditCode);
    if (!contacts.isEmpty()) {
      notifications.send(Notice.toUsers(contacts, kind, title, body, link));
    }
  }

  /** To the command office: the commanders of the root of the organisation's path. */
  public void toOffice(String organisationPath, String kind, String title, String body, String link) {
    String root = organisationPath.substring(1, organisationPath.indexOf('/', 1));
    notifications.send(Notice.toRoles(root, Set.of(Role.COMMANDER), kind, title, body, link));
  }
}
