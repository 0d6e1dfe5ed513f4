package org.epicommand.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Through HTTP: the register of vulnerable persons (field errors, households outside the area, served
 * first, removal kept), unfilled posts reported once to the street, and the manpower pool import (row
 * errors with their lines, a second import adds nothing).
 */
@EpiCommandTest
class SealedAreaCareApiTest {

  @Autowired
  Api api;
  @Autowired
  LockdownEscalations escalations;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  Clock clock;

  @Test
  void vulnerablePersonsAreRegisteredAndTheirHouseholdsServedFirst() {
    JsonNode area = LockdownFixtures.area(api, "照护小区", LockdownFixtures.COMMUNITY, true);
    String areaPath = "/api/v1/lockdown/areas/" + area.get("id").asString();
    String address = "照护路" + System.nanoTime() % 100_000 + "号";
    String household = LockdownFixtures.household(api, "独居老人", address, LockdownFixtures.COMMUNITY);
    String plain = LockdownFixtures.household(api, "普通住户", "普通路" + System.nanoTime() % 100_000 + "号",
        LockdownFixtures.COMMUNITY);
    String outside = LockdownFixtures.household(api, "邻区老人", "邻区路3号", LockdownFixtures.NEIGHBOUR);

    // an open request before the person is registered: it becomes a priority and due within 6 h
    JsonNode before = api.as("community").post(areaPath + "/requests", Map.of("householdId", household, "need",
        "GROCERIES")).json();
    assertThat(before.get("priority").asBoolean()).isFalse();
    String plainRequest = api.as("community").post(areaPath + "/requests", Map.of("householdId", plain, "need",
        "MEDICINE")).json().get("id").asString();

    assertThat(LockdownFixtures.fields(api.as("community").post(areaPath + "/vulnerable", Map.of("householdId",
        outside, "phone", "12")))).containsExactlyInAnyOrder("householdId", "name", "category", "phone");
    Api.Answer added = api.as("community").post(areaPath + "/vulnerable", Map.of("householdId", household, "name",
        "王奶奶", "category", "ELDERLY_ALONE", "note", "行动不便，需送药上门", "phone", "13800007777"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String id = added.json().get("id").asString();
    assertThat(added.json().get("address").asString()).isEqualTo(address);

    JsonNode raised = api.as("community").get("/api/v1/lockdown/requests/" + before.get("id").asString()).json();
    assertThat(raised.get("priority").asBoolean()).isTrue();
    assertThat(Duration.between(OffsetDateTime.parse(raised.get("requestedAt").asString()),
        OffsetDateTime.parse(raised.get("dueAt").asString()))).isEqualTo(Duration.ofHours(6));
    JsonNode medical = api.as("community").post(areaPath + "/requests", Map.of("householdId", household, "need",
        "MEDICAL")).json();
    assertThat(medical.get("priority").asBoolean()).isTrue();
    assertThat(Duration.between(OffsetDateTime.parse(medical.get("requestedAt").asString()),
        OffsetDateTime.parse(medical.get("dueAt").asString()))).as("the shorter level stays").isEqualTo(
        Duration.ofHours(2));
    List<String> order = api.as("community").get("/api/v1/lockdown/requests?areaId=" + area.get("id").asString())
        .json().get("items").valueStream().map(r -> r.get("id").asString()).toList();
    assertThat(order).containsExactly(medical.get("id").asString(), before.get("id").asString(), plainRequest);

    // the register: read audited, 404 outside, removal kept and 409 twice
    long reads = jdbc.sql("select count(*) from audit_event where action = 'READ' and subject_id = ?")
        .param(area.get("id").asString()).query(Long.class).single();
    JsonNode register = api.as("community").get(areaPath + "/vulnerable").json();
    assertThat(register.valueStream().map(v -> v.get("name").asString()).toList()).containsExactly("王奶奶");
    assertThat(jdbc.sql("select count(*) from audit_event where action = 'READ' and subject_id = ?")
        .param(area.get("id").asString()).query(Long.class).single()).isEqualTo(reads + 1);
    String elsewhere = otherDistrictStaff();
    assertThat(api.as(elsewhere, "Other2022xyz").get(areaPath + "/vulnerable").status()).isEqualTo(404);
    assertThat(api.as(elsewhere, "Other2022xyz").post("/api/v1/lockdown/vulnerable/" + id + "/remove", "").status())
        .isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/lockdown/vulnerable/" + id + "/remove", "").json().get("state")
        .asString()).isEqualTo("REMOVED");
    Api.Answer twice = api.as("community").post("/api/v1/lockdown/vulnerable/" + id + "/remove", "");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("detail").asString()).contains("REMOVED");
    assertThat(api.as("community").get(areaPath + "/vulnerable").json().size()).isZero();
    assertThat(api.as("community").get(areaPath + "/vulnerable?all=true").json().size()).isEqualTo(1);
    assertThat(api.as("community").post(areaPath + "/requests", Map.of("householdId", household, "need", "PET"))
        .json().get("priority").asBoolean()).isFalse();
  }

