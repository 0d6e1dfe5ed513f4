package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.room;
import static org.epicommand.quarantine.QuarantineFixtures.site;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A site filling up to 80 % and an overdue activation land in the inbox of the commanders and district staff. */
@EpiCommandTest
class SiteEventsTest {

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  SiteActivation activation;

  private long notices(String kind, String siteName) {
    return jdbc.sql("select count(*) from notification where kind = ? and title like ?")
        .params(kind, "%" + siteName + "%").query(Long.class).single();
  }

  @Test
  void theCheckInThatFillsEightyPercentOfASiteRaisesOneNotice() {
    String code = "OC" + UUID.randomUUID().toString().substring(0, 8);
    String id = site(api, code, 1, 5);
    String name = "测试隔离点" + code;
    for (int n = 1; n <= 5; n++) {
      String order = open(api, person(api, "占用" + n, COMMUNITY), "CLOSE_CONTACT", today().minusDays(1), "V9")
          .get("id").asString();
      Api.Answer in = api.as("site").post("/api/v1/quarantine/orders/" + order + "/check-in",
          Map.of("roomId", room(api, id, Integer.toString(n))));
      assertThat(in.status()).as(in.body()).isEqualTo(200);
      if (n == 3) {
        assertThat(notices("SITE_OCCUPANCY_HIGH", name)).as("60 %").isZero();
      }
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> notices("SITE_OCCUPANCY_HIGH", name) > 0);
    long sent = notices("SITE_OCCUPANCY_HIGH", name);
    assertThat(jdbc.sql("select count(*) from notification where kind = 'SITE_OCCUPANCY_HIGH' and title like ? "
        + "and recipient = 'commander'").param("%" + name + "%").query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select title from notification where kind = 'SITE_OCCUPANCY_HIGH' and title like ? limit 1")
        .param("%" + name + "%").query(String.class).single()).contains("80%").contains("4/5");
    assertThat(notices("SITE_OCCUPANCY_HIGH", name)).as("100 % is no new crossing").isEqualTo(sent);
  }

  @Test
  void anActivationPastItsLeadTimeIsNoticedOnce() {
    String code = "AO" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer created = api.as("commander").post("/api/v1/quarantine/sites", Map.of("code", code,
        "name", "逾期启用" + code, "jurisdictionCode", DemoPlaces.DISTRICT, "status", "STANDBY", "activationLeadHours", 24));
    String id = created.json().get("id").asString();
    assertThat(api.as("commander").post("/api/v1/quarantine/sites/" + id + "/status", Map.of("status", "ACTIVATING"))
        .status()).isEqualTo(200);
    assertThat(activation.sweepOverdue(Instant.now())).as("inside its lead time").isZero();
    jdbc.sql("update quarantine_site set activation_started_at = now() - interval '25 hours' where id = ?::uuid")
        .param(id).update();
    assertThat(activation.sweepOverdue(Instant.now())).isEqualTo(1);
    assertThat(activation.sweepOverdue(Instant.now())).as("once").isZero();
    await().atMost(Duration.ofSeconds(15)).until(() -> notices("SITE_ACTIVATION_OVERDUE", "逾期启用" + code) > 0);
    assertThat(api.as("commander").get("/api/v1/quarantine/sites/" + id).json().get("activation").get("overdue")
        .asBoolean()).isTrue();
  }
}
