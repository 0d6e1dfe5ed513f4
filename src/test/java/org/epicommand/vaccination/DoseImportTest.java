package org.epicommand.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.vaccination.VaccinationFixtures.COMMUNITY;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The {@code doses} import as a provincial immunisation system's export: a dose 2 that brings a person
 * to their band's goal closes their door-to-door item in the same import (销号), a dose dated before
 * dose 1 or a gap is a row error with its line, products named by code, CVX code or Chinese name with
 * the maker, Chinese headers, and importing the same file twice adds nothing.
 */
@EpiCommandTest
class DoseImportTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  private JsonNode upload(String user, String csv) {
    Api.Answer answer = api.as(user).upload("/api/v1/imports/doses?wait=true", "doses.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).as(answer.body()).isEqualTo("DONE");
    return answer.json();
  }

  private List<String> openList(String user) {
    return api.as(user).get("/api/v1/vaccination/targets/mine?size=500").json().get("items").valueStream()
        .map(i -> i.get("personId").asString()).toList();
  }

  private JsonNode closedItem(String user, String personId) {
    return api.as(user).get("/api/v1/vaccination/targets/mine?closed=true&size=500").json().get("items")
        .valueStream().filter(i -> i.get("personId").asString().equals(personId)).findFirst().orElse(null);
  }

