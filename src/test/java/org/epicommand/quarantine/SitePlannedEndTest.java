package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.internal.QuarantineJobRuns;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A site worker whose planned last day passes without leaving: the day after (in the city's zone; the job is run as
 * the scheduler runs it at ten past midnight, given that moment, so the shared clock stays where it is) the daily job
 * ends the post as planned and retires the site-staff key-group membership of whoever is left on no post; a worker
 * still on another post stays a member to that post's planned last day; a second run changes nothing.
 */
@EpiCommandTest
class SitePlannedEndTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ApplicationContext context;

  @Test
  void thePostEndsTheDayAfterItsPlannedLastDayAndTheMembershipWithIt() {
    LocalDate today = CityTime.today();
    String site = QuarantineFixtures.site(api, "PE" + UUID.randomUUID().toString().substring(0, 6), 101, 120);
    String url = "/api/v1/quarantine/sites/" + site;
    Api.Caller manager = api.as("site");
    String planned = People.resident("计划离开" + UUID.randomUUID().toString().substring(0, 4), "990101001003").id(api);
    String staying = People.resident("继续值守" + UUID.randomUUID().toString().substring(0, 4), "990101001003").id(api);
    String ends = add(manager, url, planned, "CLEANING", today.minusDays(5), today);
    String endsToo = add(manager, url, staying, "SECURITY", today.minusDays(5), today);
    String goesOn = add(manager, url, staying, "CATERING", today.minusDays(5), today.plusDays(7));
    assertThat(openMemberships(planned)).isOne();

    QuarantineJobRuns.endPlannedLoops(context, tenPastMidnight(today));
    assertThat(state(manager, url, ends)).as("the planned last day itself: still on post").isEqualTo("ON_DUTY");
    assertThat(openMemberships(planned)).isOne();

    QuarantineJobRuns.endPlannedLoops(context, tenPastMidnight(today.plusDays(1)));
    JsonNode ended = worker(manager, url, ends);
    assertThat(ended.get("state").asString()).isEqualTo("LEFT");
    assertThat(ended.get("onDuty").asBoolean()).isFalse();
    assertThat(ended.get("loopTo").asString()).as("the loop ended as planned").isEqualTo(today.toString());
    assertThat(openMemberships(planned)).as("on no post: membership retired").isZero();
    assertThat(jdbc.sql("select to_date from keygroup_member where person_id = ?::uuid and source_key ="
        + " 'quarantine-site' and retired_at is not null").param(planned).query(LocalDate.class).single())
        .isEqualTo(today);
    assertThat(state(manager, url, endsToo)).isEqualTo("LEFT");
    assertThat(state(manager, url, goesOn)).isEqualTo("ON_DUTY");
    assertThat(openMemberships(staying)).as("still on another post").isOne();
    assertThat(jdbc.sql("select to_date from keygroup_member where person_id = ?::uuid and source_key ="
        + " 'quarantine-site' and retired_at is null").param(staying).query(LocalDate.class).single())
        .as("to the last day of the post left open").isEqualTo(today.plusDays(7));

    QuarantineJobRuns.endPlannedLoops(context, tenPastMidnight(today.plusDays(1)));
    assertThat(audits(site, "% left as planned")).as("once per post").isEqualTo(2L);
    Api.Answer again = manager.post(url + "/staff/" + ends + "/leave", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("LEFT");
  }

  /** When the scheduler runs the job on that day in the city's zone. */
  private static Instant tenPastMidnight(LocalDate day) {
    return day.atTime(0, 10).atZone(CityTime.ZONE).toInstant();
  }

  private static String add(Api.Caller manager, String url, String person, String post, LocalDate from,
      LocalDate to) {
    Map<String, Object> body = new HashMap<>();
    body.put("personId", person);
    body.put("post", post);
    body.put("shift", "DAY");
    body.put("loopFrom", from.toString());
    body.put("loopTo", to == null ? null : to.toString());
    Api.Answer added = manager.post(url + "/staff", body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asString();
  }

  private static JsonNode worker(Api.Caller manager, String url, String id) {
    return manager.get(url + "/staff").json().get("staff").valueStream()
        .filter(m -> m.get("id").asString().equals(id)).findFirst().orElseThrow();
  }

  private static String state(Api.Caller manager, String url, String id) {
    return worker(manager, url, id).get("state").asString();
  }

  private long openMemberships(String person) {
    return jdbc.sql("select count(*) from keygroup_member where person_id = ?::uuid and group_code ="
        + " 'QUARANTINE_SITE_STAFF' and retired_at is null").param(person).query(Long.class).single();
  }

  private long audits(String site, String detail) {
    return jdbc.sql("select count(*) from audit_event where subject_type = 'QUARANTINE_SITE' and subject_id = ?"
        + " and detail like ?").params(site, detail).query(Long.class).single();
  }
}
