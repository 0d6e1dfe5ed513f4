package org.epicommand.treatment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.treatment.BedCount;
import org.epicommand.shared.Paging;
import org.epicommand.treatment.BedType;
import org.epicommand.treatment.EquipmentCount;
import org.epicommand.treatment.EquipmentType;
import org.epicommand.treatment.ExpertTeam;
import org.epicommand.treatment.ExpertTeams;
import org.epicommand.treatment.HospitalDetails;
import org.epicommand.treatment.HospitalKind;
import org.epicommand.treatment.HospitalStaff;
import org.epicommand.treatment.HospitalStatus;
import org.epicommand.treatment.Hospitals;
import org.epicommand.treatment.StaffDeployment;
import org.epicommand.treatment.StaffDeployments;
import org.epicommand.treatment.StaffKind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a designated hospital and a shelter hospital in use, a backup hospital on standby, a
 * city expert team, the designated hospital's equipment, nurses sent to the shelter hospital and a
 * provincial team on its way, and the demo hospital operator bound to the designated hospital — created through
 * the same facades the pages and the API use (idempotent: what exists is left as it is).
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class TreatmentDemo implements ApplicationRunner {

  /** The demo designated hospital, where the demo hospital operator works. */
  static final String DESIGNATED = "H-DD01";
  static final String OPERATOR = "hospital";

  private final Hospitals hospitals;
  private final HospitalStaff staff;
  private final ExpertTeams teams;
  private final ImportPrincipals principals;
  private final StaffDeployments deployments;
  private final Clock clock;

  TreatmentDemo(Hospitals hospitals, HospitalStaff staff, ExpertTeams teams, ImportPrincipals principals,
      StaffDeployments deployments, Clock clock) {
    this.deployments = deployments;
    this.clock = clock;
    this.hospitals = hospitals;
    this.staff = staff;
    this.teams = teams;
    this.principals = principals;
  }

  @Override
  public void run(ApplicationArguments args) {
    principals.runAs("commander", () -> {
      hospital(new HospitalDetails(DESIGNATED, "滨江市第一定点医院", HospitalKind.DESIGNATED, "990101",
          HospitalStatus.ACTIVE, 24, "滨江市东湖区健康路 1 号", "0571-88000001"), 40, 8, 0);
      hospital(new HospitalDetails("H-FC01", "东湖区方舱医院", HospitalKind.SHELTER, "990101", HospitalStatus.ACTIVE, 48,
          "东湖区会展中心", null), 0, 0, 300);
      hospital(new HospitalDetails("H-BK01", "滨江市备用医院", HospitalKind.BACKUP, "990102", HospitalStatus.STANDBY, 48,
          null, null), 120, 12, 0);
      if (teams.list().stream().noneMatch(t -> t.name().equals("市级重症救治专家组"))) {
        teams.create(new ExpertTeam(null, "市级重症救治专家组", "990100", List.of(
            new ExpertTeam.Member("王建国", "重症医学", "滨江市第一定点医院", null),
            new ExpertTeam.Member("李秀英", "呼吸与危重症医学", "滨江市第一定点医院", null),
            new ExpertTeam.Member("张伟", "感染病学", "滨江市疾控中心", null))));
      }
      equipmentAndStaff();
    });
    principals.runAs("admin", () -> {
      if (staff.staff(DESIGNATED).stream().noneMatch(b -> b.username().equals(OPERATOR))) {
        staff.bind(DESIGNATED, OPERATOR);
      }
    });
  }

  /** Equipment of the designated hospital and the staff sent to the shelter hospital, once. */
  private void equipmentAndStaff() {
    if (hospitals.get(DESIGNATED).equipment().isEmpty()) {
      hospitals.setEquipment(DESIGNATED, EquipmentType.VENTILATOR, new EquipmentCount(10, 6));
      hospitals.setEquipment(DESIGNATED, EquipmentType.ECMO, new EquipmentCount(2, 2));
      hospitals.setEquipment(DESIGNATED, EquipmentType.HIGH_FLOW_O2, new EquipmentCount(20, 9));
    }
    if (deployments.list("H-FC01", null, Paging.of(0, 1)).items().isEmpty()) {
      LocalDate today = LocalDate.now(clock);
      String nurses = deployments.plan(new StaffDeployment.New(StaffKind.NURSE, 30, DESIGNATED, null, "H-FC01",
          today.minusDays(3), today.plusDays(11), "方舱医院开舱支援")).id();
      deployments.deploy(nurses);
      deployments.plan(new StaffDeployment.New(StaffKind.DOCTOR, 12, null, "省援助医疗队第一批", "H-FC01",
          today.plusDays(1), today.plusDays(21), null));
    }
  }

  private void hospital(HospitalDetails details, int general, int icu, int shelter) {
    if (hospitals.find(details.code()).isPresent()) {
      return;
    }
    hospitals.create(details);
    if (general > 0) {
      hospitals.setBeds(details.code(), BedType.GENERAL, new BedCount(general, 0));
    }
    if (icu > 0) {
      hospitals.setBeds(details.code(), BedType.ICU, new BedCount(icu, 0));
    }
    if (shelter > 0) {
      hospitals.setBeds(details.code(), BedType.SHELTER_BED, new BedCount(shelter, 0));
    }
  }
}
