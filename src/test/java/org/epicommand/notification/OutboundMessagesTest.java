package org.epicommand.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.notification.internal.Hmac;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.OutboundStandIns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Messages that leave, against real receivers in the test JVM: an SMTP server, a webhook receiver and an SMS
 * gateway stand-in ({@link OutboundStandIns}); every send is recorded with its outcome.
 */
@EpiCommandTest
class OutboundMessagesTest {

  @Autowired
  Api api;
  @Autowired
  Notifications notifications;
  @Autowired
  OutboundStandIns standIns;

  @Test
  void anAlertReachesTheRecipientsMailboxWithAnAbsoluteLink() throws Exception {
    String address = "community-" + UUID.randomUUID() + "@example.test";
    assertThat(api.as("community").put("/api/v1/notifications/contact", Map.of("email", address, "phone", ""))
        .status()).isEqualTo(200);
    String title = "门磁告警邮件 " + UUID.randomUUID();
    notifications.send(Notice.toUsers(List.of("community"), "QUARANTINE_ALERT", title, "未报备开门",
        "/quarantine/orders/42"));
    MimeMessage message = await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(
        standIns.mail().getReceivedMessages()).filter(m -> subject(m).equals(title)).findFirst().orElse(null),
        m -> m != null);
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo(address);
    assertThat(message.getFrom()[0].toString()).isEqualTo("epicommand@example.test");
    assertThat(message.getContent().toString()).contains("未报备开门")
        .contains(OutboundStandIns.PUBLIC_URL + "/quarantine/orders/42");
    JsonNode delivery = await().atMost(Duration.ofSeconds(5)).until(() -> delivery(title, "EMAIL"),
        d -> d != null && d.get("state").asString().equals("SENT"));
    assertThat(delivery.get("recipient").asString()).isEqualTo(address);
    assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
    // a bad address is refused field by field
    Api.Answer bad = api.as("community").put("/api/v1/notifications/contact", Map.of("email", "not-an-address"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("email");
    api.as("community").put("/api/v1/notifications/contact", Map.of("email", "", "phone", ""));
  }

  @Test
  void aWebhookIsSignedAndItsSignatureVerifies() {
    String title = "Webhook 签名 " + UUID.randomUUID();
    notifications.send(Notice.toUsers(List.of("district", "cdc"), "TASK_ASSIGNED", title, null, "/command/tasks/7"));
    OutboundStandIns.Received hook = await().atMost(Duration.ofSeconds(10))
        .until(() -> standIns.received("/hook", title), r -> !r.isEmpty()).get(0);
    JsonNode body = Api.JSON.readTree(hook.body());
    assertThat(body.get("kind").asString()).isEqualTo("TASK_ASSIGNED");
    assertThat(body.get("link").asString()).isEqualTo(OutboundStandIns.PUBLIC_URL + "/command/tasks/7");
    assertThat(body.get("recipients").asInt()).isEqualTo(2);
    String timestamp = hook.headers().get("x-epicommand-timestamp");
    assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(60);
    String expected = "sha256=" + Hmac.sha256Hex(OutboundStandIns.WEBHOOK_SECRET, timestamp + "." + hook.body());
    assertThat(hook.headers().get("x-epicommand-signature")).isEqualTo(expected);
    // a body changed on the way would not verify
    assertThat(Hmac.sha256Hex(OutboundStandIns.WEBHOOK_SECRET, timestamp + "." + hook.body() + " "))
        .isNotEqualTo(expected.substring("sha256=".length()));
    await().atMost(Duration.ofSeconds(5)).until(() -> delivery(title, "WEBHOOK"),
        d -> d != null && d.get("state").asString().equals("SENT") && d.get("lastStatus").asInt() == 200);
  }

  @Test
  void aWebhookAnswered500IsRetriedWithTheSameDeliveryId() {
    String title = "Webhook 重试 " + UUID.randomUUID();
    standIns.answer(title, 500, 1);
    notifications.send(Notice.toUsers(List.of("district"), "TASK_REMINDED", title, null, null));
    List<OutboundStandIns.Received> calls = await().atMost(Duration.ofSeconds(10))
        .until(() -> standIns.received("/hook", title), r -> r.size() == 2);
    assertThat(calls.get(0).answered()).isEqualTo(500);
    assertThat(calls.get(1).answered()).isEqualTo(200);
    assertThat(calls.get(1).headers().get("x-epicommand-delivery"))
        .isEqualTo(calls.get(0).headers().get("x-epicommand-delivery"));
    JsonNode delivery = await().atMost(Duration.ofSeconds(5)).until(() -> delivery(title, "WEBHOOK"),
        d -> d != null && d.get("state").asString().equals("SENT"));
    assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
  }

  @Test
  void aWebhookThatKeepsFailingIsADeadLetterAnAdministratorRetries() {
    String title = "Webhook 死信 " + UUID.randomUUID();
    standIns.answer(title, 503, 3);
    notifications.send(Notice.toUsers(List.of("district"), "TASK_OVERDUE", title, null, null));
    JsonNode dead = await().atMost(Duration.ofSeconds(15)).until(() -> deadLetter(title), d -> d != null);
    assertThat(dead.get("attempts").asInt()).isEqualTo(3);
    assertThat(dead.get("lastStatus").asInt()).isEqualTo(503);
    assertThat(dead.get("lastError").asString()).contains("HTTP 503");
    // the administrators' page lists it with a retry button; others may not see the list
    Api.Answer page = api.as("admin").get("/notifications/deliveries?state=DEAD", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(title).contains("data-testid=\"retry\"");
    assertThat(api.as("district").get("/notifications/deliveries", "text/html").status()).isEqualTo(403);
    assertThat(api.as("district").get("/api/v1/notifications/deliveries").status()).isEqualTo(403);
    String id = dead.get("id").asString();
    assertThat(api.as("district").post("/api/v1/notifications/deliveries/" + id + "/retry", "").status())
        .isEqualTo(403);

    Api.Answer retried = api.as("admin").post("/api/v1/notifications/deliveries/" + id + "/retry", "");
    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> delivery(title, "WEBHOOK"),
        d -> d != null && d.get("state").asString().equals("SENT"));
    assertThat(standIns.received("/hook", title)).hasSize(4);
    Api.Answer again = api.as("admin").post("/api/v1/notifications/deliveries/" + id + "/retry", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(api.as("admin").post("/api/v1/notifications/deliveries/" + UUID.randomUUID() + "/retry", "")
        .status()).isEqualTo(404);
  }

  @Test
  void theHealthLinkIsTextedWithTheAbsoluteUrlAndASignature() {
    String personId = QuarantineFixtures.person(api, "短信链接", QuarantineFixtures.COMMUNITY);
    String orderId = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", QuarantineFixtures.today(),
        "TEN_MEASURES").get("id").asString();
    Api.Answer sent = api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/health-link/sms", "");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(sent.json().get("phone").asString()).isEqualTo("139****5678");
    String deliveryId = sent.json().get("deliveryId").asString();
    OutboundStandIns.Received sms = await().atMost(Duration.ofSeconds(10))
        .until(() -> standIns.received("/sms", "短信链接"), r -> !r.isEmpty()).get(0);
    JsonNode request = Api.JSON.readTree(sms.body());
    assertThat(request.get("mobile").asString()).isEqualTo("13912345678");
    assertThat(request.get("templateCode").asString()).isEqualTo("SMS_HEALTH_LINK");
    String link = request.get("params").get("link").asString();
    assertThat(link).startsWith(OutboundStandIns.PUBLIC_URL + "/public/h/");
    assertThat(request.get("content").asString()).contains(link).contains("短信链接");
    String signed = sms.headers().get("x-app-id") + "\n" + sms.headers().get("x-timestamp") + "\n"
        + sms.headers().get("x-nonce") + "\n" + sms.body();
    assertThat(sms.headers().get("x-signature")).isEqualTo(Hmac.sha256Hex(OutboundStandIns.SMS_SECRET, signed));
    // the texted link is the person's working link
    String path = link.substring(OutboundStandIns.PUBLIC_URL.length());
    assertThat(api.anonymous().get(path, "text/html").body()).contains("短信链接");
    await().atMost(Duration.ofSeconds(5)).until(() -> api.as("admin").get("/api/v1/notifications/deliveries"
        + "?channel=SMS&size=200").json().get("items").valueStream().anyMatch(d -> d.get("id").asString()
        .equals(deliveryId) && d.get("state").asString().equals("SENT") && d.get("recipient").asString()
        .equals("139****5678")));
    // outside the jurisdiction: 404
    assertThat(api.as("lab").post("/api/v1/quarantine/orders/" + orderId + "/health-link/sms", "").status())
        .isIn(403, 404);
  }

  @Test
  void urgentAlertsAreTextedToStaffWhoGaveANumberAndOtherNoticesAreNot() {
    assertThat(api.as("inspector").put("/api/v1/notifications/contact", Map.of("phone", "138 0013 8000")).status())
        .isEqualTo(200);
    try {
      String urgent = "紧急告警短信 " + UUID.randomUUID();
      String routine = "日常通知短信 " + UUID.randomUUID();
      notifications.send(Notice.toUsers(List.of("inspector"), "TASK_ASSIGNED", routine, null, null));
      notifications.send(Notice.toUsers(List.of("inspector"), "QUARANTINE_ALERT", urgent, null, "/quarantine/alerts"));
      OutboundStandIns.Received sms = await().atMost(Duration.ofSeconds(10))
          .until(() -> standIns.received("/sms", urgent), r -> !r.isEmpty()).get(0);
      JsonNode request = Api.JSON.readTree(sms.body());
      assertThat(request.get("mobile").asString()).isEqualTo("13800138000");
      assertThat(request.get("content").asString()).contains(OutboundStandIns.PUBLIC_URL + "/quarantine/alerts");
      await().atMost(Duration.ofSeconds(5)).until(() -> delivery(routine, "WEBHOOK") != null);
      assertThat(standIns.received("/sms", routine)).isEmpty();
    } finally {
      api.as("inspector").put("/api/v1/notifications/contact", Map.of("phone", ""));
    }
  }

  JsonNode delivery(String subject, String channel) {
    JsonNode page = api.as("admin").get("/api/v1/notifications/deliveries?channel=" + channel + "&size=200").json();
    return page.get("items").valueStream().filter(d -> d.has("subject") && subject.equals(d.get("subject")
        .asString())).findFirst().orElse(null);
  }

  JsonNode deadLetter(String subject) {
    JsonNode page = api.as("admin").get("/api/v1/notifications/deliveries?state=DEAD&size=200").json();
    return page.get("items").valueStream().filter(d -> d.has("subject") && subject.equals(d.get("subject")
        .asString())).findFirst().orElse(null);
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }
}
