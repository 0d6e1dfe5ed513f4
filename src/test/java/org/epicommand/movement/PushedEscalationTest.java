package org.epicommand.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.movement.internal.EscalationStore;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Overdue escalation: items not signed within 2 h or without feedback 24 h after the push are
 * reported once per item and kind to the command office and the district desk, in their inbox; the
 * KPIs count them as overdue per district.
 */
@EpiCommandTest
class PushedEscalationTest {

  @Autowired
  Api api;
  @Autowired
  PushedEscalations escalations;
  @Autowired
  EscalationStore store;
  @Autowired
  Clock clock;

  private String registered(String name, String idNumber) {
    Api.Answer answer = api.as("commander").post("/api/v1/persons",
        People.body(name, idNumber, MovementFixtures.COMMUNITY));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asString();
  }

  private static String ago(long minutes) {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(minutes).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private List<String> titles(String user, String list) {
    return api.as(user).get("/api/v1/notifications?size=200").json().get("items").valueStream()
        .filter(n -> n.get("kind").asString().equals(PushedEscalations.NOTICE_KIND))
        .map(n -> n.get("title").asString()).filter(t -> t.contains(list)).toList();
  }

  private long districtOverdue() {
    for (JsonNode kpi : api.as("district").get("/api/v1/pushed-items/kpis").json()) {
      if (kpi.get("jurisdictionCode").asString().equals(DemoPlaces.DISTRICT)) {
        return kpi.get("overdue").asLong();
      }
    }
    throw new AssertionError("no KPI row for 990101");
  }

  @Test
  void overdueItemsAreReportedOncePerKindToTheCommandOfficeAndTheDistrictDesk() {
    String list = "ESC-" + System.nanoTime();
    String[] ids = new String[4];
    Map<String, String> person = new HashMap<>();
    String[] labels = {"old", "unsigned", "signed", "fresh"};
    for (int i = 0; i < 4; i++) {
      ids[i] = MovementFixtures.residentId();
      person.put(registered("超时" + labels[i], ids[i]), labels[i]);
    }
    long overdueBefore = districtOverdue();
    String csv = PushedListApiTest.HEADER
        + list + ",RESIDENT_ID," + ids[0] + ",超时old,,涉疫,," + ago(25 * 60) + "\n"
        + list + ",RESIDENT_ID," + ids[1] + ",超时unsigned,,涉疫,," + ago(3 * 60) + "\n"
        + list + ",RESIDENT_ID," + ids[2] + ",超时signed,,涉疫,," + ago(3 * 60) + "\n"
        + list + ",RESIDENT_ID," + ids[3] + ",超时fresh,,涉疫,," + ago(10) + "\n";
    Api.Answer imported = api.as("commander").upload("/api/v1/imports/pushed-list?wait=true", "l.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.json().get("rowsImported").asInt()).as(imported.body()).isEqualTo(4);
    Map<String, String> item = new HashMap<>();
    for (JsonNode i : api.as("commander").get("/api/v1/pushed-items?size=500&jurisdiction=990101").json()
        .get("items")) {
      if (i.get("listRef").asString().equals(list)) {
        item.put(person.get(i.get("personId").asString()), i.get("id").asString());
      }
    }
    assertThat(item).containsOnlyKeys(labels);
    assertThat(api.as("community").post("/api/v1/pushed-items/" + item.get("signed") + "/sign", "").status())
        .isEqualTo(200);
    // the old and the unsigned item are overdue in the district's figures
    assertThat(districtOverdue() - overdueBefore).isEqualTo(2);

    int escalated = escalations.escalate(clock.instant());
    assertThat(escalated).isGreaterThanOrEqualTo(3);
    assertThat(store.kindsOf(UUID.fromString(item.get("old")))).containsExactly("FEEDBACK", "SIGN");
    assertThat(store.kindsOf(UUID.fromString(item.get("unsigned")))).containsExactly("SIGN");
    assertThat(store.kindsOf(UUID.fromString(item.get("signed")))).isEmpty();
    assertThat(store.kindsOf(UUID.fromString(item.get("fresh")))).isEmpty();

    for (String user : new String[] {"commander", "district"}) {
      assertThat(titles(user, list)).as(user).containsExactlyInAnyOrder(
          "推送核查超时：清单 " + list + "，东湖区 2 条超过 2 小时未签收",
          "推送核查超时：清单 " + list + "，东湖区 1 条超过 24 小时未反馈");
    }
    assertThat(titles("community", list)).isEmpty();

    // a second run reports nothing again for these items
    escalations.escalate(clock.instant());
    assertThat(titles("commander", list)).hasSize(2);
    assertThat(titles("district", list)).hasSize(2);
    JsonNode notice = api.as("district").get("/api/v1/notifications?size=200").json().get("items").valueStream()
        .filter(n -> n.get("title").asString().contains(list)).findFirst().orElseThrow();
    assertThat(notice.get("link").asString()).isEqualTo("/movement/pushed?overdue=true&jurisdiction=990101");
  }
}
