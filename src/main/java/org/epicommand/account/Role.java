package org.epicommand.account;

import static org.epicommand.account.Permission.ACCESS_ADMIN;
import static org.epicommand.account.Permission.ADMISSION_WRITE;
import static org.epicommand.account.Permission.AUDIT_READ;
import static org.epicommand.account.Permission.BULLETIN_MANAGE;
import static org.epicommand.account.Permission.CAMPAIGN_WRITE;
import static org.epicommand.account.Permission.CASE_EXPORT;
import static org.epicommand.account.Permission.CASE_READ;
import static org.epicommand.account.Permission.CASE_WRITE;
import static org.epicommand.account.Permission.CHAIN_WRITE;
import static org.epicommand.account.Permission.CLINIC_REGISTER;
import static org.epicommand.account.Permission.COMMAND_MANAGE;
import static org.epicommand.account.Permission.COMMAND_READ;
import static org.epicommand.account.Permission.DASHBOARD_READ;
import static org.epicommand.account.Permission.ENVIRONMENT_WRITE;
import static org.epicommand.account.Permission.CONTACT_TRACK;
import static org.epicommand.account.Permission.INSPECTION_MANAGE;
import static org.epicommand.account.Permission.JURISDICTION_ADMIN;
import static org.epicommand.account.Permission.KEYGROUP_MANAGE;
import static org.epicommand.account.Permission.KEYGROUP_READ;
import static org.epicommand.account.Permission.KEYGROUP_ROSTER;
import static org.epicommand.account.Permission.LAB_ADMIN;
import static org.epicommand.account.Permission.LAB_RESULT_WRITE;
import static org.epicommand.account.Permission.LAB_SAMPLE_WRITE;
import static org.epicommand.account.Permission.LOCKDOWN_TASK;
import static org.epicommand.account.Permission.MOVEMENT_READ;
import static org.epicommand.account.Permission.MOVEMENT_WRITE;
import static org.epicommand.account.Permission.ORGANISATION_READ;
import static org.epicommand.account.Permission.ORGANISATION_WRITE;
import static org.epicommand.account.Permission.RESUMPTION_APPLY;
import static org.epicommand.account.Permission.RESUMPTION_DECIDE;
import static org.epicommand.account.Permission.RESUMPTION_INSPECT;
import static org.epicommand.account.Permission.RESUMPTION_READ;
import static org.epicommand.account.Permission.RESUMPTION_REVIEW;
import static org.epicommand.account.Permission.PERSON_EXPORT;
import static org.epicommand.account.Permission.PRICE_READ;
import static org.epicommand.account.Permission.PRICE_REPORT;
import static org.epicommand.account.Permission.PERSON_FULL_IDENTITY;
import static org.epicommand.account.Permission.PERSON_READ;
import static org.epicommand.account.Permission.PERSON_WRITE;
import static org.epicommand.account.Permission.PROBLEM_RECTIFY;
import static org.epicommand.account.Permission.PUSHED_LIST_IMPORT;
import static org.epicommand.account.Permission.PURCHASE_REGISTER;
import static org.epicommand.account.Permission.SENTINEL_MANAGE;
import static org.epicommand.account.Permission.SENTINEL_READ;
import static org.epicommand.account.Permission.SENTINEL_VERIFY;
import static org.epicommand.account.Permission.REPORT_READ;
import static org.epicommand.account.Permission.QUARANTINE_READ;
import static org.epicommand.account.Permission.QUARANTINE_WRITE;
import static org.epicommand.account.Permission.RISK_AREA_MANAGE;
import static org.epicommand.account.Permission.RULE_SET_ADMIN;
import static org.epicommand.account.Permission.SCREEN_READ;
import static org.epicommand.account.Permission.SITE_OPERATE;
import static org.epicommand.account.Permission.SCREENING_READ;
import static org.epicommand.account.Permission.SCREENING_VISIT;
import static org.epicommand.account.Permission.SCREENING_ASSIGN;
import static org.epicommand.account.Permission.SCREENING_MANAGE;
import static org.epicommand.account.Permission.SUPERVISION_READ;
import static org.epicommand.account.Permission.SUPPLIES_MANAGE;
import static org.epicommand.account.Permission.SUPPLIES_READ;
import static org.epicommand.account.Permission.SUPPLIES_REQUEST;
import static org.epicommand.account.Permission.TEST_READ;
import static org.epicommand.account.Permission.TIPOFF_INFORMANT;
import static org.epicommand.account.Permission.TIPOFF_MANAGE;
import static org.epicommand.account.Permission.TIPOFF_READ;
import static org.epicommand.account.Permission.TIPOFF_VERIFY;
import static org.epicommand.account.Permission.TREATMENT_ADMIN;
import static org.epicommand.account.Permission.TREATMENT_READ;
import static org.epicommand.account.Permission.UNIT_WORK;
import static org.epicommand.account.Permission.USER_ADMIN;
import static org.epicommand.account.Permission.USER_READ;
import static org.epicommand.account.Permission.VACCINATION_ADMIN;
import static org.epicommand.account.Permission.VACCINATION_IMPORT;
import static org.epicommand.account.Permission.VACCINATION_READ;
import static org.epicommand.account.Permission.VACCINATION_VISIT;
import static org.epicommand.account.Permission.VACCINATION_WRITE;
import static org.epicommand.account.Permission.WAREHOUSE_OPERATE;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of docs/domain.md §1 and the permissions each grants. Permissions are listed by capability,
 * one group per line, so that each module's grants stay readable. The three administrator roles
 * (三员: system, security and audit administrator) divide the platform's administration so that no
 * one administrator can give themselves access or hide what they did; an account holding one of
 * them holds no other role.
 */
