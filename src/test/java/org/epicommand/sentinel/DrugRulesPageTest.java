package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Market regulation keeps the drug sales rules and the catalogue on their own page and through the API: a product
 * with a malformed approval number or no name is refused field by field and nothing is stored, the same number
 * twice is 409 naming it; a rule added on the page is stored as the API stores it; the community worker reads
 * the rules that hold in their community, and only reads.
 */
@EpiCommandTest
class DrugRulesPageTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void rulesAndProductsAreKeptOnTheirPageAndThroughTheApi() {
    String number = "国药准字H" + String.format("%08d", System.nanoTime() % 100_000_000L);
    Api.Answer bad = api.as("commander").post("/api/v1/sentinel/drug-catalogue", Map.of("approvalNumber",
        "H12345678", "product", " ", "drugClass", "ANTIVIRAL"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactlyInAnyOrder("approvalNumber", "product");
    Api.Answer added = api.as("commander").post("/api/v1/sentinel/drug-catalogue", Map.of("approvalNumber",
        number, "product", "测试感冒药", "drugClass", "ANTIVIRAL"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    Api.Answer twice = api.as("commander").post("/api/v1/sentinel/drug-catalogue", Map.of("approvalNumber",
        number, "product", "又一个", "drugClass", "ANTIVIRAL"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(number);
    assertThat(api.as("community").post("/api/v1/sentinel/drug-catalogue", Map.of()).status()).isEqualTo(403);
    assertThat(api.as("commander").get("/api/v1/sentinel/drug-catalogue").json().valueStream()
        .anyMatch(p -> p.get("approvalNumber").asString().equals(number))).isTrue();
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_DRUG' and subject_id = ?")
        .param(number).query(Long.class).single()).isEqualTo(1);

    WebSession commander = WebSession.login(api, "commander");
    WebSession.Page page = commander.get("/sentinel/rules");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("测试感冒药", "data-testid=\"rule-form\"", "data-testid=\"product-form\"");
    String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(40 + System.nanoTime() % 300).toString();
    WebSession.Page refused = commander.postForm("/sentinel/rules", Map.of("jurisdictionCode", "990101",
        "effectiveFrom", day, "drugClass", "", "mode", ""), true);
    assertThat(follow(commander, refused).body()).contains("data-field-error=\"drugClass\"")
        .contains("data-field-error=\"mode\"");
    commander.postForm("/sentinel/rules", Map.of("jurisdictionCode", "990101", "effectiveFrom", day,
        "drugClass", "TCM_PHLEGM_COUGH", "mode", "REAL_NAME", "note", "页面新增" + day), true);
    assertThat(jdbc.sql("select mode from sentinel_drug_policy where jurisdiction_code = '990101'"
        + " and effective_from = ?::date and drug_class = 'TCM_PHLEGM_COUGH'").param(day).query(String.class).single())
        .isEqualTo("REAL_NAME");
    assertThat(commander.get("/sentinel/rules").body()).contains("页面新增" + day, "中药化痰止咳类", "实名登记");
    String second = "国药准字Z" + String.format("%08d", (System.nanoTime() + 7) % 100_000_000L);
    commander.postForm("/sentinel/rules/products", Map.of("approvalNumber", second, "product", "页面新药",
        "drugClass", "TCM_HEAT_CLEARING"), true);
    assertThat(commander.get("/sentinel/rules").body()).contains("页面新药");
    String patch = "国械注准2026" + String.format("%07d", System.nanoTime() % 10_000_000L);
    assertThat(api.as("commander").post("/api/v1/sentinel/drug-catalogue", Map.of("approvalNumber", patch,
        "product", "退热贴（器械）", "drugClass", "FEVER_PATCH")).status()).as("a device's registration").isEqualTo(201);

    // the community worker reads the rules that hold in their community, and only reads
    WebSession community = WebSession.login(api, "community");
    WebSession.Page read = community.get("/sentinel/rules");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).contains("页面新增" + day).doesNotContain("data-testid=\"rule-form\"")
        .doesNotContain("data-testid=\"product-form\"");
    assertThat(community.postForm("/sentinel/rules/products", Map.of("approvalNumber", second), true).status())
        .isEqualTo(403);
  }

  private static WebSession.Page follow(WebSession session, WebSession.Page redirect) {
    return session.get(redirect.location().replaceFirst("^https?://[^/]+", ""));
  }
}
