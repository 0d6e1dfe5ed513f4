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

  ProblemNotices(Notifications notifications) {
    this.notifications = notifications;
  }

  @ApplicationModuleListener
  void on(ProblemAssigned event) {
    notifications.send(Notice.toRoles(event.unitCode(), UNIT_STAFF, "PROBLEM_ASSIGNED",
        "督查发现问题已交办，请于 " + event.deadline() + " 前整改", null, link(event.problemId())));
  }

  @ApplicationModuleListener
  void on(ProblemOverdue event) {
    notifications.send(Notice.toRoles(event.unitCode(), UNIT_STAFF, "PROBLEM_OVERDUE",
        "督查问题已超过整改期限（" + event.deadline() + "）", null, link(event.problemId())));
  }

  @ApplicationModuleListener
  void on(EvidenceRejected event) {
    notifications.send(Notice.toRoles(event.unitCode(), UNIT_STAFF, "EVIDENCE_REJECTED",
        "整改材料被退回，请重新整改", event.reason(), link(event.problemId())));
  }

  private static String link(String problemId) {
    return "/supervision/problems/" + problemId;
  }
}
