package org.epicommand.treatment.internal;

import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.treatment.ExpertTeamOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the medical treatment group (and the commanders), in their inbox, about a severe or critical case still
 * without an expert team. */
@Component
class ExpertNotices {

  private final Notifications notifications;
  private final Jurisdictions jurisdictions;

  ExpertNotices(Notifications notifications, Jurisdictions jurisdictions) {
    this.notifications = notifications;
    this.jurisdictions = jurisdictions;
  }

  /** To the medical group and the commanders of the case's community and every division above it. */
  @ApplicationModuleListener
  void on(ExpertTeamOverdue event) {
    for (Jurisdiction division : jurisdictions.ancestry(event.jurisdictionCode())) {
      notifications.send(Notice.toRoles(division.code(), Set.of(Role.MEDICAL_OFFICER, Role.COMMANDER),
          "EXPERT_TEAM_OVERDUE", "重症/危重症病例超过时限仍未指定专家组", null, "/treatment/experts"));
    }
  }
}
