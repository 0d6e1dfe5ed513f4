package org.epicommand.supervision.internal;

import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.supervision.EvidenceRejected;
import org.epicommand.supervision.ProblemAssigned;
import org.epicommand.supervision.ProblemOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the responsible unit's staff, in their inbox, when a problem is assigned, overdue or its evidence rejected. */
@Component
class ProblemNotices {

  /** The staff of a unit (a district, street or community by its division code). */
  static final Set<Role> UNIT_STAFF = Set.of(Role.DISTRICT_STAFF, Role.STREET_STAFF, Role.COMMUNITY_WORKER);

  private final Notifications notifications;
  private final Units units;

  ProblemNotices(Notifications notifications, Units units) {
    this.notifications = notifications;
    this.units = units;
  }

  @ApplicationModuleListener
  void on(ProblemAssigned event) {
    send(event.unitCode(), "PROBLEM_ASSIGNED", "督查发现问题已交办，请于 " + event.deadline() + " 前整改", null,
        event.problemId());
  }

  @ApplicationModuleListener
  void on(ProblemOverdue event) {
    send(event.unitCode(), "PROBLEM_OVERDUE", "督查问题已超过整改期限（" + event.deadline() + "）", null,
        event.problemId());
  }

  @ApplicationModuleListener
  void on(EvidenceRejected event) {
    send(event.unitCode(), "EVIDENCE_REJECTED", "整改材料被退回，请重新整改", event.reason(), event.problemId());
  }

  /** To a division's staff, or to an organisation's contacts (nobody when it has none yet). */
  private void send(String unitCode, String kind, String title, String body, String problemId) {
    if (!units.isOrganisation(unitCode)) {
      notifications.send(Notice.toRoles(unitCode, UNIT_STAFF, kind, title, body, link(problemId)));
      return;
    }
    java.util.Set<String> contacts = units.contactsOf(unitCode);
    if (!contacts.isEmpty()) {
      notifications.send(Notice.toUsers(contacts, kind, title, body, link(problemId)));
    }
  }

  private static String link(String problemId) {
    return "/supervision/problems/" + problemId;
  }
}
