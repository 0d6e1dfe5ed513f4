package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The campaign plan: the documented numbers for a scope of 1 million residents, the big-city rules, bad ratios. */
@EpiCommandTest
class CampaignPlanApiTest {

  /** A street of the demo city's first district: it has the demo's sampling sites. */
  static final String STREET = DemoPlaces.STREET;

  @Autowired
  Api api;

  private String campaign() {
    LocalDate day = LocalDate.of(2031, 3, 1).plusDays(System.nanoTime() % 500);
    Api.Answer created = api.as("commander").post("/api/v1/campaigns", """
        {"name": "计划%s", "scopeCodes": ["%s"], "startsAt": "%sT00:00:00+08:00", "endsAt": "%sT00:00:00+08:00"}"""
        .formatted(System.nanoTime() % 1_000_000, STREET, day, day.plusDays(1)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  @Test
  void aScopeOfOneMillionResidentsNeedsFourHundredPointsAndTwoThousandSevenHundredSeventyEightSamplers() {
    String id = campaign();
    JsonNode plan = api.as("district").get("/api/v1/campaigns/" + id + "/plan?residents=1000000").json();
    assertThat(plan.get("residentsSource").asString()).isEqualTo("GIVEN");
    assertThat(plan.get("samplingPoints").asLong()).isEqualTo(400);
    assertThat(plan.get("samplers").asLong()).isEqualTo(2778);
    assertThat(plan.get("tubes").asLong()).as("10 to a tube, 5 % spare").isEqualTo(105_000);
    assertThat(plan.get("swabs").asLong()).isEqualTo(1_050_000);
    assertThat(plan.get("assumptions").get("targetDays").asInt()).isEqualTo(2);
    assertThat(plan.get("tubesPerDay").asLong()).isEqualTo(52_500);
    assertThat(plan.get("reserveLabsNeeded").asInt()).isEqualTo(2);
    assertThat(plan.get("registeredSites").asLong()).as("the demo's three sites in the street, at least")
        .isGreaterThanOrEqualTo(3);
    assertThat(plan.get("registeredSamplers").asLong()).isGreaterThanOrEqualTo(24);
    assertThat(plan.get("gaps").valueStream().map(JsonNode::asString).toList()).contains("SAMPLING_POINTS",
        "SAMPLERS");

    JsonNode big = api.as("district").get("/api/v1/campaigns/" + id + "/plan?residents=6000000&poolSize=20").json();
    assertThat(big.get("assumptions").get("targetDays").asInt()).isEqualTo(3);
    assertThat(big.get("reserveLabsNeeded").asInt()).isEqualTo(5);
    assertThat(big.get("tubes").asLong()).isEqualTo(315_000);
    JsonNode designated = api.as("district").get("/api/v1/campaigns/" + id
        + "/plan?residents=1000000&designatedArea=true&residentsPerPoint=2000").json();
    assertThat(designated.get("assumptions").get("targetDays").asInt()).isEqualTo(1);
    assertThat(designated.get("samplingPoints").asLong()).isEqualTo(500);
    JsonNode registry = api.as("district").get("/api/v1/campaigns/" + id + "/plan").json();
    assertThat(registry.get("residentsSource").asString()).isEqualTo("REGISTRY");
    assertThat(registry.get("residents").asLong()).isPositive();

    Api.Answer bad = api.as("district").get("/api/v1/campaigns/" + id + "/plan?residentsPerPoint=1&poolSize=3");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactlyInAnyOrder("residentsPerPoint", "poolSize");
    assertThat(api.as("district").get("/api/v1/campaigns/" + java.util.UUID.randomUUID() + "/plan").status())
        .isEqualTo(404);
  }
}
