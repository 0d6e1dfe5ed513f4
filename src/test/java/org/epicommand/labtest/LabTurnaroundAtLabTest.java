package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Turnaround at the lab: receipt (the transport batch's) → result per lab over the last day, with the alert
 * when its p90 exceeds 12 hours, in the API and on the labs page.
 */
@EpiCommandTest
class LabTurnaroundAtLabTest {

  static final String SITE = "S990101001001";

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  private String lab(String name) {
    String code = "TL" + System.nanoTime() % 100_000_000L;
    assertThat(api.as("commander").post("/api/v1/labtest/labs", Map.of("code", code, "name", name,
        "jurisdictionCode", DemoPlaces.DISTRICT, "capacityPerDay", 5000)).status()).isEqualTo(201);
    assertThat(api.as("admin").post("/api/v1/labtest/lab-staff/" + code, Map.of("username", "lab")).status())
        .isEqualTo(201);
    return code;
  }

  /** One tube sampled 16 hours ago, received at the lab {@code receivedHoursAgo}, resulted a minute ago. */
  private void resulted(String lab, long receivedHoursAgo) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    List<Member> member = persons(api, 1, DemoPlaces.COMMUNITY);
    String tube = "AT" + System.nanoTime();
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(tube, "SINGLE", member, SITE, now.minusHours(16).toString()));
    String batch = "TBA" + System.nanoTime() % 1_000_000_000L;
    assertThat(api.as("lab").post("/api/v1/transport-batches", """
        {"code": "%s", "siteCode": "%s", "labCode": "%s", "barcodes": ["%s"]}""".formatted(batch, SITE, lab, tube))
        .status()).isEqualTo(201);
    assertThat(api.as("lab").post("/api/v1/transport-batches/" + batch + "/receive", "").status()).isEqualTo(200);
    // the receipt happened hours ago (the clock of the test cannot wait for it)
    jdbc.sql("update labtest_transport_batch set handed_over_at = :h, received_at = :r where code = :code")
        .param("h", now.minusHours(receivedHoursAgo + 1)).param("r", now.minusHours(receivedHoursAgo))
        .param("code", batch).update();
    upload(api, "lab", "results", RESULTS_HEADER + tube + ",NEGATIVE,,," + lab + "," + now.minusMinutes(1) + "\n");
  }

  private static JsonNode of(JsonNode labs, String code) {
    return labs.valueStream().filter(l -> l.get("labCode").asString().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void aLabSlowerThanTwelveHoursFromReceiptToResultRaisesTheAlert() {
    String slow = lab("慢速实验室");
    String quick = lab("快速实验室");
    resulted(slow, 13);
    resulted(quick, 2);

    JsonNode labs = api.as("district").get("/api/v1/labtest/turnaround").json();
    JsonNode slowLab = of(labs, slow);
    assertThat(slowLab.get("results").asLong()).isEqualTo(1);
    assertThat(slowLab.get("atLab").get("p90").asDouble()).isCloseTo(Duration.ofHours(13).toMinutes() - 1,
        within(5.0));
    assertThat(slowLab.get("slowAtLab").asBoolean()).isTrue();
    assertThat(slowLab.get("slow").asBoolean()).as("16 h from sampling").isTrue();
    JsonNode quickLab = of(labs, quick);
    assertThat(quickLab.get("atLab").get("p50").asDouble()).isCloseTo(119.0, within(5.0));
    assertThat(quickLab.get("slowAtLab").asBoolean()).isFalse();

    Api.Answer bad = api.as("district").get("/api/v1/labtest/turnaround?hours=0");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("hours");

    String page = WebSession.login(api, "district").get("/labtest/labs").body();
    assertThat(page).contains("data-testid=\"lab-turnaround-alert\"").contains("慢速实验室");
    assertThat(page.substring(page.indexOf("lab-turnaround-alert"))).doesNotContain("快速实验室、");
  }
}
