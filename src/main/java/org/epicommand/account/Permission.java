package org.epicommand.account;

/**
 * What a role may do. Each permission is granted as an authority of the same name, so endpoints
 * check it with {@code hasAuthority('PERSON_READ')}.
 */
public enum Permission {
  /** Create, edit and disable users; reset passwords. */
  USER_ADMIN,
  /** Import and edit the division tree. */
  JURISDICTION_ADMIN,
  /** Read the audit trail. */
  AUDIT_READ,
  /** Read persons inside the own jurisdiction. */
  PERSON_READ,
  /** Register and edit persons inside the own jurisdiction. */
  PERSON_WRITE,
  /** See document numbers and phones unmasked. */
  PERSON_FULL_IDENTITY,
  /** Export person lists. */
  PERSON_EXPORT,
  // command
  /** See the command organisation, meetings, every unit's tasks and the daily-report completeness. */
  COMMAND_READ,
  /** Run the command post: units, response level, meetings, decisions, verifying tasks, reminders, report templates. */
  COMMAND_MANAGE,
  /** Work for one's own unit: its task inbox, its duty roster and its daily reports. */
  UNIT_WORK
}
