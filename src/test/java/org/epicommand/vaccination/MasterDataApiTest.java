package org.epicommand.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.vaccination.VaccinationFixtures.COMMUNITY;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Vaccination sites, vaccinators and products as master data through their API and imports: field-level
 * 400s, 409 for a taken code with {@code existingId}, retire and reactivate with each illegal move a 409
 * naming the state, a retired record refusing new doses (409) while keeping its own, the jurisdiction
 * (404 outside), a vaccinator's account binding its holder to the site, audit.
 */
@EpiCommandTest
class MasterDataApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  private static List<String> fields(Api.Answer answer) {
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }

  @Test
  void sitesAreKeptInsideTheOwnersJurisdictionAndRetiredWithTheirHistory() {
    String code = VaccinationFixtures.unique("SX");
    Api.Answer bad = api.as("commander").post("/api/v1/vaccination/sites", Map.of("code", "x", "jurisdictionCode",
        "999999", "contactPhone", "12"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("code", "name", "jurisdictionCode", "contactPhone");
    assertThat(api.as("district").post("/api/v1/vaccination/sites", Map.of("code", code, "name", "越界",
        "jurisdictionCode", DemoPlaces.OTHER_DISTRICT)).status()).as("district staff hold no VACCINATION_ADMIN").isEqualTo(403);
    Api.Answer created = api.as("commander").post("/api/v1/vaccination/sites", Map.of("code", code, "name",
        "湖滨社区卫生服务中心接种门诊", "organisation", "湖滨社区卫生服务中心", "jurisdictionCode", COMMUNITY,
        "contactPhone", "0571-87000000", "mobile", true));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("jurisdictionName").asString()).isNotBlank();
    assertThat(created.json().get("mobile").asBoolean()).isTrue();
    Api.Answer taken = api.as("commander").post("/api/v1/vaccination/sites", Map.of("code", code, "name", "又一个",
        "jurisdictionCode", COMMUNITY));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("existingId").asString()).isEqualTo(code);

    assertThat(api.as("district").get("/api/v1/vaccination/sites/" + code).status()).isEqualTo(200);
    String elsewhere = VaccinationFixtures.site(api, VaccinationFixtures.OTHER_DISTRICT_COMMUNITY);
    assertThat(api.as("district").get("/api/v1/vaccination/sites/" + elsewhere).status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/vaccination/sites?jurisdiction=990102").status()).isEqualTo(404);

    Api.Answer corrected = api.as("commander").put("/api/v1/vaccination/sites/" + code, Map.of("name", "湖滨接种点",
        "jurisdictionCode", COMMUNITY, "address", "湖滨路 1 号"));
    assertThat(corrected.json().get("address").asString()).isEqualTo("湖滨路 1 号");
    assertThat(corrected.json().get("mobile").asBoolean()).isFalse();

    assertThat(api.as("commander").post("/api/v1/vaccination/sites/" + code + "/retire", "").json().get("status")
        .asString()).isEqualTo("RETIRED");
    Api.Answer twice = api.as("commander").post("/api/v1/vaccination/sites/" + code + "/retire", "");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(api.as("commander").get("/api/v1/vaccination/sites?active=true&q=" + code).json().get("items").size())
        .isZero();
    assertThat(api.as("commander").get("/api/v1/vaccination/sites?active=false&q=" + code).json().get("items").size())
        .isEqualTo(1);
    assertThat(api.as("commander").post("/api/v1/vaccination/sites/" + code + "/reactivate", "").json().get("status")
        .asString()).isEqualTo("ACTIVE");
    Api.Answer active = api.as("commander").post("/api/v1/vaccination/sites/" + code + "/reactivate", "");
    assertThat(active.json().get("currentState").asString()).isEqualTo("ACTIVE");

    Api.Answer audit = api.as("auditor").get("/api/v1/audit?subjectId=" + code);
    assertThat(audit.json().get("items").valueStream().map(e -> e.get("action").asString() + " "
        + e.get("detail").asString())).contains("CREATE 湖滨社区卫生服务中心接种门诊", "UPDATE 湖滨接种点", "UPDATE retired",
        "UPDATE back in service");
  }

  @Test
  void productsCarryTheirRulesAndARetiredOneRefusesNewDoses() {
    Api.Answer bad = api.as("commander").post("/api/v1/vaccination/products", Map.of("code", "P1", "name", "x",
        "manufacturer", "y", "primaryDoses", 0, "minAge", 200, "cvx", "abc"));
    assertThat(fields(bad)).containsExactlyInAnyOrder("platform", "primaryDoses", "minAge", "cvx");
    Api.Answer sameName = api.as("commander").post("/api/v1/vaccination/products", Map.of("code",
        VaccinationFixtures.unique("P"), "name", "新冠病毒灭活疫苗（Vero细胞）", "manufacturer", "北京生物制品研究所有限责任公司",
        "platform", "INACTIVATED", "primaryDoses", 2, "minAge", 3));
    assertThat(sameName.status()).isEqualTo(409);
    assertThat(sameName.json().get("existingId").asString()).isEqualTo("BIBP");
    String code = VaccinationFixtures.unique("PR");
    Api.Answer created = api.as("commander").post("/api/v1/vaccination/products", Map.of("code", code, "name",
        "测试疫苗" + code, "manufacturer", "测试厂", "platform", "RECOMBINANT_PROTEIN", "primaryDoses", 3,
        "minIntervalDays", 28, "minAge", 18, "maxAge", 59));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("boosterIntervalMonths").asInt()).isEqualTo(3);
    assertThat(api.as("community").get("/api/v1/vaccination/products/" + code).json().get("maxAge").asInt())
        .isEqualTo(59);
    assertThat(api.as("community").post("/api/v1/vaccination/products", Map.of()).status()).isEqualTo(403);

    String site = VaccinationFixtures.site(api, COMMUNITY);
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1990, 1, 1), COMMUNITY);
    assertThat(api.as("cdc").post("/api/v1/vaccination/doses", VaccinationFixtures.dose(person.id(), 1, code,
        TODAY.minusMonths(2), site)).status()).isEqualTo(201);
    api.as("commander").post("/api/v1/vaccination/products/" + code + "/retire", "");
    Api.Answer refused = api.as("cdc").post("/api/v1/vaccination/doses", VaccinationFixtures.dose(person.id(), 2, code,
        TODAY.minusDays(2), site));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(api.as("cdc").get("/api/v1/vaccination/persons/" + person.id()).json().get("doses").get(0)
        .get("productName").asString()).isEqualTo("测试疫苗" + code);
  }

  @Test
  void aVaccinatorsAccountRecordsDosesAtTheirOwnSiteOnly() {
    String site = VaccinationFixtures.site(api, COMMUNITY);
    String other = VaccinationFixtures.site(api, COMMUNITY);
    String username = "vx" + VaccinationFixtures.unique("").toLowerCase();
    Api.Answer account = api.as("admin").post("/api/v1/users", Map.of("username", username, "password",
        "Vaccinate2022", "roles", List.of("VACCINATOR"), "jurisdictionCode", DemoPlaces.DISTRICT));
    assertThat(account.status()).as(account.body()).isEqualTo(201);
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1985, 5, 5), COMMUNITY);
    Api.Caller vaccinator = api.as(username, "Vaccinate2022");
    Map<String, Object> dose = new HashMap<>(Map.of("personId", person.id(), "doseNumber", 1, "productCode", "BIBP",
        "batch", "202211A", "date", TODAY.minusDays(1).toString()));
    Api.Answer unbound = vaccinator.post("/api/v1/vaccination/doses", dose);
    assertThat(unbound.status()).isEqualTo(409);
    assertThat(unbound.json().get("detail").asString()).contains("未绑定接种人员");

    String code = VaccinationFixtures.unique("VC");
    assertThat(fields(api.as("commander").post("/api/v1/vaccination/vaccinators", Map.of("code", code, "name", "李护士",
        "siteCode", "NOSUCH", "username", "community")))).containsExactlyInAnyOrder("siteCode", "username");
    Api.Answer bound = api.as("commander").post("/api/v1/vaccination/vaccinators", Map.of("code", code, "name",
        "李护士", "siteCode", site, "username", username, "certificate", "ZJ-2021-0815"));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    Api.Answer second = api.as("commander").post("/api/v1/vaccination/vaccinators", Map.of("code",
        VaccinationFixtures.unique("VC"), "name", "王医生", "siteCode", site, "username", username));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("existingId").asString()).isEqualTo(code);

    dose.put("siteCode", other);
    assertThat(fields(vaccinator.post("/api/v1/vaccination/doses", dose))).containsExactly("siteCode");
    dose.remove("siteCode");
    Api.Answer recorded = vaccinator.post("/api/v1/vaccination/doses", dose);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.json().get("siteCode").asString()).isEqualTo(site);
    assertThat(recorded.json().get("vaccinatorCode").asString()).isEqualTo(code);

    api.as("commander").post("/api/v1/vaccination/vaccinators/" + code + "/retire", "");
    Map<String, Object> next = new HashMap<>(dose);
    next.put("doseNumber", 2);
    next.put("date", TODAY.toString());
    Api.Answer retired = vaccinator.post("/api/v1/vaccination/doses", next);
    assertThat(retired.status()).isEqualTo(409);
    assertThat(retired.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(api.as("district").get("/api/v1/vaccination/vaccinators?siteCode=" + site).json().get("items")
        .valueStream().map(v -> v.get("code").asString() + "/" + v.get("status").asString()))
        .containsExactly(code + "/RETIRED");
  }

  @Test
  void sitesAndVaccinatorsImportUnderTheSystemsHeadersCreateCorrectAndRepeatIdempotently() {
    String a = VaccinationFixtures.unique("IS");
    String b = VaccinationFixtures.unique("IT");
    String sites = "接种点编码,接种点名称,区划代码,地址,联系电话,流动接种点\n"
        + a + ",东湖社区接种点," + COMMUNITY + ",东湖路 8 号,0571-88000000,否\n"
        + b + ",流动接种队," + COMMUNITY + ",,13900001111,是\n"
        + a + ",重复一行," + COMMUNITY + ",,,\n"
        + VaccinationFixtures.unique("IU") + ",外区接种点,990102001001,,,\n"
        + "x,坏代码," + COMMUNITY + ",,,\n";
    JsonNode first = upload("district", "vaccination-sites", sites);
    assertThat(first.get("status").asString()).isEqualTo("FAILED");
    first = upload("commander", "vaccination-sites", sites);
    assertThat(first.get("rowsImported").asLong()).as(first.toString()).isEqualTo(3);
    Map<Integer, String> errors = new java.util.TreeMap<>();
    first.get("errors").forEach(e -> errors.put(e.get("row").asInt(), e.get("field").asString()));
    assertThat(errors).containsEntry(4, "code").containsEntry(6, "code").hasSize(2);
    assertThat(api.as("commander").get("/api/v1/vaccination/sites/" + b).json().get("mobile").asBoolean()).isTrue();
    JsonNode again = upload("commander", "vaccination-sites", "接种点编码,接种点名称,区划代码\n" + a + ",东湖社区接种点,"
        + COMMUNITY + "\n");
    assertThat(again.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(api.as("commander").get("/api/v1/vaccination/sites/" + a).json().get("address").asString())
        .as("a column the file lacks keeps its value").isEqualTo("东湖路 8 号");

    String v = VaccinationFixtures.unique("IV");
    JsonNode vaccinators = upload("commander", "vaccinators", "工号,姓名,接种点编码,手机号\n" + v + ",赵护士," + a
        + ",13800138000\n" + VaccinationFixtures.unique("IW") + ",无站点,NOSUCH,\n");
    assertThat(vaccinators.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(vaccinators.get("errors").get(0).get("field").asString()).isEqualTo("siteCode");
    assertThat(api.as("commander").get("/api/v1/vaccination/vaccinators/" + v).json().get("siteName").asString())
        .isEqualTo("东湖社区接种点");
  }

  private JsonNode upload(String user, String kind, String csv) {
    Api.Answer answer = api.as(user).upload("/api/v1/imports/" + kind + "?wait=true", kind + ".csv",
        csv.getBytes(StandardCharsets.UTF_8));
    if (answer.status() == 403) {
      return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("status", "FAILED");
    }
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }
}
