package org.epicommand.quality.security;

import org.epicommand.support.WebSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.OutboundStandIns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbound-message pages as a browser uses them: the administrators' delivery list with its retry
 * button (others 403), the user's own contact form on the inbox page, and texting the personal link from
 * the order page.
 */
@EpiCommandTest
class NotificationPagesSecurityTest {

  @Autowired
  Api api;
  @Autowired
  Notifications notifications;
  @Autowired
  OutboundStandIns standIns;

  @Test
  void onlyAdministratorsSeeTheDeliveriesAndRetryADeadOneThere() {
    String title = "页面死信 " + UUID.randomUUID();
    standIns.answer(title, 500, 3);
    notifications.send(Notice.toUsers(List.of("cdc"), "TASK_ASSIGNED", title, null, null));
    WebSession admin = WebSession.login(api, "admin");
    await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/notifications/deliveries?state=DEAD").body()
        .contains(title));
    String page = admin.get("/notifications/deliveries?state=DEAD").body();
    int at = page.indexOf(title);
    String item = page.substring(page.lastIndexOf("data-id=\"", at) + 9);
    String id = item.substring(0, item.indexOf('"'));
    assertThat(page).contains("HTTP 500", "失败");

    assertThat(admin.postForm("/notifications/deliveries/" + id + "/retry", Map.of(), false).status())
        .isEqualTo(403);
    WebSession.Page retried = admin.postForm("/notifications/deliveries/" + id + "/retry",
        Map.of("state", "DEAD"), true);
    assertThat(retried.status()).isEqualTo(302);
    assertThat(admin.get(retried.location().replace(api.baseUrl(), "")).body()).contains("已重新加入发送队列");
    await().atMost(Duration.ofSeconds(10)).until(() -> standIns.received("/hook", title).size() == 4);

    for (String user : List.of("commander", "district", "auditor")) {
      assertThat(WebSession.login(api, user).get("/notifications/deliveries").status()).as(user).isEqualTo(403);
    }
    assertThat(WebSession.login(api, "commander").get("/notifications").body())
        .doesNotContain("/notifications/deliveries\"");
  }

  @Test
  void theContactFormSavesAndExplainsABadNumber() {
    WebSession lab = WebSession.login(api, "lab");
    WebSession.Page bad = lab.postForm("/notifications/contact", Map.of("email", "lab@example.test",
        "phone", "call me"), true);
    assertThat(bad.status()).isEqualTo(302);
    assertThat(lab.get("/notifications").body()).contains("手机号格式不正确");
    lab.postForm("/notifications/contact", Map.of("email", "lab@example.test", "phone", "139-0000-1111"), true);
    assertThat(lab.get("/notifications").body()).contains("联系方式已保存", "lab@example.test", "13900001111");
    assertThat(api.as("lab").get("/api/v1/notifications/contact").json().get("phone").asString())
        .isEqualTo("13900001111");
    lab.postForm("/notifications/contact", Map.of("email", "", "phone", ""), true);
  }

  @Test
  void theOrderPageTextsThePersonalLink() {
    String name = Probes.uniqueName("短信页面");
    String person = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today(), "TEN_MEASURES")
        .get("id").asString();
    WebSession community = WebSession.login(api, "community");
    String path = "/quarantine/orders/" + order;
    assertThat(community.get(path).body()).contains("data-testid=\"text-link\"");
    assertThat(community.postForm(path + "/link/sms", Map.of(), true).status()).isEqualTo(302);
    assertThat(community.get(path).body()).contains("已加入短信发送队列");
    await().atMost(Duration.ofSeconds(10)).until(() -> !standIns.received("/sms", name).isEmpty());
    assertThat(standIns.received("/sms", name).get(0).body()).contains(OutboundStandIns.PUBLIC_URL + "/public/h/");
  }
}
