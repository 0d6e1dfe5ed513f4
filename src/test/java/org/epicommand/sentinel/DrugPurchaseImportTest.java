package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.errors;
import static org.epicommand.labtest.LabtestFixtures.residentId;
import static org.epicommand.sentinel.SentinelFixtures.CLERK_PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.sentinel.internal.VerificationJob;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Import kind {@code drug-purchases} (online sales pushed by platforms): rows stored as counter registrations,
 * a suspended class and bad cells as row errors with their lines (nothing of them stored), a re-import adding
 * nothing, and an untested buyer of a class to be tested reaching the community list as {@code PLATFORM_PUSH}.
 */
@EpiCommandTest
class DrugPurchaseImportTest {

  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Autowired
  Api api;

  @Autowired
  VerificationJob job;

  @Test
  void pushedPurchasesAreRegisteredWithRowErrorsOnceAndUntestedBuyersReachTheCommunity() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "网上药店" + tag, OrganisationFixtures.COMMUNITY);
    String clerk = SentinelFixtures.clerk(api, pharmacy);
    Instant old = Instant.now().minus(Duration.ofHours(80)).truncatedTo(ChronoUnit.MINUTES);
    Instant recent = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    String community = OrganisationFixtures.COMMUNITY;
    String csv = "药店代码,证件类型,证件号码,姓名,手机号,药品,数量,购买时间,所属社区\n"
        + pharmacy + ",身份证," + residentId() + ",网购甲" + tag + ",138-0013-8000,布洛芬缓释胶囊,2," + local(old) + ","
        + community + "\n"
        + pharmacy + ",," + residentId() + ",网购乙" + tag + ",13800138001,国药准字H44021565,1," + recent + ",\n"
        + pharmacy + ",," + residentId() + ",网购丙" + tag + ",13800138002,医用退热贴,1," + local(recent) + ",\n"
        + pharmacy + ",,110101199001011234,坏号" + tag + ",13800138003,布洛芬缓释胶囊,1," + local(recent) + ",\n"
        + "91990000NOSUCH0001,," + residentId() + ",无店" + tag + ",13800138004,布洛芬缓释胶囊,1," + local(recent)
        + ",\n"
        + pharmacy + ",," + residentId() + ",零盒" + tag + ",13800138005,布洛芬缓释胶囊,0," + local(recent) + ",\n"
        + pharmacy + ",," + residentId() + ",无时" + tag + ",13800138006,布洛芬缓释胶囊,1,昨天,\n"
        + pharmacy + ",," + residentId() + ",无药" + tag + ",13800138007,不存在的药,1," + local(recent) + ",\n";

    assertThat(api.as(clerk, CLERK_PASSWORD).upload("/api/v1/imports/drug-purchases?wait=true", "p.csv",
        csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    JsonNode first = importPurchases(csv);
    assertThat(first.get("rowsImported").asInt()).isEqualTo(2);
    assertThat(errors(first)).containsExactly("4:product", "5:idNumber", "6:pharmacy", "7:quantity",
        "8:purchasedAt", "9:product");
    assertThat(first.get("errors").get(0).toString()).contains("FEVER_PATCH");
    List<JsonNode> stored = api.as("commander").get("/api/v1/sentinel/purchases?pharmacy=" + pharmacy).json()
        .valueStream().toList();
    assertThat(stored).extracting(p -> p.get("buyerName").asString())
        .containsExactlyInAnyOrder("网购甲" + tag, "网购乙" + tag);
    JsonNode tested = stored.stream().filter(p -> p.get("buyerName").asString().equals("网购甲" + tag)).findFirst()
        .orElseThrow();
    assertThat(tested.get("mode").asString()).isEqualTo("REAL_NAME_TEST_72H");
    assertThat(Instant.parse(tested.get("purchasedAt").asString())).isEqualTo(old);
    assertThat(tested.get("quantity").asInt()).isEqualTo(2);

    JsonNode again = importPurchases(csv);
    assertThat(again.get("rowsImported").asInt()).isEqualTo(2);
    assertThat(again.get("rowsAlreadyPresent").asInt()).isEqualTo(2);
    assertThat(api.as("commander").get("/api/v1/sentinel/purchases?pharmacy=" + pharmacy).json().size()).isEqualTo(2);

    job.sweep();
    List<JsonNode> items = api.as("community").get("/api/v1/sentinel/verification?size=500").json().get("items")
        .valueStream().filter(i -> i.get("name").asString().startsWith("网购")
            && i.get("name").asString().endsWith(tag)).toList();
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("name").asString()).isEqualTo("网购甲" + tag);
    assertThat(items.get(0).get("source").asString()).isEqualTo("PLATFORM_PUSH");
    assertThat(items.get(0).get("phone").asString()).isEqualTo("13800138000");
  }

  private JsonNode importPurchases(String csv) {
    Api.Answer answer = api.as("commander").upload("/api/v1/imports/drug-purchases?wait=true", "purchases.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).as(answer.body()).isEqualTo("DONE");
    return answer.json();
  }

  private static String local(Instant at) {
    return LOCAL.format(at.atZone(ZoneId.of("Asia/Shanghai")));
  }
}
