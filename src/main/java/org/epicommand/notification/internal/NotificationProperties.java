package org.epicommand.notification.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.notification.*}: the outbound channels. Each is off until configured (an SMTP host, an SMS
 * gateway endpoint, a webhook URL); off, a notice is only logged, as in the inbox-only default.
 */
@ConfigurationProperties("epicommand.notification")
public record NotificationProperties(@DefaultValue Email email, @DefaultValue Sms sms, @DefaultValue Webhook webhook,
    @DefaultValue Delivery delivery) {

  /** E-mail over SMTP to users who gave an address; every notice kind unless {@code kinds} names some. */
  public record Email(String host, @DefaultValue("587") int port, String username, String password,
      @DefaultValue("epicommand@localhost") String from, @DefaultValue("true") boolean starttls,
      @DefaultValue("false") boolean ssl, Set<String> kinds) {

    public boolean configured() {
      return host != null && !host.isBlank();
    }
  }

  /**
   * A government SMS platform's generic HTTP API: a signed JSON POST to {@code endpoint}. {@code templates} maps a
   * message kind to the platform's template code; {@code kinds} are the notice kinds texted to users who gave a
   * mobile number (urgent alerts by default); health links are texted on request.
   */
  public record Sms(String endpoint, String appId, String secret,
      @DefaultValue("X-Signature") String signatureHeader, Map<String, String> templates,
      @DefaultValue({"QUARANTINE_ALERT", "POSITIVE_TEST"}) Set<String> kinds) {

    public boolean configured() {
      return endpoint != null && !endpoint.isBlank();
    }

    public String template(String kind) {
      return templates == null ? null : templates.get(kind);
    }
  }

  /** A JSON POST of every notice (or of {@code kinds}) to {@code url}, signed with HMAC-SHA256 of {@code secret}. */
  public record Webhook(String url, String secret, Set<String> kinds) {

    public boolean configured() {
      return url != null && !url.isBlank();
    }
  }

  /**
   * The delivery worker: attempts per message, the back-off before the second attempt (doubling up to
   * {@code maxBackoff}), the time allowed to one attempt, and how often the queue is looked at.
   */
  public record Delivery(@DefaultValue("6") int maxAttempts, @DefaultValue("30s") Duration backoff,
      @DefaultValue("1h") Duration maxBackoff, @DefaultValue("10s") Duration timeout,
      @DefaultValue("5s") Duration poll) {}

  static boolean wants(Set<String> kinds, String kind) {
    return kinds == null || kinds.isEmpty() || kinds.contains(kind);
  }
}
