package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.cases.CaseFixtures.COMMUNITY;
import static org.epicommand.cases.CaseFixtures.body;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Venue scans through the import machinery into day partitions, and co-presence candidates from them. */
@EpiCommandTest
class VenueScanApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private String venue(String code, String name) {
    Api.Answer created = api.as("cdc").post("/api/v1/venues", body("code", code, "name", name, "type", "SUPERMARKET",
        "address", "扫码路1号", "jurisdictionCode", COMMUNITY));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private String document(String personId) {
    return api.as("cdc").get("/api/v1/persons/" + personId).json().get("idNumber").asString();
  }

  private long scansAt(String... venueIds) {
    return jdbc.sql("select count(*) from venue_scan where venue_id = any(:v)")
        .param("v", java.util.Arrays.stream(venueIds).map(UUID::fromString).toArray(UUID[]::new))
        .query(Long.class).single();
  }

  @Test
  void scanFileRowErrorsValidRowsLandReimportAddsNothingAndCoPresenceFindsTheRightPersons() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String a = "VA" + suffix;
    String b = "VB" + suffix;
    String venueA = venue(a, "扫码超市甲");
    String venueB = venue(b, "扫码超市乙");
    assertThat(api.as("cdc").post("/api/v1/venues", body("code", a, "name", "重复", "type", "SHOP",
        "jurisdictionCode", COMMUNITY)).status()).isEqualTo(409);

    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);
    OffsetDateTime t = day.atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
    String caseId = CaseFixtures.caseOf(api, "扫码病例", COMMUNITY, "CONFIRMED", day.plusDays(1).toString());
    String casePerson = api.as("cdc").get("/api/v1/cases/" + caseId).json().get("personId").asString();
    String inside = CaseFixtures.person(api, "同时段甲", COMMUNITY);
    String before = CaseFixtures.person(api, "提前到乙", COMMUNITY);
    String tooEarly = CaseFixtures.person(api, "已离开丙", COMMUNITY);
    String after = CaseFixtures.person(api, "稍后到丁", COMMUNITY);

    String csv = "idType,idNumber,venueCode,scannedAt\n"
        + "PASSPORT," + document(inside) + "," + a + "," + t.plusMinutes(20) + "\n"            // 2 inside
        + "PASSPORT," + document(before) + "," + a + "," + t.minusMinutes(80) + "\n"           // 3 present until t-20
        + "PASSPORT," + document(tooEarly) + "," + a + "," + t.minusMinutes(100) + "\n"        // 4 gone at t-40
        + "PASSPORT," + document(after) + "," + a + "," + t.plusMinutes(89) + "\n"             // 5 to + 29 min
        + "PASSPORT," + document(tooEarly) + "," + b + "," + t.plusMinutes(10) + "\n"          // 6 other venue
        + "PASSPORT," + document(inside) + ",NOPE" + suffix + "," + t + "\n"                  // 7 unknown venue
        + "PASSPORT," + document(before) + "," + a + ",2026-13-01 10:00\n"                    // 8 bad timestamp
        + "PASSPORT," + document(before) + "," + a + ",昨天上午\n"                              // 9 bad timestamp
        + "PASSPORT," + document(casePerson) + "," + a + "," + t.plusMinutes(5) + "\n"        // 10 the case itself
        + "PASSPORT,ZZ" + suffix + "," + a + "," + t + "\n"                                    // 11 unknown person
        + "PASSPORT," + document(after) + "," + a + "," + day + " 11:10:00\n"                 // 12 local time
        + "PASSPORT," + document(after) + "," + a + ",2999-01-01T00:00:00+08:00\n";           // 13 future
    byte[] file = csv.getBytes(StandardCharsets.UTF_8);
    JsonNode status = api.as("cdc").upload("/api/v1/imports/venue-scans?wait=true", "scans.csv", file).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("rowsTotal").asLong()).isEqualTo(12);
    assertThat(status.get("rowsImported").asLong()).isEqualTo(7);
    assertThat(status.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString())
        .toList()).containsExactly("7:venueCode", "8:scannedAt", "9:scannedAt", "11:idNumber", "13:scannedAt");
    assertThat(status.get("errors").get(0).get("message").asString()).contains("NOPE" + suffix);
    assertThat(scansAt(venueA, venueB)).isEqualTo(7);
    assertThat(jdbc.sql("select count(*) from pg_inherits where inhparent = 'venue_scan'::regclass"
        + " and inhrelid = to_regclass(:p)").param("p", "venue_scan_p" + day.toString().replace("-", ""))
        .query(Long.class).single()).isEqualTo(1);

    JsonNode again = api.as("cdc").upload("/api/v1/imports/venue-scans?wait=true", "scans.csv", file).json();
    assertThat(again.get("rowsImported").asLong()).isEqualTo(7);
    assertThat(again.get("rowsRejected").asLong()).isEqualTo(5);
    assertThat(scansAt(venueA, venueB)).isEqualTo(7);

    String investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id").asString();
    assertThat(api.as("cdc").post("/api/v1/investigations/" + investigation + "/trajectory", body("venueCode", a,
        "fromAt", t.toString(), "toAt", t.plusHours(1).toString(), "activity", "购物")).status()).isEqualTo(201);
    JsonNode search = api.as("cdc").post("/api/v1/investigations/" + investigation + "/copresence", body()).json();
    assertThat(search.get("proposed").asInt()).isEqualTo(3);
    assertThat(search.get("candidates").asInt()).isEqualTo(3);
    JsonNode candidates = api.as("cdc").get("/api/v1/investigations/" + investigation + "/candidates").json();
    assertThat(candidates.findValuesAsString("personId")).containsExactlyInAnyOrder(inside, before, after);
    JsonNode afterCandidate = null;
    for (JsonNode c : candidates) {
      if (c.get("personId").asString().equals(after)) {
        afterCandidate = c;
      }
    }
    assertThat(afterCandidate.get("scans").asInt()).isEqualTo(2);
    assertThat(afterCandidate.get("personName").asString()).isEqualTo("稍后到丁");

    String candidateId = afterCandidate.get("id").asString();
    Api.Answer confirmed = api.as("cdc").post("/api/v1/investigations/" + investigation + "/candidates/"
        + candidateId + "/confirm", body("category", "CLOSE", "contactType", "LEISURE"));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
    assertThat(confirmed.json().get("personId").asString()).isEqualTo(after);
    assertThat(confirmed.json().get("lastExposureDate").asString()).isEqualTo(day.toString());
    assertThat(api.as("cdc").post("/api/v1/investigations/" + investigation + "/candidates/" + candidateId
        + "/confirm", body()).status()).isEqualTo(409);
    String other = candidates.valueStream().filter(c -> c.get("personId").asString().equals(before)).findFirst()
        .orElseThrow().get("id").asString();
    assertThat(api.as("cdc").post("/api/v1/investigations/" + investigation + "/candidates/" + other + "/dismiss",
        body()).status()).isEqualTo(204);
    List<String> states = api.as("cdc").get("/api/v1/investigations/" + investigation + "/candidates").json()
        .valueStream().map(c -> c.get("state").asString()).sorted().toList();
    assertThat(states).containsExactly("CONFIRMED", "DISMISSED", "PROPOSED");
    // searching again proposes nobody new and keeps the decisions
    JsonNode searchedAgain = api.as("cdc").post("/api/v1/investigations/" + investigation + "/copresence", body())
        .json();
    assertThat(searchedAgain.get("proposed").asInt()).isZero();
    assertThat(searchedAgain.get("candidates").asInt()).isEqualTo(3);
    assertThat(api.as("cdc").get("/api/v1/investigations/" + investigation + "/candidates").json().valueStream()
        .map(c -> c.get("state").asString()).sorted().toList()).containsExactly("CONFIRMED", "DISMISSED", "PROPOSED");
    assertThat(api.as("district").get("/api/v1/investigations/" + investigation + "/candidates").status())
        .isEqualTo(200);
  }

  /**
   * A file longer than one batch (20,000 rows): a scan repeated within the batch and one repeating a
   * row of the first batch are both row errors, all other rows land; the file again adds nothing and
   * counts every stored row as imported (the insert meets stored keys and takes the on-conflict path).
   */
  @Test
  void repeatsAcrossBatchesAreRowErrorsAndAReimportOfALargeFileAddsNothing() {
    String code = "VL" + UUID.randomUUID().toString().substring(0, 8);
    String venueId = venue(code, "扫码大文件");
    String number = document(CaseFixtures.person(api, "大文件扫码", COMMUNITY));
    OffsetDateTime start = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3).atTime(8, 0)
        .atOffset(ZoneOffset.ofHours(8));
    StringBuilder csv = new StringBuilder("idType,idNumber,venueCode,scannedAt\n");
    int rows = 20_010;
    for (int i = 0; i < rows; i++) {
      // line i + 2; line 100 repeats line 99 (same batch), line 20,005 repeats line 3 (first batch)
      int second = i == 98 ? 97 : i == 20_003 ? 1 : i;
      csv.append("PASSPORT,").append(number).append(',').append(code).append(',').append(start.plusSeconds(second))
          .append('\n');
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    JsonNode status = api.as("cdc").upload("/api/v1/imports/venue-scans?wait=true", "large.csv", file).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(rows - 2);
    assertThat(status.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString())
        .toList()).containsExactly("100:scannedAt", "20005:scannedAt");
    assertThat(status.get("errors").get(1).get("message").asString())
        .isNotEqualTo(status.get("errors").get(0).get("message").asString());
    assertThat(scansAt(venueId)).isEqualTo(rows - 2);

    JsonNode again = api.as("cdc").upload("/api/v1/imports/venue-scans?wait=true", "large.csv", file).json();
    assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("DONE");
    assertThat(again.get("rowsImported").asLong()).isEqualTo(rows - 1);
    assertThat(again.get("rowsRejected").asLong()).isEqualTo(1);
    assertThat(scansAt(venueId)).isEqualTo(rows - 2);
  }
}
