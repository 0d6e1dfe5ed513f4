package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The movement pages through the page security chain: who may open the checkpoint, station, KPI,
 * desk and "my items" pages; forms need the CSRF token and the right; bad input comes back under
 * the field (400), never a 500; names are escaped.
 */
@EpiCommandTest
class MovementPagesSecurityTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  private String checkpoint(String name) {
    String code = "PS-" + System.nanoTime() % 1_000_000_000L;
    Api.Answer created = api.as("commander").post("/api/v1/checkpoints",
        Map.of("code", code, "name", name, "kind", "STATION", "jurisdictionCode", DemoPlaces.DISTRICT));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  @Test
  void eachMovementPageOpensForItsAudienceOnly() {
    String code = checkpoint("页面车站<b>x</b>");
    Map<String, Map<String, Integer>> expected = Map.of(
        "/movement/checkpoints", Map.of("commander", 200, "community", 200, "lab", 403, "auditor", 403),
        "/movement/checkpoints/" + code, Map.of("community", 200, "district", 200, "cdc", 403, "site", 403),
        "/movement/checkpoints/KK-NOSUCH", Map.of("community", 404),
        "/movement/pushed/kpis", Map.of("commander", 200, "district", 200, "lab", 403),
        "/movement/pushed/desk", Map.of("district", 200, "commander", 200, "community", 403, "cdc", 403),
        "/movement/pushed/mine", Map.of("community", 200, "district", 200, "cdc", 403, "auditor", 403),
        "/movement/pushed?overdue=true&jurisdiction=990101", Map.of("commander", 200, "district", 200),
        "/movement/pushed?jurisdiction=990102", Map.of("district", 404));
    expected.forEach((path, byUser) -> byUser.forEach((user, status) ->
        assertThat(WebSession.login(api, user).get(path).status()).as(user + " " + path).isEqualTo(status)));
    String list = WebSession.login(api, "community").get("/movement/checkpoints").body();
    assertThat(list).contains("页面车站&lt;b&gt;x&lt;/b&gt;").doesNotContain("页面车站<b>");
    String kpis = WebSession.login(api, "commander").get("/movement/pushed/kpis").body();
    assertThat(kpis).contains("data-chart=").contains("data-district=\"990101\"").contains("/js/movement.js");
  }

  @Test
  void checkpointAndPassFormsNeedTheRightAndShowBadInputUnderTheField() {
    WebSession commander = WebSession.login(api, "commander");
    String code = "PF-" + System.nanoTime() % 1_000_000_000L;
    Map<String, String> form = Map.of("code", code, "name", "北站", "kind", "STATION", "jurisdictionCode",
        DemoPlaces.DISTRICT);
    assertThat(commander.postForm("/movement/checkpoints", form, false).status()).isEqualTo(403);
    assertThat(WebSession.login(api, "community").postForm("/movement/checkpoints", form, true).status())
        .isEqualTo(403);
    WebSession.Page bad = commander.postForm("/movement/checkpoints", Map.of("code", "?", "name", "", "kind", "BUS",
        "jurisdictionCode", DemoPlaces.DISTRICT), true);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("data-field-error=\"kind\"");
    WebSession.Page missing = commander.postForm("/movement/checkpoints", Map.of("code", "?", "name", "",
        "kind", "STATION", "jurisdictionCode", "000000"), true);
    assertThat(missing.body()).contains("data-field-error=\"code\"").contains("data-field-error=\"name\"")
        .contains("data-field-error=\"jurisdictionCode\"");
    assertThat(commander.postForm("/movement/checkpoints", form, true).location()).endsWith("/movement/checkpoints");
    assertThat(commander.get("/movement/checkpoints").body()).contains(code).contains("北站");

    WebSession.Page badPass = commander.postForm("/movement/green-passes", Map.of("plate", "123", "cargo", "菜",
        "validFrom", "2022-02-30", "validTo", TODAY.toString()), true);
    assertThat(badPass.status()).isEqualTo(400);
    assertThat(badPass.body()).contains("data-field-error=\"validFrom\"");
    WebSession.Page badPlate = commander.postForm("/movement/green-passes", Map.of("plate", "123", "cargo", "菜",
        "validFrom", TODAY.toString(), "validTo", TODAY.plusDays(1).toString()), true);
    assertThat(badPlate.body()).contains("data-field-error=\"plate\"").contains("车牌号无效");
    assertThat(WebSession.login(api, "community").postForm("/movement/green-passes", Map.of("plate", "浙A12345",
        "cargo", "菜", "validFrom", TODAY.toString(), "validTo", TODAY.toString()), true).status()).isEqualTo(403);

    WebSession community = WebSession.login(api, "community");
    WebSession.Page check = community.get("/movement/checkpoints/" + code + "?q=" + "%E6%B5%99");
    assertThat(check.status()).isEqualTo(400);
    assertThat(check.body()).contains("data-field-error=\"q\"").contains("车牌号无效");
    WebSession.Page unknown = community.get("/movement/checkpoints/" + code + "?q=GC-20000101-000001");
    assertThat(unknown.body()).contains("data-status=\"UNKNOWN\"").contains("查无此证");
    WebSession.Page badArrival = community.postForm("/movement/checkpoints/" + code + "/arrivals", Map.of("name", "站点",
        "idType", "RESIDENT_ID", "idNumber", "36042619910102009X", "phone", "13800138000",
        "destinationCode", DemoPlaces.COMMUNITY, "arrivalDate", "2022-02-30"), true);
    assertThat(badArrival.status()).isEqualTo(400);
    assertThat(badArrival.body()).contains("data-field-error=\"arrivalDate\"");
  }

