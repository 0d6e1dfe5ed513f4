package org.epicommand.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One message in a user's inbox. */
public record NotificationView(UUID id, String kind, String title, String body, String link,
    OffsetDateTime createdAt, OffsetDateTime readAt) {

  public boolean read() {
    return readAt != null;
  }
}
