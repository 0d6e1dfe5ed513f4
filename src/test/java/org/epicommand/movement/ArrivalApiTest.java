package org.epicommand.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.movement.internal.PublicRateLimit;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class ArrivalApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;
  @Autowired
  PublicRateLimit rateLimit;

  @BeforeEach
  void freshRateLimit() {
    rateLimit.reset();
  }

  @Test
  void anArrivalFromAHighRiskAreaUnderEdition9OpensSevenDaysCentralized() {
    String id = MovementFixtures.residentId();
    Map<String, Object> body = MovementFixtures.arrival("返乡甲", id, MovementFixtures.COMMUNITY, LocalDate.of(2022, 7,
        10));
    body.put("originLevel", "HIGH");
    Api.Answer answer = api.as("community").post("/api/v1/arrivals", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    JsonNode arrival = answer.json();
    assertThat(arrival.get("ruleSet").asString()).isEqualTo("V9");
    assertThat(arrival.get("reason").asString()).isEqualTo("HIGH_RISK_AREA_ARRIVAL");
    assertThat(arrival.get("outcome").asString()).isEqualTo("ORDER_OPENED");
    JsonNode order = api.as("community").get("/api/v1/quarantine/orders/" + arrival.get("orderId").asString()).json();
    assertThat(order.get("reason").asString()).isEqualTo("HIGH_RISK_AREA_ARRIVAL");
    assertThat(order.get("anchorDate").asString()).isEqualTo("2022-07-10");
    assertThat(order.get("phases").get(0).get("regime").asString()).isEqualTo("CENTRALIZED");
    assertThat(order.get("plannedEndDate").asString()).isEqualTo("2022-07-17");
    // the person was registered in the destination community (the community sees the document masked)
    JsonNode person = api.as("commander").get("/api/v1/persons/" + arrival.get("personId").asString()).json();
    assertThat(person.get("idNumber").asString()).isEqualTo(id);
    assertThat(person.get("jurisdictionCode").asString()).isEqualTo(MovementFixtures.COMMUNITY);
  }

  @Test
  void underTheTwentyMeasuresALowRiskOriginIsRegisteredWithoutAnOrderAndInboundTravelIsCentralized() {
    Map<String, Object> low = MovementFixtures.arrival("返乡乙", MovementFixtures.residentId(),
        MovementFixtures.COMMUNITY, LocalDate.of(2022, 11, 20));
    low.put("originLevel", "LOW");
    JsonNode registered = api.as("community").post("/api/v1/arrivals", low).json();
    assertThat(registered.get("ruleSet").asString()).isEqualTo("TWENTY_MEASURES");
    assertThat(registered.get("reason").asString()).isEqualTo("LOW_RISK_AREA_ARRIVAL");
    assertThat(registered.get("outcome").asString()).isEqualTo("NO_RULE");
    assertThat(registered.get("orderId").isNull()).isTrue();

    Map<String, Object> inbound = MovementFixtures.arrival("入境丙", MovementFixtures.residentId(),
        MovementFixtures.COMMUNITY, LocalDate.of(2022, 11, 20));
    inbound.put("inbound", true);
    JsonNode traveller = api.as("community").post("/api/v1/arrivals", inbound).json();
    assertThat(traveller.get("reason").asString()).isEqualTo("INBOUND_TRAVEL");
    assertThat(traveller.get("outcome").asString()).isEqualTo("ORDER_OPENED");
    JsonNode order = api.as("community").get("/api/v1/quarantine/orders/" + traveller.get("orderId").asString()).json();
    assertThat(order.get("plannedEndDate").asString()).isEqualTo("2022-11-28");
  }

  @Test
  void aSelfRegistrationWithABadIdNumberIsAFieldErrorAndRegistersNobody() {
    String valid = MovementFixtures.residentId();
    String bad = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
    Api.Answer answer = api.anonymous().post("/api/v1/public/arrivals",
        MovementFixtures.arrival("自报丁", bad, MovementFixtures.COMMUNITY, TODAY));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
    assertThat(api.as("commander").get("/api/v1/persons?q=" + bad.substring(14)).json().get("items").toString())
        .doesNotContain("自报丁");
  }

  @Test
  void aValidSelfRegistrationTodayFollowsTheRuleSetInForceAndRevealsNoPersonalData() {
    Map<String, Object> body = MovementFixtures.arrival("自报戊", MovementFixtures.residentId(),
        MovementFixtures.COMMUNITY, TODAY);
    body.put("originLevel", "HIGH");
    Api.Answer answer = api.anonymous().post("/api/v1/public/arrivals", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.json().get("reason").asString()).isEqualTo("HIGH_RISK_AREA_ARRIVAL");
    assertThat(answer.json().has("personId")).isFalse();
    assertThat(answer.json().get("outcome").asString()).isIn("ORDER_OPENED", "NO_RULE");
  }

  /** The answer does not tell a registered document from an unknown one; nobody is put under control (finding 5). */
  @Test
  void aSelfRegistrationWithSomeoneElsesDocumentPutsNobodyUnderControl() {
    String id = MovementFixtures.residentId();
    JsonNode own = api.as("community").post("/api/v1/arrivals",
        MovementFixtures.arrival("本人", id, MovementFixtures.COMMUNITY, TODAY)).json();
    Api.Answer other = api.anonymous().post("/api/v1/public/arrivals",
        MovementFixtures.arrival("冒用者", id, MovementFixtures.COMMUNITY, TODAY));
    assertThat(other.status()).isEqualTo(201);
    JsonNode kept = api.as("community").get("/api/v1/arrivals/" + other.json().get("id").asString()).json();
    assertThat(kept.get("outcome").asString()).isEqualTo("UNVERIFIED");
    assertThat(kept.get("personId").isNull()).isTrue();
    Api.Answer again = api.anonymous().post("/api/v1/public/arrivals",
        MovementFixtures.arrival("本人", id, MovementFixtures.COMMUNITY, TODAY));
    assertThat(again.status()).isEqualTo(201);
    assertThat(api.as("community").get("/api/v1/arrivals/" + again.json().get("id").asString()).json()
        .get("personId").asString()).isEqualTo(own.get("personId").asString());
  }

  @Test
  void fieldsAreValidatedOneByOne() {
    Map<String, Object> body = MovementFixtures.arrival("", MovementFixtures.residentId(), "990101999999",
        TODAY.plusDays(10));
    body.put("phone", "");
    JsonNode problem = api.anonymous().post("/api/v1/public/arrivals", body).json();
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("errors").findValuesAsString("field"))
        .contains("destinationCode", "arrivalDate", "phone", "name");
  }

  @Test
  void theSelfRegistrationIsRateLimitedPerClient() {
    Map<String, Object> bad = MovementFixtures.arrival("频繁", "123", MovementFixtures.COMMUNITY, TODAY);
    for (int i = 0; i < 10; i++) {
      assertThat(api.anonymous().post("/api/v1/public/arrivals", bad).status()).isEqualTo(400);
    }
    Api.Answer limited = api.anonymous().post("/api/v1/public/arrivals", bad);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    rateLimit.reset();
  }

  @Test
  void staffRegisterOnlyIntoTheirOwnJurisdictionAndSeeOnlyItsArrivals() {
    Map<String, Object> body = MovementFixtures.arrival("越界", MovementFixtures.residentId(),
        MovementFixtures.OTHER_DISTRICT_COMMUNITY, TODAY);
    assertThat(api.as("community").post("/api/v1/arrivals", body).status()).isEqualTo(403);
    JsonNode elsewhere = api.as("commander").post("/api/v1/arrivals", body).json();
    assertThat(api.as("community").get("/api/v1/arrivals/" + elsewhere.get("id").asString()).status()).isEqualTo(404);
    assertThat(api.as("commander").get("/api/v1/arrivals/" + elsewhere.get("id").asString()).status()).isEqualTo(200);
    assertThat(api.as("community").get("/api/v1/arrivals?size=500").json().get("items")
        .findValuesAsString("jurisdictionCode"))
        .allMatch(code -> code.startsWith(DemoPlaces.COMMUNITY));
  }
}