  @Test
  void theDeskAndTheWorkerActThroughTheirPages() {
    String list = "PG-" + System.nanoTime();
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    String id = People.validId("419006", "19900101", (int) (System.nanoTime() % 800)
        + 100);
    api.as("district").upload("/api/v1/imports/pushed-list?wait=true", "l.csv",
        ("listRef,idType,idNumber,name,phone,reason,sourceRegion,pushedAt\n" + list + ",RESIDENT_ID," + id
            + ",页面分派<i>y</i>,,涉疫,," + pushedAt + "\n").getBytes(StandardCharsets.UTF_8));
    String item = null;
    for (JsonNode i : api.as("district").get("/api/v1/pushed-items/desk?size=500").json().get("items")) {
      if (i.get("listRef").asString().equals(list)) {
        item = i.get("id").asString();
      }
    }
    assertThat(item).isNotNull();
    WebSession district = WebSession.login(api, "district");
    assertThat(district.get("/movement/pushed/desk?size=500").body()).contains("页面分派&lt;i&gt;y&lt;/i&gt;");
    assertThat(district.postForm("/movement/pushed/desk/" + item + "/assign", Map.of("communityCode",
        DemoPlaces.COMMUNITY),
        false).status()).isEqualTo(403);
    WebSession.Page badMatch = district.postForm("/movement/pushed/desk/" + item + "/match",
        Map.of("idNumber", "123"), true);
    assertThat(badMatch.location()).endsWith("/movement/pushed/desk");
    assertThat(district.get("/movement/pushed/desk").body()).contains("身份证号码格式不正确");
    district.postForm("/movement/pushed/desk/" + item + "/assign", Map.of("communityCode", DemoPlaces.COMMUNITY), true);
    assertThat(api.as("district").get("/api/v1/pushed-items/" + item).json().get("item").get("jurisdictionCode")
        .asString()).isEqualTo(DemoPlaces.COMMUNITY);

    WebSession community = WebSession.login(api, "community");
    assertThat(community.postForm("/movement/pushed/desk/" + item + "/assign", Map.of("communityCode",
        DemoPlaces.COMMUNITY),
        true).status()).isEqualTo(403);
    community.postForm("/movement/pushed/mine/" + item + "/sign", Map.of(), true);
    assertThat(community.get("/movement/pushed/mine").body()).contains("已保存");
    community.postForm("/movement/pushed/mine/" + item + "/report", Map.of("outcome", "NOT_FOUND", "note", "查无"), true);
    assertThat(community.get("/movement/pushed/mine").body()).contains("已保存");
    JsonNode detail = api.as("community").get("/api/v1/pushed-items/" + item).json();
    assertThat(detail.get("item").get("state").asString()).isEqualTo("FEEDBACK_SENT");
    assertThat(detail.get("outcome").asString()).isEqualTo("NOT_FOUND");
    community.postForm("/movement/pushed/mine/" + item + "/sign", Map.of(), true);
    assertThat(community.get("/movement/pushed/mine").body()).contains("当前状态（FEEDBACK_SENT）下不能执行此操作");
  }

