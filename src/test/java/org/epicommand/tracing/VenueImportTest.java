package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.cases.CaseFixtures.body;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Import kind {@code venues}: valid rows land, bad rows are reported with their line, a re-import is
 * idempotent and takes over corrections; the venue-scans import refuses scans at a retired venue.
 */
@EpiCommandTest
class VenueImportTest {

  static final String HEADER = "code,name,type,address,jurisdictionCode,lat,lon\n";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private JsonNode importVenues(Api.Caller caller, String csv) {
    JsonNode status = caller.upload("/api/v1/imports/venues?wait=true", "venues.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    return status;
  }

  private static List<String> errors(JsonNode status) {
    return status.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString())
        .toList();
  }

  private long venuesWithPrefix(String prefix) {
    return jdbc.sql("select count(*) from venue where code like :p").param("p", prefix + "%").query(Long.class)
        .single();
  }

  @Test
  void validRowsLandBadRowsAreReportedByLineAndAReimportAddsNothing() {
    String p = "VI" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String csv = HEADER
        + p + "-1,东湖超市,超市,东湖路1号,990101001001,30.27,120.15\n"          // 2 ok, type by its Chinese name
        // 3 ok, type by code, no address, no coordinates
        + p + "-2,东湖小学,SCHOOL,,990101001,,\n"
        + p + "-3,无名区划,SHOP,,999999,,\n"                                  // 4 unknown division
        + p + "-4,船坞,游艇,,990101,,\n"                                      // 5 unknown type
        + p + "-5,坐标颠倒,SHOP,,990101,120.15,30.27\n"                        // 6 latitude out of range
        + p + "-6,只有纬度,SHOP,,990101,30.2,\n"                               // 7 longitude missing
        + p + "-1,东湖超市（重复）,超市,,990101001001,,\n"                     // 8 code again in the file
        + p + "-7,文字坐标,shop,,990101,北纬30,120\n"                          // 9 coordinates not a number
        + "bad code!,坏编码,SHOP,,990101,,\n"                                  // 10 bad code
        + p + "-8,东湖药店,Pharmacy,东湖路8号,990101001001,30.28,120.16\n";    // 11 ok, type by its English name
    JsonNode status = importVenues(api.as("cdc"), csv);
    assertThat(status.get("rowsTotal").asLong()).isEqualTo(10);
    assertThat(status.get("rowsImported").asLong()).isEqualTo(3);
    assertThat(errors(status)).containsExactly("4:jurisdictionCode", "5:type", "6:lat", "7:lon", "8:code", "9:lat",
        "10:code");
    JsonNode duplicate = status.get("errors").get(4);
    assertThat(duplicate.get("message").asString()).contains(p + "-1").contains("第 2 行");
    assertThat(status.get("errors").get(1).get("message").asString()).contains("游艇");
    assertThat(venuesWithPrefix(p)).isEqualTo(3);
    JsonNode supermarket = api.as("cdc").get("/api/v1/venues/" + p + "-1").json();
    assertThat(supermarket.get("type").asString()).isEqualTo("SUPERMARKET");
    assertThat(supermarket.get("lat").asDouble()).isEqualTo(30.27);
    assertThat(supermarket.get("address").asString()).isEqualTo("东湖路1号");
    JsonNode school = api.as("cdc").get("/api/v1/venues/" + p + "-2").json();
    assertThat(school.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.STREET);
    assertThat(school.get("address").isNull()).isTrue();
    assertThat(api.as("cdc").get("/api/v1/venues/" + p + "-8").json().get("type").asString()).isEqualTo("PHARMACY");

    // the same file again: the same rows count as imported, nothing is added
    JsonNode again = importVenues(api.as("cdc"), csv);
    assertThat(again.get("rowsImported").asLong()).isEqualTo(3);
    assertThat(errors(again)).isEqualTo(errors(status));
    assertThat(venuesWithPrefix(p)).isEqualTo(3);

    // a corrected list: a changed name and address are taken over and audited, a new venue is added
    String corrected = HEADER
        + p + "-1,东湖生鲜超市,SUPERMARKET,东湖路1-3号,990101001001,30.27,120.15\n"
        + p + "-2,东湖小学,SCHOOL,,990101001,,\n"
        + p + "-9,东湖书店,SHOP,,990101001001,,\n";
    JsonNode third = importVenues(api.as("cdc"), corrected);
    assertThat(third.get("rowsImported").asLong()).isEqualTo(3);
    assertThat(third.get("rowsRejected").asLong()).isZero();
    assertThat(venuesWithPrefix(p)).isEqualTo(4);
    JsonNode renamed = api.as("cdc").get("/api/v1/venues/" + p + "-1").json();
    assertThat(renamed.get("name").asString()).isEqualTo("东湖生鲜超市");
    assertThat(renamed.get("address").asString()).isEqualTo("东湖路1-3号");
    assertThat(renamed.get("id").asString()).isEqualTo(supermarket.get("id").asString());
    assertThat(api.as("auditor").get("/api/v1/audit?subjectId=" + renamed.get("id").asString()).json().get("items")
        .valueStream().map(e -> e.get("action").asString()).toList()).containsExactlyInAnyOrder("CREATE", "UPDATE");

    // a retired venue is not changed by an import (unchanged, it still counts as imported)
    api.as("cdc").post("/api/v1/venues/" + p + "-2/retire", body());
    JsonNode retiredRows = importVenues(api.as("cdc"), HEADER
        + p + "-2,东湖小学,SCHOOL,,990101001,,\n"
        + p + "-9,东湖书店,SHOP,,990101001001,,\n");
    assertThat(retiredRows.get("rowsImported").asLong()).isEqualTo(2);
    JsonNode renamedRetired = importVenues(api.as("cdc"), HEADER + p + "-2,东湖实验小学,SCHOOL,,990101001,,\n");
    assertThat(errors(renamedRetired)).containsExactly("2:code");
    assertThat(renamedRetired.get("errors").get(0).get("message").asString()).contains("已停用");
    assertThat(api.as("cdc").get("/api/v1/venues/" + p + "-2").json().get("name").asString()).isEqualTo("东湖小学");
  }