public enum Role {
  /**
   * System administrator (系统管理员): staff accounts, configuration, divisions, rule sets, labs and
   * sampling sites — no personal data, no roles to give, no audit trail.
   */
  ADMIN(Set.of(USER_READ, USER_ADMIN, JURISDICTION_ADMIN),
      Set.of(RULE_SET_ADMIN),
      Set.of(LAB_ADMIN),
      Set.of(VACCINATION_ADMIN),
      Set.of(ORGANISATION_READ, ORGANISATION_WRITE)),
  /** Leadership group and command office: everything in the city. */
  COMMANDER(Set.of(PERSON_READ, PERSON_WRITE, PERSON_FULL_IDENTITY, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_WRITE, CASE_EXPORT, CHAIN_WRITE, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE, SITE_OPERATE),
      Set.of(COMMAND_READ, COMMAND_MANAGE, UNIT_WORK),
      Set.of(SUPERVISION_READ, INSPECTION_MANAGE),
      Set.of(MOVEMENT_READ, MOVEMENT_WRITE, RISK_AREA_MANAGE, PUSHED_LIST_IMPORT),
      Set.of(TEST_READ, LAB_SAMPLE_WRITE, LAB_RESULT_WRITE, CAMPAIGN_WRITE, LAB_ADMIN),
      Set.of(DASHBOARD_READ, REPORT_READ, BULLETIN_MANAGE, SCREEN_READ),
      Set.of(VACCINATION_READ, VACCINATION_WRITE, VACCINATION_VISIT, VACCINATION_IMPORT, VACCINATION_ADMIN),
      Set.of(SCREENING_READ, SCREENING_VISIT, SCREENING_ASSIGN, SCREENING_MANAGE),
      Set.of(ORGANISATION_READ, ORGANISATION_WRITE, RESUMPTION_READ, RESUMPTION_REVIEW, RESUMPTION_INSPECT,
          RESUMPTION_DECIDE),
      Set.of(TREATMENT_READ, TREATMENT_ADMIN, ADMISSION_WRITE),
      Set.of(SUPPLIES_READ, SUPPLIES_MANAGE, SUPPLIES_REQUEST, PRICE_READ, PRICE_REPORT),
      Set.of(SENTINEL_READ, SENTINEL_MANAGE, PURCHASE_REGISTER, SENTINEL_VERIFY, CLINIC_REGISTER),
      Set.of(TIPOFF_READ),
      Set.of(KEYGROUP_READ, KEYGROUP_MANAGE, KEYGROUP_ROSTER, ENVIRONMENT_WRITE)),
  /** CDC field investigators. */
  EPIDEMIOLOGIST(Set.of(PERSON_READ, PERSON_WRITE, PERSON_FULL_IDENTITY, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_WRITE, CASE_EXPORT, CHAIN_WRITE, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE),
      Set.of(COMMAND_READ, UNIT_WORK),
      Set.of(MOVEMENT_READ),
      Set.of(TEST_READ),
      Set.of(DASHBOARD_READ, REPORT_READ, SCREEN_READ),
      Set.of(VACCINATION_READ, VACCINATION_WRITE, VACCINATION_IMPORT),
      Set.of(SCREENING_READ),
      Set.of(SENTINEL_READ),
      Set.of(KEYGROUP_READ, KEYGROUP_MANAGE, KEYGROUP_ROSTER, ENVIRONMENT_WRITE)),
  DISTRICT_STAFF(Set.of(PERSON_READ, PERSON_WRITE, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_EXPORT, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE),
      Set.of(COMMAND_READ, UNIT_WORK),
      Set.of(SUPERVISION_READ, PROBLEM_RECTIFY),
      Set.of(MOVEMENT_READ, MOVEMENT_WRITE, PUSHED_LIST_IMPORT),
      Set.of(TEST_READ, CAMPAIGN_WRITE),
      Set.of(DASHBOARD_READ, SCREEN_READ),
      Set.of(VACCINATION_READ, VACCINATION_VISIT),
      Set.of(SCREENING_READ, SCREENING_VISIT, SCREENING_ASSIGN, SCREENING_MANAGE),
      Set.of(ORGANISATION_READ, ORGANISATION_WRITE, RESUMPTION_READ, RESUMPTION_APPLY, RESUMPTION_INSPECT),
      Set.of(SUPPLIES_REQUEST),
      Set.of(SENTINEL_READ, SENTINEL_MANAGE, SENTINEL_VERIFY),
      Set.of(TIPOFF_READ, TIPOFF_VERIFY),
      Set.of(KEYGROUP_READ, KEYGROUP_ROSTER, ENVIRONMENT_WRITE)),
  STREET_STAFF(Set.of(PERSON_READ, PERSON_WRITE, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_EXPORT, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE),
      Set.of(UNIT_WORK),
      Set.of(SUPERVISION_READ, PROBLEM_RECTIFY),
      Set.of(MOVEMENT_READ, MOVEMENT_WRITE),
      Set.of(TEST_READ),
      Set.of(VACCINATION_READ, VACCINATION_VISIT),
      Set.of(SCREENING_READ, SCREENING_VISIT, SCREENING_ASSIGN),
      Set.of(ORGANISATION_READ, RESUMPTION_READ, RESUMPTION_APPLY, RESUMPTION_INSPECT),
      Set.of(SENTINEL_READ, SENTINEL_VERIFY),
      Set.of(TIPOFF_READ, TIPOFF_VERIFY),
      Set.of(KEYGROUP_READ, KEYGROUP_ROSTER)),
  COMMUNITY_WORKER(Set.of(PERSON_READ, PERSON_WRITE, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_EXPORT, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE),
      Set.of(UNIT_WORK),
      Set.of(SUPERVISION_READ, PROBLEM_RECTIFY),
      Set.of(MOVEMENT_READ, MOVEMENT_WRITE),
      Set.of(TEST_READ),
      Set.of(VACCINATION_READ, VACCINATION_VISIT),
      Set.of(SCREENING_READ, SCREENING_VISIT),
      Set.of(ORGANISATION_READ, RESUMPTION_READ),
      Set.of(SENTINEL_READ, SENTINEL_VERIFY),
      Set.of(TIPOFF_READ, TIPOFF_VERIFY)),
  LAB_OPERATOR(Set.of(TEST_READ, LAB_SAMPLE_WRITE, LAB_RESULT_WRITE),
      Set.of(ENVIRONMENT_WRITE)),
  /** Quarantine site staff: orders (to find who arrives), rooms, check-in, health checks, site release. */
  SITE_MANAGER(Set.of(QUARANTINE_READ, SITE_OPERATE),
      Set.of(SUPPLIES_REQUEST)),
  INSPECTOR(Set.of(SUPERVISION_READ, INSPECTION_MANAGE),
      Set.of(COMMAND_READ, UNIT_WORK),
      Set.of(ORGANISATION_READ, RESUMPTION_READ, RESUMPTION_INSPECT)),
  /** The supplies group (物资保障组): items, warehouses, approvals, allocation and dispatch, city-wide. */
  SUPPLIES_OFFICER(Set.of(UNIT_WORK),
      Set.of(SUPPLIES_READ, SUPPLIES_MANAGE, SUPPLIES_REQUEST, PRICE_READ, PRICE_REPORT)),
  /**
   * Vaccination site staff (接种点): record doses at the site their vaccinator record binds them to,
   * find the persons they vaccinate, record adverse events following immunization.
   */
  VACCINATOR(Set.of(PERSON_READ),
      Set.of(VACCINATION_READ, VACCINATION_WRITE)),
  /**
   * An organisation's epidemic-prevention contact (防疫联络员), bound to one organisation (an entity-bound
   * role): its application, staff ledger and daily health report, the problems found there; no registry.
   */
  UNIT_CONTACT(Set.of(ORGANISATION_READ, RESUMPTION_READ, RESUMPTION_APPLY),
      Set.of(SUPERVISION_READ, PROBLEM_RECTIFY),
      Set.of(KEYGROUP_READ, KEYGROUP_ROSTER)),
  /**
   * A sector department's reviewer (工信, 商务, 文旅, 教育, 民宗, 住建), bound to its sectors: reviews the
   * material of the applications of those sectors inside the own jurisdiction.
   */
  SECTOR_REVIEWER(Set.of(ORGANISATION_READ, RESUMPTION_READ, RESUMPTION_REVIEW),
      Set.of(UNIT_WORK)),
  /**
   * Security administrator (安全保密管理员): assigns roles (administrator roles included), unlocks
   * accounts, grants temporary roles — never to itself, and no personal data.
   */
  SECURITY_ADMIN(Set.of(USER_READ, ACCESS_ADMIN)),
  /** Audit administrator (安全审计员): discipline and data-protection staff; the audit trail, read-only. */
  AUDITOR(Set.of(AUDIT_READ)),
  /**
   * The command hall's screen (大屏展示终端): a read-only account that opens the big screen and nothing
   * else — aggregate figures of its jurisdiction, no personal data by any path.
   */
  KIOSK(Set.of(SCREEN_READ)),
  /**
   * Hospital operator (医院床位管理员): an entity-bound role — beds and admissions of the hospitals they
   * are bound to; every other hospital does not exist for them (404).
   */
  HOSPITAL_OPERATOR(Set.of(TREATMENT_READ, ADMISSION_WRITE)),
  /** Medical treatment group (医疗救治组): hospitals, beds, admissions, expert teams, the capacity board. */
  MEDICAL_OFFICER(Set.of(CASE_READ),
      Set.of(TREATMENT_READ, TREATMENT_ADMIN, ADMISSION_WRITE),
      Set.of(DASHBOARD_READ)),
  /**
   * A warehouse keeper (仓库管理员), bound to warehouses (an entity-bound role): receipts, issues and stock
   * counts there, and their stock.
   */
  WAREHOUSE_OPERATOR(Set.of(SUPPLIES_READ, WAREHOUSE_OPERATE)),
  /**
   * A pharmacy clerk (药店店员), bound to one pharmacy (an entity-bound role): registers real-name purchases
   * there and sees the day's own registrations, nothing else.
   */
  PHARMACY_CLERK(Set.of(PURCHASE_REGISTER)),
  /**
   * Fever-clinic staff, village doctors, individual clinics (an entity-bound role, bound to one clinic):
   * the clinic's patient register, nothing else.
   */
  CLINIC_STAFF(Set.of(CLINIC_REGISTER)),
  /**
   * A sealed-area volunteer (志愿者), linked to their entry of the manpower pool: their own shifts (check in)
   * and the household service requests assigned to them (address, need and phone) — no registry records.
   */
  VOLUNTEER(Set.of(LOCKDOWN_TASK)),
  /**
   * The tip-off office (举报受理办公室): enters, triages and assigns tip-offs, decides rewards and refers
   * concealment to public security or the CDC — the only role that sees who informed.
   */
  TIP_OFF_OFFICE(Set.of(TIPOFF_READ, TIPOFF_MANAGE, TIPOFF_INFORMANT)),
  /**
   * The commerce bureau and market regulation's price staff (商务/市场监管价格监测): markets, daily prices of the
   * necessities basket, markup caps and the price alerts of the markets inside their jurisdiction — no stock.
   */
  PRICE_OFFICER(Set.of(UNIT_WORK),
      Set.of(PRICE_READ, PRICE_REPORT));

  /** The three administrator roles: each is held alone. */
  public static final Set<Role> ADMINISTRATORS = java.util.Collections.unmodifiableSet(
      EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR));

  private final Set<Permission> permissions;

  @SafeVarargs
  Role(Set<Permission>... groups) {
    EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
    for (Set<Permission> group : groups) {
      all.addAll(group);
    }
    this.permissions = java.util.Collections.unmodifiableSet(all);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  /** One of the three administrator roles, which an account holds alone. */
  public boolean administrator() {
    return ADMINISTRATORS.contains(this);
  }
}