  @Test
  void aPostShortOfStaffIsReportedToTheStreetOnce() {
    String street = "unfilled-street-" + System.nanoTime() % 100_000;
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", street, "password", "Street2022xyz",
        "roles", List.of("STREET_STAFF"), "jurisdictionCode", LockdownFixtures.STREET)).status()).isEqualTo(201);
    JsonNode area = LockdownFixtures.area(api, "缺员小区", LockdownFixtures.COMMUNITY, true);
    String postName = "北门" + System.nanoTime() % 100_000;
    String post = api.as("community").post("/api/v1/lockdown/areas/" + area.get("id").asString() + "/posts",
        Map.of("kind", "GATE", "name", postName)).json().get("id").asString();

    assertThat(escalations.reportUnfilled(clock.instant())).isPositive();
    escalations.reportUnfilled(clock.instant());
    List<JsonNode> notices = api.as(street, "Street2022xyz").get("/api/v1/notifications?size=200").json()
        .get("items").valueStream().filter(n -> n.get("kind").asString().equals(LockdownEscalations.UNFILLED_KIND))
        .filter(n -> n.get("body").asString().contains(postName)).toList();
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).get("body").asString()).contains("缺 2 人");
    assertThat(jdbc.sql("select count(*) from lockdown_unfilled where post_id = cast(? as uuid)").param(post)
        .query(Long.class).single()).as("the current window and the next within 2 h at most").isBetween(1L, 2L);
  }

  @Test
  void thePoolIsImportedWithRowErrorsAndAgainWithoutDuplicates() {
    String a = LockdownFixtures.phone();
    String b = LockdownFixtures.phone();
    String today = LocalDate.now(clock).toString();
    String csv = "姓名,手机号,人员来源,所在单位,技能,可用起,可用止\n"
        + "导入干部," + a + ",机关干部下沉,市住建局,,2022-11-11,\n"
        + "导入志愿者," + b + ",VOLUNTEER,,驾驶," + today + ",\n"
        + "坏来源," + LockdownFixtures.phone() + ",厨师,,,2022-11-11,\n"
        + "坏日期," + LockdownFixtures.phone() + ",民警,,,明天,\n"
        + "重复," + a + ",民警,,,2022-11-11,\n"
        + ",12,,,,,\n";
    JsonNode first = upload(csv);
    assertThat(first.get("status").asString()).isEqualTo("DONE");
    assertThat(first.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(first)).containsExactly("4:source", "5:availableFrom", "6:phone", "7:availableFrom",
        "7:name", "7:phone", "7:source");
    JsonNode again = upload(csv);
    assertThat(again.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(again)).containsExactly("4:source", "5:availableFrom", "6:phone", "7:availableFrom",
        "7:name", "7:phone", "7:source");
    assertThat(jdbc.sql("select count(*) from lockdown_worker where phone in (?, ?)").params(a, b).query(Long.class)
        .single()).isEqualTo(2);
    assertThat(jdbc.sql("select source || ' ' || home_unit from lockdown_worker where phone = ?").param(a)
        .query(String.class).single()).as("the duplicate line changes nothing").isEqualTo("CADRE_SINKING 市住建局");
    String changed = "name,phone,source,homeUnit,skills,availableFrom,availableTo\n导入志愿者," + b
        + ",DELIVERY,顺丰,驾驶," + today + ",\n";
    assertThat(upload(changed).get("rowsImported").asLong()).isEqualTo(1);
    assertThat(jdbc.sql("select source from lockdown_worker where phone = ?").param(b).query(String.class).single())
        .isEqualTo("DELIVERY");
  }

  @Test
  void readinessSetsWhatPostsAndAScenarioNeedAgainstThePool() {
    // a district of its own for the test: its earlier pool retired
    jdbc.sql("update lockdown_worker set state = 'RETIRED' where jurisdiction_code like '990103%'").update();
    String today = LocalDate.now(clock).toString();
    List<String> sources = List.of("POLICE", "POLICE", "SAMPLER", "VOLUNTEER", "VOLUNTEER", "VOLUNTEER", "VOLUNTEER");
    for (int i = 0; i < sources.size(); i++) {
      String source = sources.get(i);
      // named in words: the pool's page lists them, and a name must not read as a code
      assertThat(api.as("commander").post("/api/v1/lockdown/workers", Map.of("name", "备勤" + "甲乙丙丁戊己庚".charAt(i),
          "phone",
          LockdownFixtures.phone(), "source", source, "availableFrom", today, "jurisdictionCode", "990103"))
          .status()).isEqualTo(201);
    }
    JsonNode rows = api.as("commander").get("/api/v1/lockdown/readiness?district=990103&gates=2&buildings=5"
        + "&households=600&residents=1500").json();
    assertThat(rows.size()).isEqualTo(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("available").asInt()).isEqualTo(7);
    assertThat(row.get("required").asInt()).isEqualTo(12 + 5 + 6 + 6);
    assertThat(row.get("covered").asInt()).isEqualTo(7);
    assertThat(row.get("percent").asInt()).isEqualTo(7 * 100 / 29);
    assertThat(row.get("lines").valueStream().map(l -> l.get("kind").asString() + " " + l.get("required").asInt()
        + "/" + l.get("covered").asInt() + " -" + l.get("gap").asInt()).toList())
        .containsExactly("GATE 12/6 -6", "BUILDING 5/0 -5", "SAMPLING 6/1 -5", "DELIVERY 6/0 -6");

    assertThat(api.as("community").get("/api/v1/lockdown/readiness?district=990103").status()).isEqualTo(404);
    assertThat(LockdownFixtures.fields(api.as("commander").get("/api/v1/lockdown/readiness?gates=-1&residents=-5")))
        .containsExactly("gates", "residents");
    assertThat(api.as("district").get("/api/v1/lockdown/readiness").json().valueStream()
        .map(r -> r.get("jurisdictionCode").asString()).toList()).containsExactly("990101");
  }

  @Test
  void sealedAreasAreALayerOfTheCommandMap() {
    JsonNode area = LockdownFixtures.area(api, "地图封控小区", LockdownFixtures.COMMUNITY, true);
    String id = area.get("id").asString();
    api.as("community").post("/api/v1/lockdown/areas/" + id + "/posts", Map.of("kind", "GATE", "name", "地图卡口"));
    JsonNode overlays = api.as("commander").get("/api/v1/maps/overlays?parent=" + LockdownFixtures.STREET).json();
    JsonNode drawn = overlays.get("sealedAreas").get("features").valueStream()
        .filter(f -> f.get("id").asString().equals(id)).findFirst().orElseThrow();
    assertThat(drawn.get("properties").get("name").asString()).isEqualTo(area.get("name").asString());
    assertThat(drawn.get("properties").get("kind").asString()).isEqualTo("SEALED");
    assertThat(drawn.get("properties").get("colour").asString()).isEqualTo("#7b2cbf");
    assertThat(drawn.get("properties").get("gaps").asInt()).isEqualTo(6);
    assertThat(drawn.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
    // outside the area's district the layer is empty of it; lifted, it leaves the map
    assertThat(api.as("commander").get("/api/v1/maps/overlays?parent=990102").json().get("sealedAreas")
        .get("features").valueStream().noneMatch(f -> f.get("id").asString().equals(id))).isTrue();
    api.as("commander").post("/api/v1/lockdown/areas/" + id + "/lift", Map.of());
    assertThat(api.as("kiosk").get("/api/v1/maps/overlays?parent=" + LockdownFixtures.STREET).json()
        .get("sealedAreas").get("features").valueStream().noneMatch(f -> f.get("id").asString().equals(id))).isTrue();
  }

  private JsonNode upload(String csv) {
    Api.Answer answer = api.as("community").upload("/api/v1/imports/manpower?wait=true", "人力池.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> errors(JsonNode status) {
    return status.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString())
        .toList();
  }

  private String otherDistrictStaff() {
    String username = "other" + System.nanoTime() % 1_000_000;
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", username, "password", "Other2022xyz",
        "roles", List.of("DISTRICT_STAFF"), "jurisdictionCode", "990102")).status()).isEqualTo(201);
    return username;
  }
}
