package org.epicommand.treatment.internal;

import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.treatment.ExpertTeamOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the medical treatment group, in their inbox, about a severe or critical case still without an expert team. */
@Component
class ExpertNotices {

  private final Notifications notifications;

  ExpertNotices(Notifications notifications) {
    this.notifications = notifications;
  }

  @ApplicationModuleListener
  void on(ExpertTeamOverdue event) {
    notifications.send(Notice.toRoles(event.jurisdictionCode(), Set.of(Role.MEDICAL_OFFICER, Role.COMMANDER),
        "EXPERT_TEAM_OVERDUE", "重症/危重症病例超过时限仍未指定专家组", null, "/treatment/experts"));
  }
}
