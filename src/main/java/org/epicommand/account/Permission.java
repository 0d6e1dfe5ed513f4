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
  // cases, tracing
  /** Read cases and transmission chains inside the own jurisdiction. */
  CASE_READ,
  /** Report cases, reclassify them, record tests and outcomes; import line lists. */
  CASE_WRITE,
  /** Export case lists (masked). */
  CASE_EXPORT,
  /** Record infector → infectee links. */
  CHAIN_WRITE
}
