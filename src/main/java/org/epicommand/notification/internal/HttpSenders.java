package org.epicommand.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The HTTP channels: the webhook (the stored JSON body, signed) and the SMS gateway (the stored JSON request,
 * signed the gateway's way). A 2xx answer is delivered; anything else, or no answer in time, is a failed attempt.
 *
 * <p>Webhook headers: {@code X-EpiCommand-Delivery} (the delivery id, the same on every attempt),
 * {@code X-EpiCommand-Timestamp} (epoch seconds) and {@code X-EpiCommand-Signature: sha256=<hex>} where hex is
 * HMAC-SHA256(secret, timestamp + "." + body). SMS gateway headers: {@code X-App-Id}, {@code X-Timestamp},
 * {@code X-Nonce} and the signature header (default {@code X-Signature}): HMAC-SHA256(secret, appId + "\n" +
 * timestamp + "\n" + nonce + "\n" + body).
 */
@Component
class HttpSenders {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final NotificationProperties properties;
  private final Clock clock;
  private final HttpClient http;

  HttpSenders(NotificationProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(properties.delivery().timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  int webhook(DeliveryStore.Due due) throws DeliveryFailure {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    String signature = "sha256=" + Hmac.sha256Hex(properties.webhook().secret(), timestamp + "." + due.payload());
    return post(due.recipient(), due.payload(), "X-EpiCommand-Delivery", due.id().toString(),
        "X-EpiCommand-Timestamp", timestamp, "X-EpiCommand-Signature", signature);
  }

  int sms(DeliveryStore.Due due) throws DeliveryFailure {
    NotificationProperties.Sms sms = properties.sms();
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    String nonce = HexFormat.of().formatHex(bytes);
    String appId = sms.appId() == null ? "" : sms.appId();
    String signature = Hmac.sha256Hex(sms.secret(), appId + "\n" + timestamp + "\n" + nonce + "\n" + due.payload());
    return post(sms.endpoint(), due.payload(), "X-App-Id", appId, "X-Timestamp", timestamp, "X-Nonce", nonce,
        sms.signatureHeader(), signature);
  }

  private int post(String url, String body, String... headers) throws DeliveryFailure {
    HttpResponse<String> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.delivery().timeout())
          .header("Content-Type", "application/json; charset=utf-8").headers(headers)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | IllegalArgumentException e) {
      throw new DeliveryFailure(null, e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure(null, "interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      String answer = response.body() == null ? "" : response.body();
      throw new DeliveryFailure(response.statusCode(), "HTTP " + response.statusCode()
          + (answer.isBlank() ? "" : ": " + answer.substring(0, Math.min(200, answer.length()))), null);
    }
    return response.statusCode();
  }
}
