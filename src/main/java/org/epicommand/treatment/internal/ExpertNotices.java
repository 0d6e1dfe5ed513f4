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
import org.epicommand.treatment.MedicalRequest;
import org.epicommand.treatment.MedicalRequestOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the medical treatment group (and the commanders), in their inbox, about a severe or critical case still
 * without an expert team, a medical-service request not dispatched in time, and a hospital whose beds of a
 * type have reached the alert share.
 */
@Component
class ExpertNotices {

  /** Notices are written in the platform's first language. */
  private static final java.util.Map<BedType, String> BED_WORDS = java.util.Map.of(BedType.GENERAL, "普通",
      BedType.ICU, "重症监护", BedType.CONVERTIBLE_ICU, "可转换重症监护", BedType.NEGATIVE_PRESSURE, "负压",
      BedType.SHELTER_BED, "方舱");

  private static final java.util.Map<MedicalRequest.Urgency, String> URGENCY_WORDS = java.util.Map.of(
      MedicalRequest.Urgency.EMERGENCY, "紧急", MedicalRequest.Urgency.URGENT, "加急",
      MedicalRequest.Urgency.ROUTINE, "一般");
  private static final java.util.Map<MedicalRequest.Need, String> NEED_WORDS = java.util.Map.of(
      MedicalRequest.Need.EMERGENCY_120, "急救", MedicalRequest.Need.DIALYSIS, "透析",
      MedicalRequest.Need.CHEMOTHERAPY, "化疗", MedicalRequest.Need.DELIVERY, "分娩",
      MedicalRequest.Need.MEDICATION, "用药", MedicalRequest.Need.MENTAL_HEALTH, "心理", MedicalRequest.Need.OTHER, "其他");

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

  /**
   * To the medical group of the person's community and every division above it; an emergency to the commanders
   * too. The notice names the need and urgency, never the person.
   */
  @ApplicationModuleListener
  void on(MedicalRequestOverdue event) {
    Set<Role> roles = event.urgency() == MedicalRequest.Urgency.EMERGENCY
        ? Set.of(Role.MEDICAL_OFFICER, Role.COMMANDER) : Set.of(Role.MEDICAL_OFFICER);
    String title = "%s医疗服务需求（%s）超过派单时限".formatted(URGENCY_WORDS.get(event.urgency()),
        NEED_WORDS.get(event.need()));
    for (Jurisdiction division : jurisdictions.ancestry(event.jurisdictionCode())) {
      notifications.send(Notice.toRoles(division.code(), roles, "MEDICAL_REQUEST_OVERDUE", title, null,
          "/treatment/requests#r-" + event.requestId()));
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
