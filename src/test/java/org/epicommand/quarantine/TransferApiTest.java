package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.room;
import static org.epicommand.quarantine.QuarantineFixtures.site;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class TransferApiTest {

  @Autowired
  Api api;
  @Autowired
  Transfers transfers;

  @Test
  void aTripRunsItsStatesAndFlagsWhoeverIsMissingAtCheckIn() {
    String siteId = site(api, "T" + UUID.randomUUID().toString().substring(0, 8), 1, 3);
    String a = open(api, person(api, "转运甲", COMMUNITY), "CLOSE_CONTACT", today(), "V9").get("id").asString();
    String b = open(api, person(api, "转运乙", COMMUNITY), "CLOSE_CONTACT", today(), "V9").get("id").asString();
    Api.Answer planned = api.as("community").post("/api/v1/quarantine/trips", Map.of("vehicle", "浙A12345",
        "driver", "王师傅", "escort", "李医生", "destinationSiteId", siteId, "orderIds", List.of(a, b)));
    assertThat(planned.status()).as(planned.body()).isEqualTo(201);
    String trip = "/api/v1/quarantine/trips/" + planned.json().get("id").asString();
    assertThat(planned.json().get("state").asString()).isEqualTo("PLANNED");
    assertThat(api.as("community").post(trip + "/arrive", Map.of()).status()).as("not yet dispatched").isEqualTo(409);
    assertThat(api.as("community").post(trip + "/dispatch", Map.of()).json().get("dispatchedAt").isNull()).isFalse();
    JsonNode picked = api.as("community").post(trip + "/pick-up", Map.of("pickedUp", List.of(a, b))).json();
    assertThat(picked.get("state").asString()).isEqualTo("PICKED_UP");
    api.as("community").post(trip + "/arrive", Map.of());
    Api.Answer checkedIn = api.as("site").post(trip + "/check-in", Map.of("rooms", Map.of(a, room(api, siteId, "1"))));
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
    assertThat(checkedIn.json().get("state").asString()).isEqualTo("CHECKED_IN");
    assertThat(api.as("community").get("/api/v1/quarantine/orders/" + a).json().get("state").asString())
        .isEqualTo("ACTIVE");
    JsonNode missing = api.as("community").get("/api/v1/quarantine/alerts?kind=MISSING_AT_CHECK_IN&size=500").json();
    assertThat(missing.get("items")).anySatisfy(alert -> assertThat(alert.get("orderId").asString()).isEqualTo(b));
    assertThat(missing.get("items")).noneSatisfy(alert -> assertThat(alert.get("orderId").asString()).isEqualTo(a));
  }

  @Test
  void onlyPersonsAwaitingTransferBoardATrip() {
    String siteId = site(api, "T" + UUID.randomUUID().toString().substring(0, 8), 1, 1);
    String home = open(api, person(api, "居家丙", COMMUNITY), "SECONDARY_CONTACT", today(), "V9").get("id").asString();
    Api.Answer refused = api.as("community").post("/api/v1/quarantine/trips", Map.of("vehicle", "浙A1",
        "driver", "张", "destinationSiteId", siteId, "orderIds", List.of(home)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("orderIds");
  }

  @Test
  void personsWaitingTooLongForTransferRaiseAlerts() {
    String longAgo = open(api, person(api, "久等丁", COMMUNITY), "CLOSE_CONTACT", today().minusDays(5), "V9")
        .get("id").asString();
    String fresh = open(api, person(api, "新等戊", COMMUNITY), "CLOSE_CONTACT", today(), "V9").get("id").asString();
    transfers.raiseAwaitingTransfer(Instant.now());
    JsonNode longAlerts = api.as("community").get("/api/v1/quarantine/alerts?kind=AWAITING_TRANSFER_LONG&size=500")
        .json().get("items");
    assertThat(longAlerts).anySatisfy(alert -> assertThat(alert.get("orderId").asString()).isEqualTo(longAgo));
    assertThat(longAlerts).noneSatisfy(alert -> assertThat(alert.get("orderId").asString()).isEqualTo(fresh));
    transfers.raiseAwaitingTransfer(Instant.now().plus(Duration.ofHours(13)));
    assertThat(api.as("community").get("/api/v1/quarantine/alerts?kind=AWAITING_TRANSFER&size=500").json()
        .get("items")).anySatisfy(alert -> assertThat(alert.get("orderId").asString()).isEqualTo(fresh));
  }
}
