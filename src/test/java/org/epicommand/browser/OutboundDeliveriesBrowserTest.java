package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.OutboundStandIns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator on a phone finds a failed webhook call among the outbound messages and retries it. */
@EpiCommandTest
class OutboundDeliveriesBrowserTest {

  @Autowired
  Api api;
  @Autowired
  Notifications notifications;
  @Autowired
  OutboundStandIns standIns;

  @Test
  void aFailedDeliveryIsRetriedFromThePhone() {
    String title = "浏览器死信 " + UUID.randomUUID().toString().substring(0, 8);
    standIns.answer(title, 502, 3);
    notifications.send(Notice.toUsers(List.of("district"), "TASK_OVERDUE", title, "任务已逾期", "/command/tasks"));
    await().atMost(Duration.ofSeconds(15)).until(() -> api.as("admin")
        .get("/api/v1/notifications/deliveries?state=DEAD&size=200").body().contains(title));

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "admin");
      page.navigate(api.baseUrl() + "/notifications/deliveries");
      assertThat(page.locator("h1").textContent()).isEqualTo("外发消息");
      page.locator("[data-testid=dead-filter]").click();
      Locator item = page.locator("[data-state=DEAD]").filter(new Locator.FilterOptions().setHasText(title));
      assertThat(item.textContent()).contains("Webhook").contains("失败").contains("HTTP 502").contains("已尝试 3 次");
      assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
      Browser.screenshot(page, "outbound-dead-letters-phone");

      item.locator("[data-testid=retry]").click();
      assertThat(page.locator("[data-testid=notice]").textContent()).contains("已重新加入发送队列");
      await().atMost(Duration.ofSeconds(10)).until(() -> standIns.received("/hook", title).size() == 4);
      page.navigate(api.baseUrl() + "/notifications/deliveries");
      assertThat(page.locator("[data-state=SENT]").filter(new Locator.FilterOptions().setHasText(title)).count())
          .isEqualTo(1);
      Browser.screenshot(page, "outbound-deliveries-phone");

      page.navigate(api.baseUrl() + "/notifications");
      page.locator("[data-testid=contact] summary").click();
      assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
      Browser.screenshot(page, "inbox-contact-phone");
    }
  }
}