  @Test
  void theCommandOfficeCorrectsAndRetiresACheckpointThroughItsPageAndTheStationThenRefusesArrivals() {
    String code = checkpoint("编辑车站<i>e</i>");
    Map<String, Integer> edit = Map.of("commander", 200, "community", 403, "district", 403, "lab", 403);
    edit.forEach((user, status) -> assertThat(WebSession.login(api, user).get("/movement/checkpoints/" + code
        + "/edit").status()).as(user).isEqualTo(status));
    WebSession commander = WebSession.login(api, "commander");
    assertThat(commander.get("/movement/checkpoints/" + code + "/edit").body())
        .contains("编辑车站&lt;i&gt;e&lt;/i&gt;").doesNotContain("编辑车站<i>");
    assertThat(commander.get("/movement/checkpoints/KK-NOSUCH/edit").status()).isEqualTo(404);
    Map<String, String> form = Map.of("name", "东湖南站", "kind", "TRAFFIC", "jurisdictionCode", DemoPlaces.DISTRICT,
        "lat", "30.29", "lon", "");
    assertThat(commander.postForm("/movement/checkpoints/" + code + "/edit", form, false).status()).isEqualTo(403);
    WebSession.Page bad = commander.postForm("/movement/checkpoints/" + code + "/edit", form, true);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("data-field-error=\"lon\"").contains("经度和纬度须同时填写或同时留空");
    WebSession.Page saved = commander.postForm("/movement/checkpoints/" + code + "/edit", Map.of("name", "东湖南站",
        "kind", "TRAFFIC", "jurisdictionCode", DemoPlaces.DISTRICT, "lat", "30.29", "lon", "120.18"), true);
    assertThat(saved.location()).endsWith("/movement/checkpoints/" + code + "/edit");
    assertThat(commander.get("/movement/checkpoints/" + code + "/edit").body()).contains("已保存");
    JsonNode read = api.as("commander").get("/api/v1/checkpoints/" + code).json();
    assertThat(read.get("name").asString()).isEqualTo("东湖南站");
    assertThat(read.get("lon").asDouble()).isEqualTo(120.18);
    assertThat(WebSession.login(api, "community").postForm("/movement/checkpoints/" + code + "/retire", Map.of(),
        true).status()).isEqualTo(403);
    commander.postForm("/movement/checkpoints/" + code + "/retire", Map.of(), true);
    assertThat(commander.get("/movement/checkpoints/" + code + "/edit").body()).contains("卡口已撤除")
        .contains("data-testid=\"checkpoint-reactivate\"");
    String list = commander.get("/movement/checkpoints").body();
    assertThat(list.substring(list.indexOf("data-testid=\"retired-checkpoints\""))).contains("东湖南站");

    WebSession community = WebSession.login(api, "community");
    String station = community.get("/movement/checkpoints/" + code).body();
    assertThat(station).contains("data-testid=\"retired\"").doesNotContain("data-testid=\"station-arrival\"");
    WebSession.Page refused = community.postForm("/movement/checkpoints/" + code + "/arrivals", Map.of("name", "撤除站点",
        "idType", "RESIDENT_ID", "idNumber", "36042619910102009X", "phone", "13800138000",
        "destinationCode", DemoPlaces.COMMUNITY, "arrivalDate", TODAY.toString()), true);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("该卡口已撤除");
    commander.postForm("/movement/checkpoints/" + code + "/reactivate", Map.of(), true);
    assertThat(community.get("/movement/checkpoints/" + code).body()).contains("data-testid=\"station-arrival\"");
  }
}