  @Test
  void aCodeTwiceInALargeFileIsFoundAcrossBatches() {
    String p = "VX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    StringBuilder csv = new StringBuilder(HEADER);
    int rows = 2_010;
    for (int i = 0; i < rows; i++) {
      // line i + 2; line 2,007 repeats the code of line 3 (the first batch holds 2,000 rows)
      int n = i == 2_005 ? 1 : i;
      csv.append(p).append('-').append(n).append(",批量场所").append(n).append(",OFFICE,,990101,,\n");
    }
    JsonNode status = importVenues(api.as("cdc"), csv.toString());
    assertThat(status.get("rowsImported").asLong()).isEqualTo(rows - 1);
    assertThat(errors(status)).containsExactly("2007:code");
    assertThat(status.get("errors").get(0).get("message").asString()).contains("第 3 行");
    assertThat(venuesWithPrefix(p)).isEqualTo(rows - 1);
    assertThat(api.as("cdc").get("/api/v1/venues/" + p + "-1").json().get("name").asString()).isEqualTo("批量场所1");
  }

  @Test
  void aListWithChineseHeadersBelowATitleIsRead() {
    String p = "VC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    JsonNode status = importVenues(api.as("cdc"), "东湖区场所码登记表\n"
        + "场所编码,场所名称,场所类型,详细地址,所属区划代码,纬度,经度\n"
        + p + "-1,东湖菜场,农贸市场,东湖路 3 号,990101001001,30.27,120.15\n");
    assertThat(status.get("rowsImported").asLong()).as(status.toString()).isEqualTo(1);
    JsonNode market = api.as("cdc").get("/api/v1/venues/" + p + "-1").json();
    assertThat(market.get("name").asString()).isEqualTo("东湖菜场");
    assertThat(market.get("type").asString()).isEqualTo("MARKET");
    assertThat(market.get("address").asString()).isEqualTo("东湖路 3 号");
    assertThat(market.get("lon").asDouble()).isEqualTo(120.15);
  }

  @Test
  void rowsOutsideTheImportersJurisdictionAreRejected() {
    String p = "VY" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    importVenues(api.as("cdc"), HEADER + p + "-1,一区场所,SHOP,,990101001001,,\n");
    String username = VenueFixtures.otherDistrictEpidemiologist(api);
    JsonNode status = importVenues(api.as(username, VenueFixtures.PASSWORD), HEADER
        + p + "-2,越界场所,SHOP,,990101001001,,\n"     // 2 a division of another district
        + p + "-1,一区场所,SHOP,,990102001001,,\n"     // 3 the code of a venue of another district
        + p + "-3,二区场所,SHOP,,990102001001,,\n");   // 4 ok
    assertThat(errors(status)).containsExactly("2:jurisdictionCode", "3:code");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(api.as("cdc").get("/api/v1/venues/" + p + "-1").json().get("jurisdictionCode").asString())
        .isEqualTo(DemoPlaces.COMMUNITY);
    assertThat(api.as("district").upload("/api/v1/imports/venues?wait=true", "v.csv",
        (HEADER + p + "-4,无权,SHOP,,990101,,\n").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
  }

  @Test
  void aRetiredVenueRefusesScansFromItsRetirementOnAndKeepsTheEarlierOnes() {
    String code = "VR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    importVenues(api.as("cdc"), HEADER + code + ",停业商场,SHOP,,990101001001,,\n");
    String person = CaseFixtures.person(api, "停用场所扫码", DemoPlaces.COMMUNITY);
    String document = api.as("cdc").get("/api/v1/persons/" + person).json().get("idNumber").asString();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    String before = "PASSPORT," + document + "," + code + "," + now.minusHours(2) + "\n";
    assertThat(api.as("cdc").post("/api/v1/venues/" + code + "/retire", body()).status()).isEqualTo(200);
    // a late file: the scan of two hours ago is history and lands; one after the retirement is refused
    String csv = "idType,idNumber,venueCode,scannedAt\n" + before
        + "PASSPORT," + document + "," + code + "," + now.plusMinutes(2) + "\n";
    JsonNode status = api.as("cdc").upload("/api/v1/imports/venue-scans?wait=true", "scans.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(errors(status)).containsExactly("3:venueCode");
    assertThat(status.get("errors").get(0).get("message").asString()).contains(code).contains("停用")
        .doesNotContain("未登记");
    String venueId = api.as("cdc").get("/api/v1/venues/" + code).json().get("id").asString();
    assertThat(jdbc.sql("select count(*) from venue_scan where venue_id = :v").param("v", UUID.fromString(venueId))
        .query(Long.class).single()).isEqualTo(1);
    // reactivated, it takes the scan
    api.as("cdc").post("/api/v1/venues/" + code + "/reactivate", body());
    JsonNode after = api.as("cdc").upload("/api/v1/imports/venue-scans?wait=true", "scans.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(after.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(after.get("rowsRejected").asLong()).isZero();
  }
}
