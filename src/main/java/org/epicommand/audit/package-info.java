/**
 * The append-only audit trail: who read or changed which personal record, when and from where.
 * Events are written in the same transaction as the read or change they record; the database
 * refuses to update or delete them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.epicommand.audit;
