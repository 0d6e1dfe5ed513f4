package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.errors;
import static org.epicommand.labtest.LabtestFixtures.residentId;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Market regulation keeps the drug catalogue: a product's name and class corrected (400 by field, 404 for an
 * unknown number), retired with a reason (a retired product cannot be sold, 409 the second time) and restored
 * (then sold again); on the rules page as through the API; and the catalogue imported (kind
 * {@code drug-catalogue}): new products added, a changed one corrected with a warning, one as it is already
 * present, bad rows refused with their lines, a re-import adding nothing. Every change audited.
 */
@EpiCommandTest
class DrugCatalogueTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aProductIsCorrectedRetiredAndRestoredAndARetiredOneIsNotSold() {
    String number = "国药准字H" + String.format("%08d", System.nanoTime() % 100_000_000L);
    String path = "/api/v1/sentinel/drug-catalogue/" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    assertThat(api.as("commander").post("/api/v1/sentinel/drug-catalogue", Map.of("approvalNumber", number,
        "product", "错名片", "drugClass", "ANTIVIRAL")).status()).isEqualTo(201);

    Api.Answer bad = api.as("commander").put(path, Map.of("product", " "));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactlyInAnyOrder("product", "drugClass");
    assertThat(api.as("commander").put("/api/v1/sentinel/drug-catalogue/"
        + URLEncoder.encode("国药准字H00000000", StandardCharsets.UTF_8), Map.of("product", "无", "drugClass",
        "ANTIVIRAL")).status()).isEqualTo(404);
    assertThat(api.as("community").put(path, Map.of("product", "x", "drugClass", "ANTIVIRAL")).status())
        .isEqualTo(403);
    Api.Answer corrected = api.as("commander").put(path, Map.of("product", "对乙酰氨基酚片（更正）", "drugClass",
        "ANTIPYRETIC_ANALGESIC"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("product").asString()).isEqualTo("对乙酰氨基酚片（更正）");
    assertThat(corrected.json().get("drugClass").asString()).isEqualTo("ANTIPYRETIC_ANALGESIC");

    // a sale of it is registered under its corrected class
    String pharmacy = SentinelFixtures.pharmacy(api, "目录药房" + System.nanoTime() % 100_000, SentinelApiTest.COMMUNITY);
    Map<String, Object> sale = SentinelApiTest.purchase(residentId(), number);
    sale.put("pharmacy", pharmacy);
    Api.Answer sold = api.as("commander").post("/api/v1/sentinel/purchases", sale);
    assertThat(sold.status()).as(sold.body()).isEqualTo(201);
    assertThat(sold.json().get("drugClass").asString()).isEqualTo("ANTIPYRETIC_ANALGESIC");

    assertThat(api.as("commander").post(path + "/retire", Map.of("reason", " ")).status()).isEqualTo(400);
    Api.Answer retired = api.as("commander").post(path + "/retire", Map.of("reason", "生产企业已停产"));
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().get("retired").asBoolean()).isTrue();
    Api.Answer twice = api.as("commander").post(path + "/retire", Map.of("reason", "再次"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("RETIRED");
    Map<String, Object> refused = SentinelApiTest.purchase(residentId(), number);
    refused.put("pharmacy", pharmacy);
    Api.Answer notSold = api.as("commander").post("/api/v1/sentinel/purchases", refused);
    assertThat(notSold.status()).isEqualTo(400);
    assertThat(notSold.body()).contains("\"approvalNumber\"");
    assertThat(api.as("commander").get("/api/v1/sentinel/drug-catalogue").json().valueStream()
        .noneMatch(p -> p.get("approvalNumber").asString().equals(number))).isTrue();
    assertThat(api.as("commander").get("/api/v1/sentinel/drug-catalogue?retired=true").json().valueStream()
        .filter(p -> p.get("approvalNumber").asString().equals(number)).findFirst().orElseThrow()
        .get("retired").asBoolean()).isTrue();

    Api.Answer restored = api.as("commander").post(path + "/restore", Map.of());
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().get("retired").asBoolean()).isFalse();
    assertThat(api.as("commander").post(path + "/restore", Map.of()).status()).isEqualTo(409);
    Map<String, Object> again = SentinelApiTest.purchase(residentId(), number);
    again.put("pharmacy", pharmacy);
    assertThat(api.as("commander").post("/api/v1/sentinel/purchases", again).status()).isEqualTo(201);
    assertThat(jdbc.sql("select detail from audit_event where subject_type = 'SENTINEL_DRUG' and subject_id = ?"
        + " order by id").param(number).query(String.class).list()).containsExactly("product ANTIVIRAL",
        "product corrected: 错名片 ANTIVIRAL -> 对乙酰氨基酚片（更正） ANTIPYRETIC_ANALGESIC",
        "product retired: 生产企业已停产", "product restored");
  }