  @Test
  void aPersonWhoseBoosterArrivesInAnImportLeavesTheWorkersListInThatImport() {
    String site = VaccinationFixtures.site(api, COMMUNITY);
    VaccinationFixtures.Registered senior = VaccinationFixtures.person(api, LocalDate.of(TODAY.getYear() - 65, 4, 1),
        COMMUNITY);
    VaccinationFixtures.Registered other = VaccinationFixtures.person(api, LocalDate.of(TODAY.getYear() - 70, 6, 6),
        COMMUNITY);
    LocalDate first = TODAY.minusMonths(5);
    // a one-dose product: the primary course is complete, the goal of 60–79 (a booster) not yet
    JsonNode started = upload("cdc", "idType,idNumber,doseNumber,productCode,batch,date,siteCode\n"
        + "RESIDENT_ID," + senior.idNumber() + ",1,CANSINO,L202201," + first + "," + site + "\n"
        + "RESIDENT_ID," + other.idNumber() + ",1,BIBP,L202202," + first + "," + site + "\n");
    assertThat(started.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(api.as("community").post("/api/v1/vaccination/targets/generate", "").status()).isEqualTo(200);
    assertThat(openList("community")).contains(senior.id(), other.id());
    JsonNode item = api.as("community").get("/api/v1/vaccination/targets/mine?size=500").json().get("items")
        .valueStream().filter(i -> i.get("personId").asString().equals(senior.id())).findFirst().orElseThrow();
    assertThat(item.get("status").asString()).isEqualTo("PRIMARY_COMPLETE");
    assertThat(item.get("goal").asString()).isEqualTo("BOOSTED");
    assertThat(item.get("ageBand").asString()).isEqualTo("AGE_60_69");

    String file = "idType,idNumber,doseNumber,productCode,batch,date,siteCode\n"
        + "RESIDENT_ID," + senior.idNumber() + ",2,BIBP,L202207," + first.plusMonths(4) + "," + site + "\n"
        + "RESIDENT_ID," + other.idNumber() + ",2,BIBP,L202208," + first.minusDays(2) + "," + site + "\n"
        + "RESIDENT_ID," + other.idNumber() + ",4,BIBP,L202209," + TODAY.minusDays(2) + "," + site + "\n"
        + "RESIDENT_ID,460105199001011234,1,BIBP,L1," + first + "," + site + "\n";
    JsonNode imported = upload("cdc", file);
    assertThat(imported.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(imported.get("rowsRejected").asLong()).isEqualTo(3);
    Map<Integer, String> errors = new java.util.TreeMap<>();
    imported.get("errors").forEach(e -> errors.put(e.get("row").asInt(), e.get("field").asString() + ": "
        + e.get("message").asString()));
    assertThat(errors.get(3)).isEqualTo("date: 早于第 1 剂的接种日期 " + first);
    assertThat(errors.get(4)).isEqualTo("doseNumber: 第 4 剂之前缺少第 2 剂");
    assertThat(errors.get(5)).startsWith("idNumber:");

    assertThat(openList("community")).doesNotContain(senior.id()).contains(other.id());
    JsonNode closed = closedItem("community", senior.id());
    assertThat(closed.get("closedReason").asString()).isEqualTo("VACCINATED");
    assertThat(closed.get("status").asString()).isEqualTo("BOOSTED");

    JsonNode again = upload("cdc", file);
    assertThat(again.get("rowsAlreadyPresent").asLong()).isEqualTo(1);
    assertThat(again.get("rowsAdded").asLong()).isZero();
    assertThat(api.as("cdc").get("/api/v1/vaccination/persons/" + senior.id()).json().get("doses").size())
        .isEqualTo(2);
  }

  @Test
  void productsAreNamedByCodeCvxOrChineseNameUnderTheSystemsChineseHeaders() {
    String site = VaccinationFixtures.site(api, COMMUNITY);
    VaccinationFixtures.Registered a = VaccinationFixtures.person(api, LocalDate.of(1980, 1, 1), COMMUNITY);
    VaccinationFixtures.Registered b = VaccinationFixtures.person(api, LocalDate.of(1981, 1, 1), COMMUNITY);
    LocalDate day = TODAY.minusMonths(3);
    JsonNode imported = upload("cdc", "身份证号,剂次,疫苗名称,生产企业,疫苗批号,接种日期,接种单位编码\n"
        + a.idNumber() + ",第1剂,新冠病毒灭活疫苗(Vero细胞),北京科兴," + "K1," + day.toString().replace("-", "/") + "," + site
        + "\n" + a.idNumber() + ",第二剂,511,," + "K2," + day.plusDays(28) + "," + site + "\n"
        + b.idNumber() + ",1,新冠病毒灭活疫苗（Vero细胞）,," + "X1," + day + "," + site + "\n"
        + b.idNumber() + ",1,ZF2001,," + "Z1," + day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth()
        + "日," + site + "\n");
    assertThat(imported.get("rowsImported").asLong()).as(imported.toString()).isEqualTo(3);
    assertThat(imported.get("errors").get(0).get("row").asInt()).isEqualTo(4);
    assertThat(imported.get("errors").get(0).get("field").asString()).isEqualTo("productCode");
    JsonNode recordA = api.as("cdc").get("/api/v1/vaccination/persons/" + a.id()).json();
    assertThat(recordA.get("doses").valueStream().map(d -> d.get("productCode").asString()).toList())
        .containsExactly("SINOVAC", "SINOVAC");
    assertThat(recordA.get("status").asString()).isEqualTo("PRIMARY_COMPLETE");
    JsonNode recordB = api.as("cdc").get("/api/v1/vaccination/persons/" + b.id()).json();
    assertThat(recordB.get("doses").get(0).get("productCode").asString()).isEqualTo("ZF2001");
    assertThat(recordB.get("status").asString()).isEqualTo("PARTIAL");
  }

  @Test
  void theImportNeedsItsAuthorityAndRefusesARetiredSiteRowByRow() {
    String site = VaccinationFixtures.site(api, COMMUNITY);
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1975, 7, 7), COMMUNITY);
    api.as("commander").post("/api/v1/vaccination/sites/" + site + "/retire", "");
    String csv = "idType,idNumber,doseNumber,productCode,batch,date,siteCode\nRESIDENT_ID," + person.idNumber()
        + ",1,BIBP,R1," + TODAY.minusDays(5) + "," + site + "\n";
    assertThat(api.as("community").upload("/api/v1/imports/doses?wait=true", "d.csv",
        csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    JsonNode imported = upload("commander", csv);
    assertThat(imported.get("rowsRejected").asLong()).isEqualTo(1);
    assertThat(imported.get("errors").get(0).get("message").asString()).contains(site).contains("已停用");
  }
}
