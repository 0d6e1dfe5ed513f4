package org.epicommand.audit;

import java.time.OffsetDateTime;

/** One audit event as the API shows it. */
public record AuditEvent(OffsetDateTime at, String username, AuditAction action, String subjectType,
    String subjectId, String detail, String remoteAddress) {}