  @Test
  void theRulesPageCorrectsRetiresAndRestoresAProduct() {
    String number = "国药准字Z" + String.format("%08d", (System.nanoTime() + 3) % 100_000_000L);
    assertThat(api.as("commander").post("/api/v1/sentinel/drug-catalogue", Map.of("approvalNumber", number,
        "product", "页面药", "drugClass", "TCM_HEAT_CLEARING")).status()).isEqualTo(201);
    WebSession commander = WebSession.login(api, "commander");
    assertThat(commander.get("/sentinel/rules").body()).contains("data-product=\"" + number + "\"",
        "data-testid=\"product-edit\"");
    commander.postForm("/sentinel/rules/products/correct", Map.of("approvalNumber", number, "product", "页面药（新）",
        "drugClass", "TCM_EXTERIOR_RELEASING"), true);
    commander.postForm("/sentinel/rules/products/retire", Map.of("approvalNumber", number, "reason", "不再销售"), true);
    String page = commander.get("/sentinel/rules").body();
    String item = page.substring(page.indexOf("data-product=\"" + number + "\""));
    assertThat(item.substring(0, item.indexOf("</li>"))).contains("页面药（新）", "中药解表类", "已移出目录",
        "data-testid=\"restore-product\"");
    commander.postForm("/sentinel/rules/products/restore", Map.of("approvalNumber", number), true);
    assertThat(api.as("commander").get("/api/v1/sentinel/drug-catalogue").json().valueStream()
        .anyMatch(p -> p.get("approvalNumber").asString().equals(number))).isTrue();
    // the community worker reads the catalogue without its controls
    String read = WebSession.login(api, "community").get("/sentinel/rules").body();
    assertThat(read).contains("页面药（新）").doesNotContain("data-testid=\"product-edit\"");
  }

  @Test
  void theCatalogueIsImportedAddingAndCorrectingOnce() {
    long n = System.nanoTime() % 10_000_000L;
    String added = "国药准字H" + String.format("%08d", 10_000_000 + n);
    String changed = "国药准字Z" + String.format("%08d", 20_000_000 + n);
    assertThat(api.as("commander").post("/api/v1/sentinel/drug-catalogue", Map.of("approvalNumber", changed,
        "product", "旧名颗粒", "drugClass", "TCM_HEAT_CLEARING")).status()).isEqualTo(201);
    String csv = "批准文号,药品名称,药品类别\n"
        + added + ",新进布洛芬混悬液,退热镇痛类\n"
        + changed + ",新名颗粒,TCM_EXTERIOR_RELEASING\n"
        + "国药准字H10900089,布洛芬缓释胶囊,退热镇痛类\n"
        + "H123,坏文号,抗病毒类\n"
        + "国药准字S" + String.format("%08d", 30_000_000 + n) + ",无类药,保健品\n";
    JsonNode first = importCatalogue(csv);
    assertThat(first.get("rowsImported").asInt()).isEqualTo(3);
    assertThat(first.get("rowsAlreadyPresent").asInt()).isEqualTo(1);
    assertThat(errors(first)).containsExactly("5:approvalNumber", "6:drugClass");
    assertThat(first.get("warnings").get(0).get("row").asInt()).isEqualTo(3);
    assertThat(first.get("warnings").get(0).get("message").asString()).contains("旧名颗粒");
    JsonNode catalogue = api.as("commander").get("/api/v1/sentinel/drug-catalogue").json();
    assertThat(product(catalogue, added).get("drugClass").asString()).isEqualTo("ANTIPYRETIC_ANALGESIC");
    assertThat(product(catalogue, changed).get("product").asString()).isEqualTo("新名颗粒");
    assertThat(product(catalogue, changed).get("drugClass").asString()).isEqualTo("TCM_EXTERIOR_RELEASING");

    JsonNode again = importCatalogue(csv);
    assertThat(again.get("rowsImported").asInt()).isEqualTo(3);
    assertThat(again.get("rowsAlreadyPresent").asInt()).isEqualTo(3);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_DRUG'"
        + " and subject_id in (?, ?)").params(added, changed).query(Long.class).single()).isEqualTo(3);
    assertThat(api.as("community").upload("/api/v1/imports/drug-catalogue?wait=true", "c.csv",
        csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
  }

  private JsonNode importCatalogue(String csv) {
    Api.Answer answer = api.as("commander").upload("/api/v1/imports/drug-catalogue?wait=true", "catalogue.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).as(answer.body()).isEqualTo("DONE");
    return answer.json();
  }

  private static JsonNode product(JsonNode catalogue, String number) {
    return catalogue.valueStream().filter(p -> p.get("approvalNumber").asString().equals(number)).findFirst()
        .orElseThrow();
  }
}
