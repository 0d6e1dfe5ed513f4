package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.epicommand.movement.MovementFixtures;
import org.epicommand.movement.internal.PublicRateLimit;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Finding 5: the public arrival form is no oracle of the registry. Whether an ID number is registered
 * (and under which name) changes nothing in the answer; a registration under a registered document
 * with another name puts nobody under control but is kept for the community to verify; every attempt,
 * refused ones included, is in the audit trail.
 */
@EpiCommandTest
class PublicArrivalFormTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;
  @Autowired
  PublicRateLimit rateLimit;

  @BeforeEach
  void freshRateLimit() {
    rateLimit.reset();
  }

  private static Map<String, Object> form(String name, String idNumber, LocalDate day) {
    Map<String, Object> body = MovementFixtures.arrival(name, idNumber, Probes.OWN_COMMUNITY, day);
    body.put("inbound", true);
    return body;
  }

  private int attempts() {
    return Probes.audit(api, "subjectType=ARRIVAL_ATTEMPT").size();
  }

  @Test
  void aWrongNameAndABadDateAnswerTheSameForARegisteredAndAnUnknownDocument() {
    String name = Probes.uniqueName("真名");
    String registered = Probes.uniqueIdNumber();
    Probes.register(api, "cdc", Probes.person(name, registered, Probes.uniquePhone(), "湖东路11号",
        Probes.OWN_COMMUNITY));
    String unknown = Probes.uniqueIdNumber();
    int before = attempts();

    Api.Answer onRegistered = api.anonymous().post("/api/v1/public/arrivals", form("假名", registered,
        TODAY.plusDays(10)));
    Api.Answer onUnknown = api.anonymous().post("/api/v1/public/arrivals", form("假名", unknown, TODAY.plusDays(10)));
    assertThat(onRegistered.status()).isEqualTo(400);
    assertThat(onUnknown.status()).isEqualTo(400);
    assertThat(fields(onRegistered.json())).isEqualTo(fields(onUnknown.json())).containsExactly("arrivalDate");
    assertThat(onRegistered.body()).doesNotContain("identityMismatch", name);
    assertThat(onRegistered.json().get("detail")).isEqualTo(onUnknown.json().get("detail"));
    assertThat(attempts()).as("both refused attempts are recorded").isEqualTo(before + 2);
  }

  @Test
  void aWrongNameForARegisteredDocumentIsAcceptedLikeAnyOtherButPutsNobodyUnderControl() {
    String name = Probes.uniqueName("本人");
    String registered = Probes.uniqueIdNumber();
    String personId = Probes.register(api, "cdc", Probes.person(name, registered, Probes.uniquePhone(), "湖东路12号",
        Probes.OWN_COMMUNITY)).get("id").asString();
    LocalDate day = TODAY.minusDays(1);

    Api.Answer forged = api.anonymous().post("/api/v1/public/arrivals", form("冒用者", registered, day));
    Api.Answer fresh = api.anonymous().post("/api/v1/public/arrivals", form("新来者", Probes.uniqueIdNumber(), day));
    assertThat(forged.status()).as(forged.body()).isEqualTo(201);
    assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
    JsonNode a = forged.json();
    JsonNode b = fresh.json();
    assertThat(a.properties().stream().map(Map.Entry::getKey).toList())
        .isEqualTo(b.properties().stream().map(Map.Entry::getKey).toList());
    for (String field : List.of("outcome", "reason", "ruleSet")) {
      assertThat(a.get(field)).as(field).isEqualTo(b.get(field));
    }
    assertThat(forged.body()).doesNotContain(name, personId);

    // kept for the community to verify: no person linked, no order
    JsonNode kept = api.as("community").get("/api/v1/arrivals/" + a.get("id").asString()).json();
    assertThat(kept.get("outcome").asString()).isEqualTo("UNVERIFIED");
    assertThat(kept.get("personId").isNull()).isTrue();
    assertThat(kept.get("orderId").isNull()).isTrue();
    assertThat(kept.get("name").asString()).isEqualTo("冒用者");
    assertThat(kept.toString()).doesNotContain(name, registered);
    JsonNode orders = api.as("commander").get("/api/v1/quarantine/orders?size=500&jurisdiction="
        + Probes.OWN_COMMUNITY + "&state=ACTIVE").json();
    assertThat(orders.get("items").findValuesAsString("personId")).doesNotContain(personId);
    assertThat(Probes.audit(api, "action=CREATE&subjectId=" + a.get("id").asString()).get(0).get("detail").asString())
        .contains("UNVERIFIED");

    // the holder with their own name is registered as before
    Api.Answer own = api.anonymous().post("/api/v1/public/arrivals", form(name, registered, day));
    assertThat(own.status()).isEqualTo(201);
    JsonNode ownArrival = api.as("community").get("/api/v1/arrivals/" + own.json().get("id").asString()).json();
    assertThat(ownArrival.get("personId").asString()).isEqualTo(personId);
  }

  private static List<String> fields(JsonNode problem) {
    return problem.get("errors").findValuesAsString("field").stream().sorted().toList();
  }
}
