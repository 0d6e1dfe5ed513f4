package org.epicommand.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One message that left (or tries to leave) the application: channel EMAIL, SMS or WEBHOOK; state PENDING
 * (waiting or between attempts), SENT or DEAD (every attempt failed; an administrator may retry it). Phone
 * numbers are shown masked.
 */
public record DeliveryView(UUID id, String channel, String kind, String recipient, String subject, String state,
    int attempts, Integer lastStatus, String lastError, OffsetDateTime nextAttemptAt, OffsetDateTime createdAt,
    OffsetDateTime sentAt) {}
