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
import static org.epicommand.account.Permission.COMMAND_MANAGE;
import static org.epicommand.account.Permission.COMMAND_READ;
import static org.epicommand.account.Permission.DASHBOARD_READ;
import static org.epicommand.account.Permission.CONTACT_TRACK;
import static org.epicommand.account.Permission.INSPECTION_MANAGE;
import static org.epicommand.account.Permission.JURISDICTION_ADMIN;
import static org.epicommand.account.Permission.LAB_ADMIN;
import static org.epicommand.account.Permission.LAB_RESULT_WRITE;
import static org.epicommand.account.Permission.LAB_SAMPLE_WRITE;
import static org.epicommand.account.Permission.MOVEMENT_READ;
import static org.epicommand.account.Permission.MOVEMENT_WRITE;
import static org.epicommand.account.Permission.PERSON_EXPORT;
import static org.epicommand.account.Permission.PERSON_FULL_IDENTITY;
import static org.epicommand.account.Permission.PERSON_READ;
import static org.epicommand.account.Permission.PERSON_WRITE;
import static org.epicommand.account.Permission.PROBLEM_RECTIFY;
import static org.epicommand.account.Permission.PUSHED_LIST_IMPORT;
import static org.epicommand.account.Permission.REPORT_READ;
import static org.epicommand.account.Permission.QUARANTINE_READ;
import static org.epicommand.account.Permission.QUARANTINE_WRITE;
import static org.epicommand.account.Permission.RISK_AREA_MANAGE;
import static org.epicommand.account.Permission.RULE_SET_ADMIN;
import static org.epicommand.account.Permission.SITE_OPERATE;
import static org.epicommand.account.Permission.SUPERVISION_READ;
import static org.epicommand.account.Permission.TEST_READ;
import static org.epicommand.account.Permission.TREATMENT_ADMIN;
import static org.epicommand.account.Permission.TREATMENT_READ;
import static org.epicommand.account.Permission.UNIT_WORK;
import static org.epicommand.account.Permission.USER_ADMIN;
import static org.epicommand.account.Permission.USER_READ;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of DOMAIN.md §1 and the permissions each grants. Permissions are listed by capability,
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
      Set.of(LAB_ADMIN)),
  /** Leadership group and command office: everything in the city. */
  COMMANDER(Set.of(PERSON_READ, PERSON_WRITE, PERSON_FULL_IDENTITY, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_WRITE, CASE_EXPORT, CHAIN_WRITE, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE, SITE_OPERATE),
      Set.of(COMMAND_READ, COMMAND_MANAGE, UNIT_WORK),
      Set.of(SUPERVISION_READ, INSPECTION_MANAGE),
      Set.of(MOVEMENT_READ, MOVEMENT_WRITE, RISK_AREA_MANAGE, PUSHED_LIST_IMPORT),
      Set.of(TEST_READ, LAB_SAMPLE_WRITE, LAB_RESULT_WRITE, CAMPAIGN_WRITE, LAB_ADMIN),
      Set.of(DASHBOARD_READ, REPORT_READ, BULLETIN_MANAGE),
      Set.of(TREATMENT_READ, TREATMENT_ADMIN, ADMISSION_WRITE)),
  /** CDC field investigators. */
  EPIDEMIOLOGIST(Set.of(PERSON_READ, PERSON_WRITE, PERSON_FULL_IDENTITY, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_WRITE, CASE_EXPORT, CHAIN_WRITE, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE),
      Set.of(COMMAND_READ, UNIT_WORK),
      Set.of(MOVEMENT_READ),
      Set.of(TEST_READ),
      Set.of(DASHBOARD_READ, REPORT_READ)),
  DISTRICT_STAFF(Set.of(PERSON_READ, PERSON_WRITE, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_EXPORT, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE),
      Set.of(COMMAND_READ, UNIT_WORK),
      Set.of(SUPERVISION_READ, PROBLEM_RECTIFY),
      Set.of(MOVEMENT_READ, MOVEMENT_WRITE, PUSHED_LIST_IMPORT),
      Set.of(TEST_READ, CAMPAIGN_WRITE),
      Set.of(DASHBOARD_READ)),
  STREET_STAFF(Set.of(PERSON_READ, PERSON_WRITE, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_EXPORT, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE),
      Set.of(UNIT_WORK),
      Set.of(SUPERVISION_READ, PROBLEM_RECTIFY),
      Set.of(MOVEMENT_READ, MOVEMENT_WRITE),
      Set.of(TEST_READ)),
  COMMUNITY_WORKER(Set.of(PERSON_READ, PERSON_WRITE, PERSON_EXPORT),
      Set.of(CASE_READ, CASE_EXPORT, CONTACT_TRACK),
      Set.of(QUARANTINE_READ, QUARANTINE_WRITE),
      Set.of(UNIT_WORK),
      Set.of(SUPERVISION_READ, PROBLEM_RECTIFY),
      Set.of(MOVEMENT_READ, MOVEMENT_WRITE),
      Set.of(TEST_READ)),
  LAB_OPERATOR(Set.of(TEST_READ, LAB_SAMPLE_WRITE, LAB_RESULT_WRITE)),
  /** Quarantine site staff: orders (to find who arrives), rooms, check-in, health checks, site release. */
  SITE_MANAGER(Set.of(QUARANTINE_READ, SITE_OPERATE)),
  INSPECTOR(Set.of(SUPERVISION_READ, INSPECTION_MANAGE),
      Set.of(COMMAND_READ, UNIT_WORK)),
  SUPPLIES_OFFICER(Set.of(UNIT_WORK)),
  /**
   * Security administrator (安全保密管理员): assigns roles (administrator roles included), unlocks
   * accounts, grants temporary roles — never to itself, and no personal data.
   */
  SECURITY_ADMIN(Set.of(USER_READ, ACCESS_ADMIN)),
  /** Audit administrator (安全审计员): discipline and data-protection staff; the audit trail, read-only. */
  AUDITOR(Set.of(AUDIT_READ)),
  /**
   * Hospital operator (医院床位管理员): an entity-bound role — beds and admissions of the hospitals they
   * are bound to; every other hospital does not exist for them (404).
   */
  HOSPITAL_OPERATOR(Set.of(TREATMENT_READ, ADMISSION_WRITE)),
  /** Medical treatment group (医疗救治组): hospitals, beds, admissions, expert teams, the capacity board. */
  MEDICAL_OFFICER(Set.of(CASE_READ),
      Set.of(TREATMENT_READ, TREATMENT_ADMIN, ADMISSION_WRITE),
      Set.of(DASHBOARD_READ));

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
