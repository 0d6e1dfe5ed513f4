package org.epicommand.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.Role;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class NotificationInboxTest {

  @Autowired
  Api api;
  @Autowired
  Notifications notifications;

  @Test
  void aNoticeReachesEachNamedRecipientOnceAndOnlyThem() {
    String title = "测试通知 " + UUID.randomUUID();
    int sent = notifications.send(Notice.toUsers(List.of("district", "cdc", "district"), "TASK_REMINDED", title,
        "请尽快办理", "/command/tasks"));
    assertThat(sent).isEqualTo(2);

    JsonNode district = find(api.as("district"), title);
    assertThat(district).isNotNull();
    assertThat(district.get("kind").asString()).isEqualTo("TASK_REMINDED");
    assertThat(district.get("body").asString()).isEqualTo("请尽快办理");
    assertThat(district.get("link").asString()).isEqualTo("/command/tasks");
    assertThat(district.get("readAt").isNull()).isTrue();
    assertThat(find(api.as("cdc"), title)).isNotNull();
    assertThat(find(api.as("community"), title)).isNull();
  }

  @Test
  void aNoticeToAJurisdictionAndRolesReachesItsRoleHolders() {
    String title = "辖区通知 " + UUID.randomUUID();
    int sent = notifications.send(Notice.toRoles(DemoPlaces.CITY, Set.of(Role.COMMANDER, Role.INSPECTOR),
        "TASK_OVERDUE",
        title, null, null));
    assertThat(sent).isGreaterThanOrEqualTo(2);
    assertThat(find(api.as("commander"), title)).isNotNull();
    assertThat(find(api.as("inspector"), title)).isNotNull();
    assertThat(find(api.as("cdc"), title)).isNull();
    // district staff of 990101 are not users of the city's own jurisdiction
    assertThat(find(api.as("district"), title)).isNull();
  }

  /** Many notices at once: each reaches its own role holders and named users, the holders looked up per division. */
  @Test
  void noticesSentTogetherEachReachTheirOwnRecipients() {
    String tag = UUID.randomUUID().toString();
    int sent = notifications.sendAll(List.of(
        Notice.toRoles(DemoPlaces.CITY, Set.of(Role.COMMANDER), "TASK_OVERDUE", "甲 " + tag, null, null),
        Notice.toRoles(DemoPlaces.CITY, Set.of(Role.COMMANDER), "TASK_OVERDUE", "乙 " + tag, null, null),
        Notice.toRoles(DemoPlaces.CITY, Set.of(Role.INSPECTOR), "TASK_OVERDUE", "丙 " + tag, null, null),
        Notice.toUsers(List.of("lab"), "TASK_ASSIGNED", "丁 " + tag, null, null)));
    int commanders = notifications.send(Notice.toRoles(DemoPlaces.CITY, Set.of(Role.COMMANDER), "TASK_OVERDUE",
        "戊 " + tag, null, null));
    int inspectors = notifications.send(Notice.toRoles(DemoPlaces.CITY, Set.of(Role.INSPECTOR), "TASK_OVERDUE",
        "己 " + tag, null, null));
    assertThat(sent).isEqualTo(2 * commanders + inspectors + 1);
    assertThat(find(api.as("commander"), "甲 " + tag)).isNotNull();
    assertThat(find(api.as("commander"), "乙 " + tag)).isNotNull();
    assertThat(find(api.as("commander"), "丙 " + tag)).as("the inspectors' notice").isNull();
    assertThat(find(api.as("inspector"), "丙 " + tag)).isNotNull();
    assertThat(find(api.as("inspector"), "甲 " + tag)).isNull();
    assertThat(find(api.as("lab"), "丁 " + tag)).isNotNull();
    assertThat(find(api.as("lab"), "甲 " + tag)).isNull();
  }

  @Test
  void readingMarksReadAndLowersTheUnreadCount() {
    String title = "已读测试 " + UUID.randomUUID();
    notifications.send(Notice.toUsers(List.of("lab"), "TASK_ASSIGNED", title, null, null));
    long before = api.as("lab").get("/api/v1/notifications/unread-count").json().get("unread").asLong();
    assertThat(before).isGreaterThanOrEqualTo(1);
    String id = find(api.as("lab"), title).get("id").asString();

    Api.Answer read = api.as("lab").post("/api/v1/notifications/" + id + "/read", "");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("readAt").isNull()).isFalse();
    assertThat(api.as("lab").get("/api/v1/notifications/unread-count").json().get("unread").asLong())
        .isEqualTo(before - 1);
    JsonNode unread = api.as("lab").get("/api/v1/notifications?unread=true&size=500").json();
    unread.get("items").forEach(item -> assertThat(item.get("title").asString()).isNotEqualTo(title));

    notifications.send(Notice.toUsers(List.of("lab"), "TASK_ASSIGNED", title + " 2", null, null));
    Api.Answer all = api.as("lab").post("/api/v1/notifications/read-all", "");
    assertThat(all.json().get("marked").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(api.as("lab").get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isZero();
  }

  @Test
  void anotherUsersNotificationIsNotFound() {
    String title = "私信 " + UUID.randomUUID();
    notifications.send(Notice.toUsers(List.of("site"), "TASK_SUPERVISED", title, null, null));
    String id = find(api.as("site"), title).get("id").asString();

    assertThat(api.as("auditor").get("/api/v1/notifications/" + id).status()).isEqualTo(404);
    assertThat(api.as("auditor").post("/api/v1/notifications/" + id + "/read", "").status()).isEqualTo(404);
    // and the owner's message stayed unread
    Api.Answer own = api.as("site").get("/api/v1/notifications/" + id);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("readAt").isNull()).isTrue();
    assertThat(api.anonymous().get("/api/v1/notifications").status()).isEqualTo(401);
  }

  @Test
  void theInboxPageListsTheMessagesAndTheBadgeCountsThem() {
    String title = "页面通知 " + UUID.randomUUID();
    notifications.send(Notice.toUsers(List.of("inspector"), "TASK_SUPERVISED", title, null, "/notifications"));
    Api.Answer page = api.as("inspector").get("/notifications", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(title).contains("督办");
    Api.Answer badge = api.as("inspector").get("/notifications/badge", "text/html");
    assertThat(badge.body()).contains("data-testid=\"unread-count\"");
  }

  static JsonNode find(Api.Caller caller, String title) {
    JsonNode page = caller.get("/api/v1/notifications?size=500").json();
    for (JsonNode item : page.get("items")) {
      if (item.get("title").asString().equals(title)) {
        return item;
      }
    }
    return null;
  }
}
