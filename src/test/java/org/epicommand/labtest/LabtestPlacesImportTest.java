package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.errors;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;
import static org.epicommand.labtest.LabtestPlacesApiTest.LABS;
import static org.epicommand.labtest.LabtestPlacesApiTest.SITES;
import static org.epicommand.labtest.LabtestPlacesApiTest.code;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The {@code sampling-sites} and {@code labs} imports (rows checked like the API, errors with their
 * lines, re-imports idempotent), and what retiring does: no new tubes at a retired site, no new
 * results from a retired lab, their history kept.
 */
@EpiCommandTest
class LabtestPlacesImportTest {

  static final String COMMUNITY = DemoPlaces.NEIGHBOUR;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private long audits(String code) {
    return jdbc.sql("select count(*) from audit_event where subject_id = ?").param(code).query(Long.class).single();
  }

  private String updatedAt(String code) {
    return jdbc.sql("select updated_at::text from labtest_site where code = ?").param(code).query(String.class)
        .single();
  }

  @Test
  void sitesArriveByFileWithBadRowsListedAndTheSameFileAgainChangesNothing() {
    String a = code("XIA");
    String b = code("XIB");
    String csv = "code,name,jurisdictionCode,capacityPerDay,samplers,latitude,longitude,contactPhone\n"
        + a + ",甲采样点," + COMMUNITY + ",1200,4,30.25,120.1666,13800138000\n"
        + b + ",乙采样点," + COMMUNITY + ",,,,,\n"
        + "x,丙采样点," + COMMUNITY + ",100,1,,,\n"
        + code("XIC") + ",丁采样点,999999,100,1,,,\n"
        + code("XID") + ",戊采样点," + COMMUNITY + ",许多,1,,,\n"
        + a + ",甲采样点（重复）," + COMMUNITY + ",1200,4,,,\n"
        + code("XIE") + ",己采样点," + COMMUNITY + ",100,1,30.2,,\n";
    JsonNode first = upload(api, "commander", "sampling-sites", csv);
    assertThat(first.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(first)).containsExactly("4:code", "5:jurisdictionCode", "6:capacityPerDay", "7:code",
        "8:longitude");
    assertThat(first.get("errors").get(3).get("message").asString()).isEqualTo("代码与第 2 行重复");
    JsonNode site = api.as("commander").get(SITES + "/" + a).json();
    assertThat(site.get("name").asString()).isEqualTo("甲采样点");
    assertThat(site.get("capacityPerDay").asInt()).isEqualTo(1200);
    assertThat(site.get("longitude").decimalValue()).isEqualByComparingTo("120.1666");
    assertThat(api.as("commander").get(SITES + "/" + b).json().get("capacityPerDay").isNull()).isTrue();
    String stamped = updatedAt(a);
    long audited = audits(a);
    assertThat(audited).isEqualTo(1);

    JsonNode again = upload(api, "commander", "sampling-sites", csv);
    assertThat(again.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(again)).isEqualTo(errors(first));
    assertThat(updatedAt(a)).as("the same row again writes nothing").isEqualTo(stamped);
    assertThat(audits(a)).isEqualTo(audited);

    // a file without the optional columns corrects what it has and keeps the rest
    JsonNode renamed = upload(api, "commander", "sampling-sites", "code,name,jurisdictionCode\n"
        + a + ",甲采样点（新址）," + COMMUNITY + "\n");
    assertThat(renamed.get("rowsImported").asLong()).isEqualTo(1);
    site = api.as("commander").get(SITES + "/" + a).json();
    assertThat(site.get("name").asString()).isEqualTo("甲采样点（新址）");
    assertThat(site.get("capacityPerDay").asInt()).isEqualTo(1200);
    assertThat(site.get("contactPhone").asString()).isEqualTo("13800138000");
    assertThat(audits(a)).isEqualTo(audited + 1);

    // the district's own sheet: a title row, Chinese headers, 是/否 — the same columns
    JsonNode chinese = upload(api, "commander", "sampling-sites", "东湖区采样点一览表\n"
        + "采样点编码,采样点名称,所属区划,日采样能力,联系电话\n" + a + ",甲采样点（新址）," + COMMUNITY + ",1500,138-0013-9000\n");
    assertThat(chinese.get("rowsRejected").asLong()).as(chinese.toString()).isZero();
    site = api.as("commander").get(SITES + "/" + a).json();
    assertThat(site.get("capacityPerDay").asInt()).isEqualTo(1500);
    assertThat(site.get("contactPhone").asString()).isEqualTo("13800139000");

    // outside the importer's jurisdiction: neither new records nor others' codes
    String username = "siteimport_" + java.util.UUID.randomUUID().toString().substring(0, 6);
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", username, "password", "Places12345",
        "roles", List.of("COMMANDER"), "jurisdictionCode", DemoPlaces.OTHER_DISTRICT)).status()).isEqualTo(201);
    JsonNode outside = api.as(username, "Places12345").upload("/api/v1/imports/sampling-sites?wait=true", "s.csv",
        ("code,name,jurisdictionCode\n" + a + ",夺走," + "990102001001\n" + code("XIF") + ",越界," + COMMUNITY + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(outside.get("rowsImported").asLong()).isZero();
    assertThat(errors(outside)).containsExactly("2:code", "3:jurisdictionCode");
    assertThat(api.as("lab").upload("/api/v1/imports/sampling-sites", "s.csv", "code\n".getBytes()).status())
        .isEqualTo(403);
  }

  @Test
  void labsArriveInAWorkbook() throws Exception {
    String reserve = code("XLR");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet("检测机构");
      String[][] rows = {
          {"code", "name", "jurisdictionCode", "capacityPerDay", "reserve", "mobile"},
          {reserve, "储备实验室", DemoPlaces.DISTRICT, "50000", "是", "否"},
          {code("XLN"), "缺能力实验室", DemoPlaces.DISTRICT, "", "", ""},
          {code("XLB"), "标记不明实验室", DemoPlaces.DISTRICT, "10", "也许", ""}};
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      workbook.write(bytes);
    }
    JsonNode status = api.as("admin").upload("/api/v1/imports/labs?wait=true", "labs.xlsx", bytes.toByteArray())
        .json();
    assertThat(status.get("status").asString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(errors(status)).containsExactly("3:capacityPerDay", "4:reserve");
    JsonNode lab = api.as("admin").get(LABS + "/" + reserve).json();
    assertThat(lab.get("reserve").asBoolean()).isTrue();
    assertThat(lab.get("mobile").asBoolean()).isFalse();
    assertThat(lab.get("capacityPerDay").asInt()).isEqualTo(50_000);
  }

  @Test
  void aRetiredSiteRefusesNewTubesAndARetiredLabNewResultsWhileTheirHistoryStays() {
    String site = code("XRS");
    String lab = code("XRL");
    assertThat(api.as("commander").post(SITES, Map.of("code", site, "name", "临时采样点", "jurisdictionCode",
        COMMUNITY)).status()).isEqualTo(201);
    assertThat(api.as("commander").post(LABS, Map.of("code", lab, "name", "临时实验室", "jurisdictionCode",
        DemoPlaces.DISTRICT, "capacityPerDay", 5000)).status()).isEqualTo(201);
    // the demo lab operator reports for the labs they are bound to
    assertThat(api.as("admin").post("/api/v1/labtest/lab-staff/" + lab, Map.of("username", "lab")).status())
        .isEqualTo(201);
    List<Member> members = persons(api, 3, COMMUNITY);
    String before = "RB" + System.nanoTime();
    String after = "RA" + System.nanoTime();
    String elsewhere = "RE" + System.nanoTime();
    String earlierTube = tubeRows(before, "SINGLE", members.subList(0, 1), site, "2022-11-13T08:00:00+08:00");
    String earlierResult = before + ",NEGATIVE,,,"  + lab + ",2022-11-13T18:00:00+08:00\n";
    upload(api, "lab", "tubes", TUBES_HEADER + earlierTube);
    upload(api, "lab", "results", RESULTS_HEADER + earlierResult);
    assertThat(api.as("commander").post(SITES + "/" + site + "/retire", Map.of()).status()).isEqualTo(200);
    assertThat(api.as("commander").post(LABS + "/" + lab + "/retire", Map.of()).status()).isEqualTo(200);

    JsonNode tubes = upload(api, "lab", "tubes", TUBES_HEADER + earlierTube
        + tubeRows(after, "SINGLE", members.subList(1, 2), site, "2022-11-14T08:00:00+08:00")
        + tubeRows(elsewhere, "SINGLE", members.subList(2, 3), "S990101001001", "2022-11-14T08:00:00+08:00"));
    assertThat(tubes.get("rowsImported").asLong()).as("the earlier tube again, and the tube elsewhere").isEqualTo(2);
    assertThat(errors(tubes)).containsExactly("3:siteCode");
    assertThat(tubes.get("errors").get(0).get("message").asString()).isEqualTo("采样点已停用");
    assertThat(api.as("lab").get("/api/v1/tubes/" + after).status()).isEqualTo(404);

    JsonNode results = upload(api, "lab", "results", RESULTS_HEADER + earlierResult
        + elsewhere + ",NEGATIVE,,," + lab + ",2022-11-14T18:00:00+08:00\n");
    assertThat(results.get("rowsImported").asLong()).as("the earlier result again").isEqualTo(1);
    assertThat(errors(results)).containsExactly("3:labCode");
    assertThat(results.get("errors").get(0).get("message").asString()).isEqualTo("检测机构已停用");
    Api.Answer fhir = FhirSamples.post(api, "lab", "/api/v1/fhir/Observation", FhirSamples.observation(elsewhere, lab,
        FhirSamples.snomed("260385009", "Negative"), null));
    assertThat(fhir.status()).as(fhir.body()).isEqualTo(400);
    assertThat(fhir.json().get("issue").get(0).get("code").asString()).isEqualTo("business-rule");
    assertThat(fhir.json().get("issue").get(0).get("diagnostics").asString()).contains("检测机构已停用");
    assertThat(api.as("lab").get("/api/v1/tubes/" + elsewhere).json().get("state").asString()).isEqualTo("COLLECTED");

    // the history stays: the earlier tube keeps its site and result
    JsonNode earlier = api.as("lab").get("/api/v1/tubes/" + before).json();
    assertThat(earlier.get("state").asString()).isEqualTo("RESULTED");
    assertThat(earlier.get("result").asString()).isEqualTo("NEGATIVE");
    Api.Answer handOver = api.as("lab").post("/api/v1/transport-batches", Map.of("code", "TB" + System.nanoTime(),
        "siteCode", site, "labCode", "LAB01", "barcodes", List.of(elsewhere)));
    assertThat(handOver.status()).isEqualTo(409);
    assertThat(handOver.json().get("detail").asString()).isEqualTo("采样点已停用");

    // back in service, the site takes the tube
    api.as("commander").post(SITES + "/" + site + "/reactivate", Map.of());
    assertThat(upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(after, "SINGLE", members.subList(1, 2), site,
        "2022-11-14T08:00:00+08:00")).get("rowsImported").asLong()).isEqualTo(1);
  }
}
