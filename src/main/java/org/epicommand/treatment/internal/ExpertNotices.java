package org.epicommand.treatment.internal;

import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.treatment.BedOccupancyHigh;
import org.epicommand.treatment.BedType;
import org.epicommand.treatment.ExpertTeamOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the medical treatment group (and the commanders), in their inbox, about a severe or critical case still
 * without an expert team, and about a hospital whose beds of a type have reached the alert share.
 */
@Component
class ExpertNotices {

  /** Notices are written in the platform's first language. */
  private static final java.util.Map<BedType, String> BED_WORDS = java.util.Map.of(BedType.GENERAL, "普通",
      BedType.ICU, "重症监护", BedType.CONVERTIBLE_ICU, "可转换重症监护", BedType.NEGATIVE_PRESSURE, "负压",
      BedType.SHELTER_BED, "方舱");

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

  /** To the medical group and the commanders of the hospital's division and every division above it. */
  @ApplicationModuleListener
  void on(BedOccupancyHigh event) {
    String title = "%s %s床位占用 %d%%（%d/%d）".formatted(event.hospitalName(), BED_WORDS.get(event.bedType()),
        event.percent(), event.occupied(), event.usable());
    for (Jurisdiction division : jurisdictions.ancestry(event.jurisdictionCode())) {
      notifications.send(Notice.toRoles(division.code(), Set.of(Role.MEDICAL_OFFICER, Role.COMMANDER),
          "BED_OCCUPANCY_HIGH", title, null, "/treatment/hospitals/" + event.hospitalCode()));
    }
  }

}
