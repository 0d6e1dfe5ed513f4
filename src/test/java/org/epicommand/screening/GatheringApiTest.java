package org.epicommand.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Gatherings through HTTP: the policy in force decides the rule (宴请不办: a banquet cannot be
 * approved), a wedding runs REPORTED → APPROVED → HELD → CLOSED with a follow-up, illegal moves are
 * 409 naming the state, bad input is 400 with nothing stored, and outside the jurisdiction it is 404.
 * Market days change status.
 */
@EpiCommandTest
class GatheringApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  /** A community of its own, so that the policy entries of this test decide alone. */
  static final String VILLAGE = "990103002003";

  @Autowired
  Api api;

  private static Map<String, Object> gathering(String kind, String organiser, LocalDate day, int attendees) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", kind);
    body.put("organiserName", organiser);
    body.put("organiserPhone", "13700001234");
    body.put("place", "村文化礼堂");
    body.put("jurisdictionCode", VILLAGE);
    body.put("heldOn", day.toString());
    body.put("attendees", attendees);
    body.put("measures", "测温、扫码、控制人数");
    return body;
  }

  private long count() {
    return api.as("commander").get("/api/v1/gatherings?size=500&jurisdiction=" + VILLAGE).json().get("items").size();
  }

  @Test
  void thePolicyDecidesAndAWeddingIsFollowedUpToTheEnd() {
    Api.Answer policy = api.as("commander").post("/api/v1/gathering-policies", Map.of("jurisdictionCode", VILLAGE,
        "kind", "BANQUET", "rule", "BANNED", "validFrom", TODAY.minusDays(1).toString(), "note", "宴请不办"));
    assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    assertThat(api.as("commander").post("/api/v1/gathering-policies", Map.of("jurisdictionCode", VILLAGE,
        "kind", "WEDDING", "rule", "APPROVAL_REQUIRED", "validFrom", TODAY.toString(), "note", "喜事缓办")).status())
        .isEqualTo(201);
    assertThat(api.as("community").post("/api/v1/gathering-policies", Map.of()).status()).isEqualTo(403);
    Api.Answer badPolicy = api.as("commander").post("/api/v1/gathering-policies", Map.of("jurisdictionCode", VILLAGE));
    assertThat(badPolicy.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactlyInAnyOrder("kind", "rule", "validFrom");

    long before = count();
    Api.Answer bad = api.as("commander").post("/api/v1/gatherings", gathering("WEDDING", "王某", TODAY.minusDays(1), 0));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactlyInAnyOrder("heldOn", "attendees");
    assertThat(count()).isEqualTo(before);

    JsonNode banquet = api.as("commander").post("/api/v1/gatherings", gathering("BANQUET", "李某", TODAY.plusDays(3), 80))
        .json();
    assertThat(banquet.get("rule").asString()).isEqualTo("BANNED");
    Api.Answer approveBanned = api.as("commander").post("/api/v1/gatherings/" + banquet.get("id").asString()
        + "/approve", Map.of());
    assertThat(approveBanned.status()).isEqualTo(409);
    assertThat(api.as("commander").post("/api/v1/gatherings/" + banquet.get("id").asString() + "/advise",
        Map.of("note", "劝导缓办，已签承诺书")).json().get("state").asString()).isEqualTo("ADVISED_TO_POSTPONE");

    Api.Answer reported = api.as("commander").post("/api/v1/gatherings", gathering("WEDDING", "张某", TODAY.plusDays(5),
        40));
    assertThat(reported.status()).isEqualTo(201);
    String id = reported.json().get("id").asString();
    assertThat(reported.json().get("rule").asString()).isEqualTo("APPROVAL_REQUIRED");
    assertThat(reported.json().get("state").asString()).isEqualTo("REPORTED");
    Api.Answer heldEarly = api.as("commander").post("/api/v1/gatherings/" + id + "/held", Map.of());
    assertThat(heldEarly.status()).isEqualTo(409);
    assertThat(heldEarly.json().get("detail").asString()).contains("REPORTED");
    assertThat(api.as("commander").post("/api/v1/gatherings/" + id + "/approve", Map.of("note", "控制在 40 人内"))
        .json().get("state").asString()).isEqualTo("APPROVED");
    JsonNode held = api.as("commander").post("/api/v1/gatherings/" + id + "/held", Map.of("actualAttendees", 36))
        .json();
    assertThat(held.get("state").asString()).isEqualTo("HELD");
    assertThat(held.get("actualAttendees").asInt()).isEqualTo(36);
    assertThat(api.as("commander").post("/api/v1/gatherings/" + id + "/follow-ups",
        Map.of("note", "参加人员 7 天健康监测无异常")).json().get("followUps").size()).isEqualTo(1);
    JsonNode closed = api.as("commander").post("/api/v1/gatherings/" + id + "/close", Map.of("note", "结案")).json();
    assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("followUps").size()).isEqualTo(2);
    assertThat(api.as("commander").post("/api/v1/gatherings/" + id + "/follow-ups", Map.of("note", "再记"))
        .json().get("detail").asString()).contains("CLOSED");

    // a gathering held without report: a violation, its date may lie in the past
    Map<String, Object> found = gathering("FUNERAL", "赵某", TODAY.minusDays(2), 120);
    found.put("unreported", true);
    assertThat(api.as("commander").post("/api/v1/gatherings", found).json().get("state").asString())
        .isEqualTo("VIOLATION");
    // the first district's community worker does not see the third district's gatherings
    assertThat(api.as("community").get("/api/v1/gatherings/" + id).status()).isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/gatherings", gathering("WEDDING", "外区", TODAY, 10)).status())
        .isEqualTo(404);
    assertThat(api.as("community").get("/api/v1/gatherings?jurisdiction=" + VILLAGE).status()).isEqualTo(404);
  }

  @Test
  void marketDaysAreImportedRowByRowAndAReimportAddsNothing() {
    String p = "导入集" + System.nanoTime() % 100_000;
    String csv = "乡镇代码,集市名称,集日,状态,开市时段,备注\n"
        + "990103002," + p + "甲,农历逢一、四、七,正常开市,,\n"             // 2 ok
        + "990103002," + p + "乙,每周六,缩短时间,7:00-10:00,限流\n"         // 3 ok
        + "990103002," + p + "丙,每周日,半开,,\n"                           // 4 unknown status
        + "999999," + p + "丁,每周日,暂停,,\n"                              // 5 unknown division
        + "990103002," + p + "甲,农历逢二,暂停,,\n"                         // 6 twice in the file
        + "990103002," + p + "戊,每周一,REDUCED_HOURS,,\n";                 // 7 reduced without hours
    JsonNode status = api.as("commander").upload("/api/v1/imports/market-days?wait=true", "m.csv",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(status.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString()))
        .containsExactly("4:status", "5:jurisdictionCode", "6:name", "7:hours");
    JsonNode again = api.as("commander").upload("/api/v1/imports/market-days?wait=true", "m.csv",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(again.get("rowsAlreadyPresent").asLong()).isEqualTo(2);
    assertThat(api.as("commander").get("/api/v1/market-days?jurisdiction=990103002").json().valueStream()
        .filter(m -> m.get("name").asString().startsWith(p)).map(m -> m.get("status").asString()))
        .containsExactlyInAnyOrder("OPEN", "REDUCED_HOURS");
    assertThat(api.as("community").upload("/api/v1/imports/market-days?wait=true", "m.csv",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(403);
  }

  @Test
  void aMarketDayIsReducedAndSuspended() {
    String name = "集市" + System.nanoTime() % 100_000;
    Api.Answer noHours = api.as("commander").post("/api/v1/market-days", Map.of("jurisdictionCode", "990103002",
        "name", name, "schedule", "农历逢三、六、九", "status", "REDUCED_HOURS"));
    assertThat(noHours.status()).isEqualTo(400);
    assertThat(noHours.json().get("errors").get(0).get("field").asString()).isEqualTo("hours");
    JsonNode day = api.as("commander").post("/api/v1/market-days", Map.of("jurisdictionCode", "990103002",
        "name", name, "schedule", "农历逢三、六、九", "status", "OPEN")).json();
    assertThat(day.get("status").asString()).isEqualTo("OPEN");
    String id = day.get("id").asString();
    assertThat(api.as("commander").post("/api/v1/market-days/" + id + "/status", Map.of("status", "REDUCED_HOURS",
        "hours", "7:00-10:00")).json().get("hours").asString()).isEqualTo("7:00-10:00");
    assertThat(api.as("commander").post("/api/v1/market-days/" + id + "/status", Map.of("status", "SUSPENDED"))
        .json().get("status").asString()).isEqualTo("SUSPENDED");
    Api.Answer same = api.as("commander").post("/api/v1/market-days/" + id + "/status", Map.of("status", "SUSPENDED"));
    assertThat(same.status()).isEqualTo(409);
    assertThat(same.json().get("detail").asString()).contains("SUSPENDED");
    assertThat(api.as("community").post("/api/v1/market-days/" + id + "/status", Map.of("status", "OPEN")).status())
        .isEqualTo(403);
    assertThat(api.as("district").post("/api/v1/market-days/" + id + "/status", Map.of("status", "OPEN")).status())
        .isEqualTo(404);
  }
}
