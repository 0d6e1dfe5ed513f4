package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.OTHER_DISTRICT_COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import java.util.List;
import java.util.stream.StreamSupport;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class WorkListApiTest {

  @Autowired
  Api api;

  List<String> orderIds(String user, String list) {
    JsonNode page = api.as(user).get("/api/v1/quarantine/work-lists/" + list + "?size=500").json();
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("orderId").asString()).toList();
  }

  @Test
  void eachListHoldsWhatIsDueTodayInTheCallersJurisdiction() {
    String testToday = open(api, person(api, "今检甲", COMMUNITY), "SECONDARY_CONTACT", today().minusDays(4), "V9")
        .get("id").asString();
    String releaseDue = open(api, person(api, "今解乙", COMMUNITY), "MEDIUM_RISK_AREA_ARRIVAL", today().minusDays(7),
        "V9").get("id").asString();
    String waiting = open(api, person(api, "待转丙", COMMUNITY), "CLOSE_CONTACT", today(), "V9").get("id").asString();
    String elsewhere = open(api, person(api, "外区丁", OTHER_DISTRICT_COMMUNITY), "SECONDARY_CONTACT",
        today().minusDays(4), "V9").get("id").asString();
    assertThat(orderIds("district", "TESTS_DUE_TODAY")).contains(testToday).doesNotContain(waiting, elsewhere);
    assertThat(orderIds("district", "RELEASES_DUE")).contains(releaseDue).doesNotContain(testToday);
    assertThat(orderIds("district", "AWAITING_TRANSFER")).contains(waiting).doesNotContain(releaseDue);
    assertThat(orderIds("commander", "TESTS_DUE_TODAY")).contains(testToday, elsewhere);
    JsonNode counts = api.as("district").get("/api/v1/quarantine/work-lists").json();
    assertThat(counts.get("TESTS_DUE_TODAY").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(counts.get("AWAITING_TRANSFER").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(api.as("district").get("/api/v1/quarantine/work-lists/NOTHING").status()).isEqualTo(400);
  }
}
