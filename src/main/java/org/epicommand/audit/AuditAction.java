package org.epicommand.audit;

/** What was done to the subject. */
public enum AuditAction {
  READ, CREATE, UPDATE, DELETE, EXPORT, IMPORT, LOGIN_LOCKED, LOGIN, LOGIN_FAILED, LOGOUT
}
