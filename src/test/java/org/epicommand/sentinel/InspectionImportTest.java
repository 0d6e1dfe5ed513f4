package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.errors;
import static org.epicommand.labtest.LabtestFixtures.residentId;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Import kind {@code pharmacy-inspections} (market regulation's inspection register): the rows under one number are
 * one inspection, each adding its buyer with their verification item; bad cells, a row that contradicts the
 * inspection already imported under its number, a pharmacy outside the importer's district are row errors with
 * their lines, nothing of them stored; a re-import adds nothing, a later file adds a forgotten buyer; a number
 * withdrawn takes no more rows; only market regulation imports.
 */
@EpiCommandTest
class InspectionImportTest {

  static final String HEADER = "药店代码,检查编号,检查日期,检查结论,检查情况,处理措施,购药人证件类型,购药人证件号码,购药人姓名,"
      + "购药人手机号,购药人所属社区\n";

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aRegistersRowsAreItsInspectionsWithTheirBuyersOnceAndRowErrorsStoreNothing() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "登记药房" + tag, DemoPlaces.COMMUNITY);
    String elsewhere = SentinelFixtures.pharmacy(api, "外区药房" + tag, DemoPlaces.OTHER_DISTRICT_COMMUNITY);
    LocalDate day = LocalDate.now(PharmacyInspectionApiTest.CITY_ZONE).minusDays(1);
    String found = "未实名登记销售退烧药" + tag;
    String violation = pharmacy + ",JC-1-" + tag + "," + day + ",发现违规," + found + ",限制经营,";
    String csv = HEADER
        + violation + "身份证," + residentId() + ",导入甲" + tag + ",13800138000," + DemoPlaces.COMMUNITY + "\n"
        + violation + "," + residentId() + ",导入乙" + tag + ",13900139000," + DemoPlaces.NEIGHBOUR + "\n"
        + pharmacy + ",JC-2-" + tag + "," + day + ",合规,证照齐全" + tag + ",,,,,,\n"
        // the same number on another day: not the inspection imported under it
        + pharmacy + ",JC-1-" + tag + "," + day.minusDays(1) + ",发现违规," + found + ",限制经营,," + residentId()
        + ",导入丙" + tag + ",13800138002,\n"
        + pharmacy + ",JC-3-" + tag + "," + day.plusDays(2) + ",合规,明天的检查,,,,,,\n"
        + pharmacy + ",JC-4-" + tag + "," + day + ",合格吧,写错的结论,,,,,,\n"
        + pharmacy + ",," + day + ",合规,没有编号,,,,,,\n"
        + elsewhere + ",JC-5-" + tag + "," + day + ",合规,外区药房,,,,,,\n"
        + pharmacy + ",JC-6-" + tag + "," + day + ",合规,合规却有购药人,,," + residentId() + ",导入丁" + tag
        + ",13800138003,\n"
        + pharmacy + ",JC-7-" + tag + "," + day + ",VIOLATION_FOUND,坏证件号,,,110101199001011234,导入戊" + tag
        + ",13800138004,\n";

    assertThat(api.as("community").upload("/api/v1/imports/pharmacy-inspections?wait=true", "i.csv",
        csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    JsonNode first = importRegister(csv);
    assertThat(first.get("rowsImported").asInt()).isEqualTo(3);
    assertThat(errors(first)).containsExactly("5:inspectedOn", "6:inspectedOn", "7:outcome", "8:reference",
        "9:pharmacy", "10:buyerIdNumber", "11:buyerIdNumber");
    assertThat(first.get("errors").get(0).get("message").asString()).contains(day.toString());

    List<JsonNode> inspections = inspections(pharmacy);
    assertThat(inspections).extracting(i -> i.get("reference").asString())
        .containsExactlyInAnyOrder("JC-1-" + tag, "JC-2-" + tag);
    JsonNode register = inspections.stream().filter(i -> i.get("reference").asString().equals("JC-1-" + tag))
        .findFirst().orElseThrow();
    assertThat(register.get("outcome").asString()).isEqualTo("VIOLATION_FOUND");
    assertThat(register.get("inspectedOn").asString()).isEqualTo(day.toString());
    assertThat(register.get("inspector").asString()).isEqualTo("district");
    assertThat(register.get("buyers").valueStream().map(b -> b.get("name").asString()).toList())
        .containsExactly("导入甲" + tag, "导入乙" + tag);
    assertThat(api.as("district").get("/api/v1/sentinel/pharmacies/" + pharmacy).json().get("status").asString())
        .isEqualTo("RESTRICTED");
    JsonNode item = api.as("community").get("/api/v1/sentinel/verification?size=500").json().get("items")
        .valueStream().filter(i -> i.get("name").asString().equals("导入甲" + tag)).findFirst().orElseThrow();
    assertThat(item.get("source").asString()).isEqualTo("INSPECTION");
    assertThat(item.get("inspectionId").asString()).isEqualTo(register.get("id").asString());
    assertThat(items(register)).isEqualTo(2);

    // the same file again adds nothing
    JsonNode again = importRegister(csv);
    assertThat(again.get("rowsImported").asInt()).isEqualTo(3);
    assertThat(again.get("rowsAlreadyPresent").asInt()).isEqualTo(3);
    assertThat(inspections(pharmacy)).hasSize(2);
    assertThat(items(register)).isEqualTo(2);

    // a buyer the first file forgot, under the same number: added to that inspection, with their item
    JsonNode later = importRegister(HEADER + violation + "," + residentId() + ",导入己" + tag + ",13800138005,\n");
    assertThat(later.get("rowsImported").asInt()).isEqualTo(1);
    assertThat(later.get("rowsAlreadyPresent").asInt()).isZero();
    assertThat(inspections(pharmacy)).hasSize(2).filteredOn(i -> i.get("id").equals(register.get("id")))
        .singleElement().satisfies(i -> assertThat(i.get("buyers").valueStream().map(b -> b.get("name").asString())
            .toList()).containsExactly("导入甲" + tag, "导入乙" + tag, "导入己" + tag));
    assertThat(items(register)).isEqualTo(3);

    // a number withdrawn takes no more rows
    String compliant = inspections(pharmacy).stream().filter(i -> i.get("reference").asString()
        .equals("JC-2-" + tag)).findFirst().orElseThrow().get("id").asString();
    assertThat(api.as("district").post("/api/v1/sentinel/pharmacies/" + pharmacy + "/inspections/" + compliant
        + "/withdraw", Map.of("reason", "录错药店")).status()).isEqualTo(200);
    JsonNode withdrawn = importRegister(HEADER + pharmacy + ",JC-2-" + tag + "," + day + ",合规,证照齐全" + tag
        + ",,,,,,\n");
    assertThat(errors(withdrawn)).containsExactly("2:reference");

    // the pharmacy's page shows the register's number
    assertThat(WebSession.login(api, "district").get("/sentinel/pharmacies/" + pharmacy).body())
        .contains("检查编号 JC-1-" + tag + "（导入）");
  }

  private JsonNode importRegister(String csv) {
    return importRegister(api, csv);
  }

  /** A register imported by market regulation ({@code district}), waited for. */
  static JsonNode importRegister(Api api, String csv) {
    Api.Answer answer = api.as("district").upload("/api/v1/imports/pharmacy-inspections?wait=true",
        "inspections.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).as(answer.body()).isEqualTo("DONE");
    return answer.json();
  }

  private List<JsonNode> inspections(String pharmacy) {
    Api.Answer list = api.as("district").get("/api/v1/sentinel/pharmacies/" + pharmacy + "/inspections");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().valueStream().toList();
  }

  private long items(JsonNode inspection) {
    return jdbc.sql("select count(*) from sentinel_verification where inspection_id = ?::uuid")
        .param(inspection.get("id").asString()).query(Long.class).single();
  }
}
