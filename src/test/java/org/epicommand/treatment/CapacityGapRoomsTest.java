package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.treatment.TreatmentFixtures.PASSWORD;
import static org.epicommand.treatment.TreatmentFixtures.user;

import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The quarantine room gap beside the bed gap: the projection's peak of rooms minus the rooms of ACTIVE sites minus
 * those of standby sites whose activation lead time falls inside the projection; in the situation report and on
 * the dashboard's tile; the report states the beds occupied beside the gap, the ICU beds among them.
 */
@EpiCommandTest
class CapacityGapRoomsTest {

  @Autowired
  Api api;

  private static String site(Api.Caller caller, String status, int leadHours, int rooms) {
    Api.Answer created = caller.post("/api/v1/quarantine/sites", Map.of("code",
        "GR" + UUID.randomUUID().toString().substring(0, 8), "name", "缺口测试隔离点", "jurisdictionCode", "990106",
        "status", status, "activationLeadHours", leadHours));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    Api.Answer added = caller.post("/api/v1/quarantine/sites/" + id + "/rooms", Map.of("from", 1, "to", rooms));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return id;
  }

  private static String icuBeds(String report) {
    java.util.regex.Matcher icu = java.util.regex.Pattern.compile("其中重症监护床位 (\\d+) 张").matcher(report);
    assertThat(icu.find()).as("the report states the ICU beds").isTrue();
    return icu.group(1);
  }

  @Test
  void theRoomGapIsThePeakMinusActiveAndActivatableStandbyRooms() {
    String district = user(api, "COMMANDER", "990106");
    Api.Caller commander = api.as(district, PASSWORD);
    String params = "district=990106&r=2.5&population=100000&initialExposed=50&initialInfectious=50&days=20";
    JsonNode before = commander.get("/api/v1/treatment/capacity-gap?" + params).json().get("rooms");
    site(commander, "ACTIVE", 24, 10);
    site(commander, "STANDBY", 24, 5);
    site(commander, "STANDBY", 720, 7);

    JsonNode projection = commander.get("/api/v1/analytics/projection?" + params).json();
    Api.Answer answer = commander.get("/api/v1/treatment/capacity-gap?" + params);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode rooms = answer.json().get("rooms");
    int active = before.get("activeRooms").asInt() + 10;
    int activatable = before.get("standbyActivatable").asInt() + 5;
    assertThat(rooms.get("activeRooms").asInt()).isEqualTo(active);
    assertThat(rooms.get("standbyActivatable").asInt()).as("720 hours is beyond 20 days").isEqualTo(activatable);
    assertThat(rooms.get("standbyRooms").asInt()).isEqualTo(before.get("standbyRooms").asInt() + 12);
    double peak = projection.get("peakRooms").asDouble();
    assertThat(rooms.get("peakRooms").asDouble()).isEqualTo(peak);
    assertThat(rooms.get("gap").asLong()).isEqualTo((long) Math.ceil(peak) - active - activatable);
    assertThat(rooms.get("availableRooms").get(0).asInt()).as("day 1: the 24-hour standby site is ready")
        .isEqualTo(active + activatable);

    String tile = WebSession.login(api, district, PASSWORD).get("/treatment/tile").body();
    assertThat(tile).contains("data-testid=\"tile-gap\"").contains("data-testid=\"tile-room-gap\"");
    java.util.regex.Matcher bedGap = java.util.regex.Pattern.compile("data-testid=\"tile-bed-gap\">([^<]+)<")
        .matcher(tile);
    assertThat(bedGap.find()).isTrue();
    String board = WebSession.login(api, district, PASSWORD).get("/treatment").body();
    assertThat(board).as("the board shows the tile's bed gap").contains("data-testid=\"board-gap\"")
        .contains(bedGap.group(1).matches("\\d+") ? "预测床位缺口 " + bedGap.group(1) + " 张" : "床位充足");
    assertThat(WebSession.login(api, "hospital").get("/treatment").body())
        .as("an operator sees only their hospital: no gap of the whole area").doesNotContain("board-gap");
    String report = WebSession.login(api, district, PASSWORD).get("/analytics/report").body();
    assertThat(report).contains("data-testid=\"report-gap\"").contains("隔离房间需求高峰")
        .contains("data-testid=\"report-standby\"");
    // the beds now beside the gap: the board's figures, and an active hospital's ICU beds counted among them (in a
    // district of its own: the bed figures of 990106 are another test's)
    String other = user(api, "COMMANDER", "990104");
    String icuBefore = icuBeds(WebSession.login(api, other, PASSWORD).get("/analytics/report").body());
    TreatmentFixtures.hospital(api.as(other, PASSWORD), "DESIGNATED", "ACTIVE", "990104", "ICU", 4, "GENERAL", 6);
    JsonNode beds = api.as(other, PASSWORD).get("/api/v1/treatment/board").json();
    String after = WebSession.login(api, other, PASSWORD).get("/analytics/report").body();
    assertThat(after).contains("收治医院在用床位 " + beds.get("activeBeds").asInt() + " 张，已占用 "
        + beds.get("occupiedBeds").asInt() + " 张（" + beds.get("percent").asInt() + "%）");
    assertThat(Integer.parseInt(icuBeds(after))).isEqualTo(Integer.parseInt(icuBefore) + 4);
    assertThat(beds.get("icuBeds").asInt()).as("the board's ICU beds are the report's")
        .isEqualTo(Integer.parseInt(icuBeds(after)));
    assertThat(beds.get("icuOccupied").asInt()).isZero();
  }
}
