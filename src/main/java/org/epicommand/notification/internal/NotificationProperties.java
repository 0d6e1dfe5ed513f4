package org.epicommand.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.notification.*}: which outbound channels get a copy of every notice besides the
 * inbox. Both are off by default; on, they go to the configured {@code SmsGateway} and
 * {@code WebhookChannel} beans (log-only unless a deployment provides its own).
 */
@ConfigurationProperties("epicommand.notification")
public record NotificationProperties(@DefaultValue Sms sms, @DefaultValue Webhook webhook) {

  public record Sms(@DefaultValue("false") boolean enabled) {}

  public record Webhook(@DefaultValue("false") boolean enabled, String url) {}
}
