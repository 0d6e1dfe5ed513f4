package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Producers of protective goods through HTTP: an organisation of the directory registered once with its
 * items and capacity, one report a day, a producer under full load or naming a bottleneck flagged.
 */
@EpiCommandTest
class ProducerApiTest {

  @Autowired
  Api api;

  @Test
  void aProducerReportsItsDailyOutputAndIsFlaggedUnderFullLoad() {
    String item = SupplyFixtures.item(api);
    String creditCode = OrganisationFixtures.register(api, "滨江防护用品厂", "ENTERPRISE", OrganisationFixtures.COMMUNITY,
        null).json().get("creditCode").asString();
    Api.Caller office = api.as("commander");
    Api.Answer bad = office.post("/api/v1/supplies/producers", Map.of("creditCode", "91990101000000000X",
        "itemCodes", List.of("NO-SUCH"), "dailyCapacity", 0));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("creditCode", "itemCodes", "dailyCapacity");
    Api.Answer created = office.post("/api/v1/supplies/producers", Map.of("creditCode", creditCode,
        "itemCodes", List.of(item), "dailyCapacity", 100_000));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.json().get("name").asString()).isEqualTo("滨江防护用品厂");
    assertThat(created.json().get("bottleneck").asBoolean()).isFalse();
    Api.Answer twice = office.post("/api/v1/supplies/producers", Map.of("creditCode", creditCode,
        "itemCodes", List.of(item), "dailyCapacity", 5));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(id);

    LocalDate today = CityTime.today();
    Api.Answer future = office.post("/api/v1/supplies/producers/" + id + "/reports", Map.of("date",
        today.plusDays(2).toString(), "outputToday", 1, "shippedToday", -1));
    assertThat(future.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("date",
        "shippedToday");
    Api.Answer yesterday = office.post("/api/v1/supplies/producers/" + id + "/reports", Map.of("date",
        today.minusDays(1).toString(), "outputToday", 95_000, "shippedToday", 90_000));
    assertThat(yesterday.status()).as(yesterday.body()).isEqualTo(201);
    Api.Answer report = office.post("/api/v1/supplies/producers/" + id + "/reports", Map.of("date", today.toString(),
        "outputToday", 60_000, "shippedToday", 58_000, "bottleneck", "RAW_MATERIAL", "note", "熔喷布短缺"));
    assertThat(report.status()).isEqualTo(201);
    assertThat(office.post("/api/v1/supplies/producers/" + id + "/reports", Map.of("date", today.toString(),
        "outputToday", 1, "shippedToday", 1)).status()).isEqualTo(409);
    JsonNode producer = office.get("/api/v1/supplies/producers/" + id).json();
    assertThat(producer.get("utilisationPercent").asInt()).isEqualTo(60);
    assertThat(producer.get("bottleneck").asBoolean()).isTrue();
    assertThat(producer.get("latest").get("bottleneck").asString()).isEqualTo("RAW_MATERIAL");
    assertThat(office.get("/api/v1/supplies/producers/" + id + "/reports").json().findValuesAsString("date"))
        .containsExactly(today.toString(), today.minusDays(1).toString());
    assertThat(office.get("/api/v1/supplies/producers").json().get(0).get("bottleneck").asBoolean())
        .as("bottlenecks first").isTrue();
    assertThat(office.get("/supplies").body()).contains("滨江防护用品厂").contains("原材料");
  }
}
