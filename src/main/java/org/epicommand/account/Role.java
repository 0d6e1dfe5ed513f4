package org.epicommand.account;

import static org.epicommand.account.Permission.AUDIT_READ;
import static org.epicommand.account.Permission.COMMAND_MANAGE;
import static org.epicommand.account.Permission.COMMAND_READ;
import static org.epicommand.account.Permission.UNIT_WORK;
import static org.epicommand.account.Permission.JURISDICTION_ADMIN;
import static org.epicommand.account.Permission.PERSON_EXPORT;
import static org.epicommand.account.Permission.PERSON_FULL_IDENTITY;
import static org.epicommand.account.Permission.PERSON_READ;
import static org.epicommand.account.Permission.PERSON_WRITE;
import static org.epicommand.account.Permission.USER_ADMIN;

import java.util.EnumSet;
import java.util.Set;

/** The roles of DOMAIN.md §1 and the permissions each grants. */
public enum Role {
  /** Platform administrators: configuration, users, rule sets — no personal data by this role. */
  ADMIN(EnumSet.of(USER_ADMIN, JURISDICTION_ADMIN, AUDIT_READ)),
  /** Leadership group and command office: everything in the city. */
  COMMANDER(EnumSet.of(PERSON_READ, PERSON_WRITE, PERSON_FULL_IDENTITY, PERSON_EXPORT, COMMAND_READ, COMMAND_MANAGE,
      UNIT_WORK)),
  /** CDC field investigators. */
  EPIDEMIOLOGIST(EnumSet.of(PERSON_READ, PERSON_WRITE, PERSON_FULL_IDENTITY, PERSON_EXPORT, COMMAND_READ, UNIT_WORK)),
  DISTRICT_STAFF(EnumSet.of(PERSON_READ, PERSON_WRITE, PERSON_EXPORT, COMMAND_READ, UNIT_WORK)),
  STREET_STAFF(EnumSet.of(PERSON_READ, PERSON_WRITE, PERSON_EXPORT, UNIT_WORK)),
  COMMUNITY_WORKER(EnumSet.of(PERSON_READ, PERSON_WRITE, PERSON_EXPORT, UNIT_WORK)),
  LAB_OPERATOR(EnumSet.noneOf(Permission.class)),
  SITE_MANAGER(EnumSet.noneOf(Permission.class)),
  INSPECTOR(EnumSet.of(COMMAND_READ, UNIT_WORK)),
  SUPPLIES_OFFICER(EnumSet.of(UNIT_WORK)),
  /** Discipline and data-protection staff: the audit trail, read-only. */
  AUDITOR(EnumSet.of(AUDIT_READ));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public Set<Permission> permissions() {
    return permissions;
  }
}
