package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Publishing (the last point): a bulletin is approved by someone other than the one who drafted
 * or last edited it, and a day's bulletin is published only once that day has ended in the city's zone.
 */
@EpiCommandTest
class BulletinPublishingTest {

  static final String BASE = "/api/v1/analytics/bulletins";
  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  @Autowired
  Api api;

  @Test
  void theDrafterCannotApproveTheirOwnBulletin() {
    LocalDate day = LocalDate.now(CITY).minusDays(30 + Math.floorMod(System.nanoTime(), 360));
    String path = BASE + "/" + day;
    Api.Answer drafted = api.as("commander").post(BASE, Map.of("date", day.toString()));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    Api.Answer own = api.as("commander").post(path + "/approve", "{}");
    assertThat(own.status()).as(own.body()).isEqualTo(409);
    assertThat(own.json().get("currentState").asString()).isEqualTo("DRAFT");
    assertThat(own.json().get("detail").asString()).isNotBlank();
    assertThat(api.as("commander").get(path).json().get("state").asString()).isEqualTo("DRAFT");

    String second = Probes.user(api, "COMMANDER", DemoPlaces.CITY);
    // an editor is a drafter too
    assertThat(api.as(second, Probes.PASSWORD).put(path, Map.of("text", "经核对的通报文本。")).status()).isEqualTo(200);
    assertThat(api.as(second, Probes.PASSWORD).post(path + "/approve", "{}").status()).isEqualTo(409);
    String third = Probes.user(api, "COMMANDER", DemoPlaces.CITY);
    Api.Answer approved = api.as(third, Probes.PASSWORD).post(path + "/approve", "{}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("approvedBy").asString()).isEqualTo(third);
    Api.Answer published = api.as("commander").post(path + "/publish", "{}");
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat(published.json().get("state").asString()).isEqualTo("PUBLISHED");
  }

  @Test
  void todaysBulletinIsNotPublishedBeforeTheDayHasEnded() {
    LocalDate today = LocalDate.now(CITY);
    String path = BASE + "/" + today;
    if (api.as("commander").get(path).status() == 404) {
      assertThat(api.as("commander").post(BASE, Map.of("date", today.toString())).status()).isEqualTo(201);
    }
    String approver = Probes.user(api, "COMMANDER", DemoPlaces.CITY);
    if (api.as("commander").get(path).json().get("state").asString().equals("DRAFT")) {
      Api.Answer approved = api.as(approver, Probes.PASSWORD).post(path + "/approve", "{}");
      assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }
    Api.Answer early = api.as(approver, Probes.PASSWORD).post(path + "/publish", "{}");
    assertThat(early.status()).as(early.body()).isEqualTo(409);
    assertThat(early.json().get("currentState").asString()).isEqualTo("APPROVED");
    assertThat(early.json().get("detail").asString()).isNotBlank();
    assertThat(api.as("commander").get(path).json().get("state").asString()).isEqualTo("APPROVED");
    assertThat(api.anonymous().get("/api/v1/public/bulletins/" + today).status()).isEqualTo(404);
  }
}
