package org.epicommand.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class PushedListApiTest {

  static final String HEADER = "listRef,idType,idNumber,name,phone,reason,sourceRegion,pushedAt\n";

  @Autowired
  Api api;

  private String registered(String name, String idNumber, String phone) {
    Map<String, Object> body = People.body(name, idNumber, MovementFixtures.COMMUNITY);
    body.put("phone", phone);
    Api.Answer answer = api.as("commander").post("/api/v1/persons", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asString();
  }

  private JsonNode upload(String user, String csv) {
    Api.Answer answer = api.as(user).upload("/api/v1/imports/pushed-list?wait=true", "list.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private List<JsonNode> items(String user, String listRef, String query) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode item : api.as(user).get("/api/v1/pushed-items?size=500" + query).json().get("items")) {
      if (item.get("listRef").asString().equals(listRef)) {
        found.add(item);
      }
    }
    return found;
  }

  @Test
  void aListIsMatchedRoutedDeduplicatedAndImportedTwiceWithoutDuplicates() {
    String list = "PL-" + System.nanoTime();
    String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000);
    String byDocumentId = MovementFixtures.residentId();
    String byDocument = registered("推送甲", byDocumentId, "13911112222");
    String byNamePhone = registered("推送乙", MovementFixtures.residentId(), phone);
    String unknown = MovementFixtures.residentId();
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    String csv = HEADER
        + list + ",RESIDENT_ID," + byDocumentId + ",推送甲,,涉疫地区停留,110105," + pushedAt + "\n"       // line 2
        + list + ",,,推送乙," + phone + ",时空伴随,110105," + pushedAt + "\n"                              // line 3
        + list + ",RESIDENT_ID," + unknown + ",未匹配,,涉疫地区停留,990102," + pushedAt + "\n"           // line 4
        + list + ",,,无标识,,缺少证件和电话,990102," + pushedAt + "\n"                                     // line 5
        + list + ",RESIDENT_ID," + byDocumentId + ",推送甲,,重复,110105," + pushedAt + "\n";              // line 6
    JsonNode first = upload("commander", csv);
    assertThat(first.get("rowsImported").asInt()).isEqualTo(3);
    assertThat(first.get("rowsAdded").asInt()).isEqualTo(3);
    assertThat(first.get("rowsAlreadyPresent").asInt()).isZero();
    assertThat(first.get("rowsRejected").asInt()).isEqualTo(2);
    assertThat(first.get("errors").findValuesAsString("message")).hasSize(2);
    assertThat(first.get("errors").get(0).get("row").asInt()).isEqualTo(5);
    assertThat(first.get("errors").get(1).get("row").asInt()).isEqualTo(6);

    List<JsonNode> items = items("commander", list, "");
    assertThat(items).hasSize(3);
    Map<String, String> routed = new java.util.HashMap<>();
    items.forEach(i -> routed.put(i.get("personId").isNull() ? "none" : i.get("personId").asString(),
        i.get("jurisdictionCode").asString()));
    assertThat(routed).containsEntry(byDocument, MovementFixtures.COMMUNITY)
        .containsEntry(byNamePhone, MovementFixtures.COMMUNITY)
        .containsEntry("none", DemoPlaces.OTHER_DISTRICT);
    JsonNode any = items.get(0);
    assertThat(any.get("state").asString()).isEqualTo("PUSHED");
    // pushed 3 h ago, unsigned: past the 2-hour signing deadline
    assertThat(any.get("overdue").asBoolean()).isTrue();
    assertThat(OffsetDateTime.parse(any.get("dueAt").asString()))
        .isEqualTo(OffsetDateTime.parse(pushedAt).plusHours(2));

    // the same list again: nothing new; the same document in another list while the item is open: one item
    JsonNode second = upload("commander", csv);
    assertThat(second.get("rowsImported").asInt()).isEqualTo(3);
    assertThat(second.get("rowsAdded").asInt()).isZero();
    assertThat(second.get("rowsAlreadyPresent").asInt()).isEqualTo(3);
    assertThat(items("commander", list, "")).hasSize(3);
    String other = list + "-B";
    upload("district", HEADER + other + ",RESIDENT_ID," + byDocumentId + ",推送甲,,再次推送,," + pushedAt + "\n");
    assertThat(items("commander", other, "")).isEmpty();
  }

  /** Identical lists uploaded at once: every item is stored once, and the jobs' added counts sum to it. */
  @Test
  void concurrentIdenticalUploadsReportWhatEachReallyAdded() throws Exception {
    String list = "PC-" + System.nanoTime();
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 40; i++) {
      csv.append(list).append(",RESIDENT_ID,").append(MovementFixtures.residentId()).append(",并发").append(i)
          .append(",,涉疫地区停留,990102,").append(pushedAt).append('\n');
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
    try {
      List<java.util.concurrent.Future<JsonNode>> jobs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        jobs.add(pool.submit(() -> upload("commander", csv.toString())));
      }
      long added = 0;
      for (java.util.concurrent.Future<JsonNode> job : jobs) {
        JsonNode status = job.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(status.get("rowsImported").asInt()).isEqualTo(40);
        assertThat(status.get("rowsAdded").asInt() + status.get("rowsAlreadyPresent").asInt()).isEqualTo(40);
        added += status.get("rowsAdded").asInt();
      }
      assertThat(added).isEqualTo(40);
      assertThat(items("commander", list, "")).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anItemGoesThroughItsStatesOnceAndOnlyInsideTheJurisdiction() {
    String list = "PS-" + System.nanoTime();
    String id = MovementFixtures.residentId();
    registered("核查丙", id, "13922223333");
    String elsewhere = MovementFixtures.residentId();
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    upload("commander", HEADER + list + ",RESIDENT_ID," + id + ",核查丙,,涉疫,," + pushedAt + "\n"
        + list + ",RESIDENT_ID," + elsewhere + ",外区丁,,涉疫,990102," + pushedAt + "\n");
    List<JsonNode> mine = items("community", list, "");
    assertThat(mine).hasSize(1);
    assertThat(api.as("community").get("/api/v1/pushed-items?size=500").json().get("items")
        .findValuesAsString("jurisdictionCode")).allMatch(code -> code.startsWith(MovementFixtures.COMMUNITY));
    assertThat(api.as("community").get("/api/v1/pushed-items?jurisdiction=990102").status()).isEqualTo(404);
    String itemId = mine.get(0).get("id").asString();
    assertThat(mine.get(0).get("overdue").asBoolean()).isFalse();
    String outside = items("commander", list, "&jurisdiction=990102").get(0).get("id").asString();
    assertThat(api.as("community").get("/api/v1/pushed-items/" + outside).status()).isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/pushed-items/" + outside + "/sign", "").status()).isEqualTo(404);

    String base = "/api/v1/pushed-items/" + itemId;
    assertThat(api.as("community").post(base + "/verify", "").status()).isEqualTo(409);
    JsonNode signed = api.as("community").post(base + "/sign", "").json();
    assertThat(signed.get("state").asString()).isEqualTo("SIGNED");
    assertThat(OffsetDateTime.parse(signed.get("dueAt").asString())).isEqualTo(OffsetDateTime.parse(pushedAt)
        .plusHours(24));
    Api.Answer again = api.as("community").post(base + "/sign", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("SIGNED");
    assertThat(api.as("community").post(base + "/verify", "").json().get("state").asString()).isEqualTo("VERIFYING");
    assertThat(api.as("community").post(base + "/outcome", Map.of("outcome", "AUDITED")).status()).isEqualTo(400);
    assertThat(api.as("community").post(base + "/outcome", Map.of("outcome", "LANDED", "note", "已居家隔离"))
        .json().get("state").asString()).isEqualTo("LANDED");
    assertThat(api.as("community").post(base + "/feedback", Map.of("note", "已反馈")).json().get("state").asString())
        .isEqualTo("FEEDBACK_SENT");
    assertThat(api.as("community").post(base + "/audit", "").status()).isEqualTo(403);
    assertThat(api.as("district").post(base + "/audit", "").json().get("state").asString()).isEqualTo("AUDITED");
    JsonNode detail = api.as("community").get(base).json();
    assertThat(detail.get("outcome").asString()).isEqualTo("LANDED");
    assertThat(detail.get("idNumber").asString()).contains("*");
    assertThat(detail.get("matchedBy").asString()).isEqualTo("DOCUMENT");

    // the list pushed again after its item was closed: the closed item still holds list and document
    JsonNode again2 = upload("commander", HEADER + list + ",RESIDENT_ID," + id + ",核查丙,,涉疫,," + pushedAt + "\n");
    assertThat(again2.get("rowsImported").asInt()).isEqualTo(1);
    assertThat(again2.get("rowsRejected").asInt()).isZero();
    assertThat(items("commander", list, "")).hasSize(2);
    assertThat(items("commander", list, "&state=PUSHED")).hasSize(1);
  }

  @Test
  void kpisCountPerDistrict() {
    String list = "PK-" + System.nanoTime();
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(25).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    JsonNode before = api.as("commander").get("/api/v1/pushed-items/kpis").json();
    upload("commander", HEADER + list + ",RESIDENT_ID," + MovementFixtures.residentId() + ",指标,,涉疫,990103,"
        + pushedAt + "\n");
    JsonNode after = api.as("commander").get("/api/v1/pushed-items/kpis").json();
    assertThat(kpi(after, "990103", "pushed") - kpi(before, "990103", "pushed")).isEqualTo(1);
    assertThat(kpi(after, "990103", "overdue") - kpi(before, "990103", "overdue")).isEqualTo(1);
    assertThat(kpi(after, "990103", "landed")).isEqualTo(kpi(before, "990103", "landed"));
    // a district worker sees only the own district
    assertThat(api.as("district").get("/api/v1/pushed-items/kpis").json().findValuesAsString("jurisdictionCode"))
        .containsExactly(DemoPlaces.DISTRICT);
  }

  private static long kpi(JsonNode rows, String code, String field) {
    for (JsonNode row : rows) {
      if (row.get("jurisdictionCode").asString().equals(code)) {
        return row.get(field).asLong();
      }
    }
    throw new AssertionError("no KPI row for " + code + ": " + rows);
  }
}
