package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Site staff on posts and shifts against the standard: the gaps, bad input, leaving, scope and audit. */
@EpiCommandTest
class SitePostsApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private Map<String, Object> member(String name, String post, String shift) {
    Map<String, Object> body = new HashMap<>();
    body.put("personId", name == null || name.isBlank() ? name : People.resident(name, "990101001003").id(api));
    body.put("phone", "13900139000");
    body.put("post", post);
    body.put("shift", shift);
    return body;
  }

  private static int cell(JsonNode staffing, String post, String shift, String field) {
    for (JsonNode p : staffing.get("posts")) {
      if (p.get("post").asString().equals(post)) {
        for (JsonNode c : p.get("shifts")) {
          if (c.get("shift").asString().equals(shift)) {
            return c.get(field).asInt();
          }
        }
      }
    }
    throw new AssertionError(post + " " + shift);
  }

  @Test
  void staffFillPostsAndShiftsAgainstTheStandardAndTheGapShrinks() {
    String code = "SP" + UUID.randomUUID().toString().substring(0, 6);
    String site = QuarantineFixtures.site(api, code, 101, 160);
    String url = "/api/v1/quarantine/sites/" + site;
    Api.Caller manager = api.as("site");

    JsonNode empty = manager.get(url + "/staff").json();
    assertThat(empty.get("usableRooms").asInt()).isEqualTo(60);
    assertThat(cell(empty, "MEDICAL", "NIGHT", "required")).as("60 rooms: two per shift").isEqualTo(2);
    assertThat(cell(empty, "SECURITY", "DAY", "required")).isEqualTo(2);
    assertThat(empty.get("gap").asInt()).as("(1 + 2 + 2 + 2 + 1 + 1) × 3").isEqualTo(27);

    Map<String, Object> bad = member(" ", null, null);
    bad.put("phone", "12");
    Api.Answer refused = manager.post(url + "/staff", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactlyInAnyOrder("personId", "phone", "post", "shift");
    Map<String, Object> late = member("李医生", "MEDICAL", "DAY");
    late.put("loopFrom", "2026-11-10");
    late.put("loopTo", "2026-11-01");
    Api.Answer backwards = manager.post(url + "/staff", late);
    assertThat(backwards.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactly("loopTo");

    Api.Answer added = manager.post(url + "/staff", member("李医生", "MEDICAL", "NIGHT"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("onDuty").asBoolean()).isTrue();
    String id = added.json().get("id").asString();
    JsonNode one = manager.get(url + "/staff").json();
    assertThat(cell(one, "MEDICAL", "NIGHT", "onDuty")).isEqualTo(1);
    assertThat(cell(one, "MEDICAL", "NIGHT", "gap")).isEqualTo(1);
    assertThat(one.get("gap").asInt()).isEqualTo(26);

    JsonNode own = manager.put(url + "/posts/SECURITY", Map.of("perShift", 3)).json();
    assertThat(cell(own, "SECURITY", "EVENING", "required")).isEqualTo(3);
    assertThat(own.get("gap").asInt()).isEqualTo(29);
    assertThat(manager.put(url + "/posts/SECURITY", Map.of("perShift", -1)).status()).isEqualTo(400);

    assertThat(manager.post(url + "/staff/" + id + "/leave", "{}").json().get("state").asString()).isEqualTo("LEFT");
    Api.Answer again = manager.post(url + "/staff/" + id + "/leave", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("LEFT");
    assertThat(manager.get(url + "/staff").json().get("gap").asInt()).isEqualTo(30);
    assertThat(manager.get("/quarantine/sites/" + site + "/staff", "text/html").body()).contains("李医生")
        .contains("data-testid=\"cell-MEDICAL-NIGHT\"");

    Api.Answer foreign = api.as("commander").post("/api/v1/quarantine/sites",
        Map.of("code", code + "X", "name", "他人隔离点" + code, "address", "滨江大道2号", "jurisdictionCode", "990101"));
    String other = foreign.json().get("id").asString();
    assertThat(manager.post("/api/v1/quarantine/sites/" + other + "/staff", member("王", "MANAGER", "DAY")).status())
        .as("not the manager's site").isEqualTo(404);
    long audited = jdbc.sql("select count(*) from audit_event where subject_type = 'QUARANTINE_SITE'"
        + " and subject_id = ? and detail like 'st%'").param(site).query(Long.class).single();
    assertThat(audited).as("added, standard, left").isEqualTo(3);
  }

  @Test
  void siteStaffArePersonsTestedDailyAsAKeyGroupWhileOnAPost() {
    String site = QuarantineFixtures.site(api, "SK" + UUID.randomUUID().toString().substring(0, 6), 101, 120);
    String url = "/api/v1/quarantine/sites/" + site;
    Api.Caller manager = api.as("site");
    String name = "闭环保洁" + UUID.randomUUID().toString().substring(0, 4);
    String person = People.resident(name, "990101001003").id(api);
    JsonNode hits = manager.get("/quarantine/sites/" + site + "/staff/picker?q=" + name).json().get("items");
    assertThat(hits.valueStream().map(h -> h.get("id").asString()).toList()).as("the site's picker")
        .containsExactly(person);
    assertThat(api.as("lab").get("/quarantine/sites/" + site + "/staff/picker?q=" + name).status()).isEqualTo(403);
    Map<String, Object> body = new HashMap<>();
    body.put("personId", person);
    body.put("post", "CLEANING");
    body.put("shift", "DAY");
    Api.Answer added = manager.post(url + "/staff", body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("name").asString()).as("the registry's name").isEqualTo(name);
    assertThat(added.json().get("personId").asString()).isEqualTo(person);
    String worker = added.json().get("id").asString();
    body.put("personId", UUID.randomUUID().toString());
    assertThat(manager.post(url + "/staff", body).status()).as("no such person").isEqualTo(404);

    JsonNode staffing = manager.get(url + "/staff").json();
    assertThat(staffing.get("keyGroupDefined").asBoolean()).isTrue();
    JsonNode listed = staffing.get("staff").valueStream().filter(m -> m.get("id").asString().equals(worker))
        .findFirst().orElseThrow();
    assertThat(listed.get("testState").asString()).isEqualTo("NEVER_TESTED");
    Api.Caller cdc = api.as("cdc");
    JsonNode members = cdc.get("/api/v1/key-groups/QUARANTINE_SITE_STAFF/members?size=200").json().get("items");
    JsonNode membership = members.valueStream().filter(m -> m.get("personId").asString().equals(person))
        .findFirst().orElseThrow();
    assertThat(membership.get("organisationCode").isNull()).isTrue();
    assertThat(membership.get("organisationName").asString()).contains("隔离点");
    assertThat(membership.get("closedLoop").asBoolean()).isTrue();
    assertThat(membership.get("post").asString()).isEqualTo("隔离点保洁消杀");
    assertThat(cdc.put("/api/v1/key-groups/members/" + membership.get("id").asString(), Map.of("organisation",
        "x")).status()).as("kept by the site").isEqualTo(409);

    jdbc.sql("insert into quarantine_site_worker (id, site_id, name, phone, post, shift, loop_from, created_by,"
        + " created_at) values (?, ?::uuid, '旧名单人员', '13900139001', 'SECURITY', 'DAY', current_date, 'test', now())")
        .params(UUID.randomUUID(), site).update();
    String page = manager.get("/quarantine/sites/" + site + "/staff", "text/html").body();
    assertThat(page).contains("旧名单人员", "未关联人员库，不纳入每日检测", name, "从未检测")
        .doesNotContain("data-testid=\"keygroup-missing\"");

    assertThat(manager.post(url + "/staff/" + worker + "/leave", "{}").status()).isEqualTo(200);
    assertThat(cdc.get("/api/v1/key-groups/QUARANTINE_SITE_STAFF/members?size=200").json().get("items")
        .valueStream().noneMatch(m -> m.get("personId").asString().equals(person))).as("membership ended").isTrue();
    assertThat(jdbc.sql("select count(*) from keygroup_member where person_id = ?::uuid and retired_at is not null"
        + " and source_key = 'quarantine-site'").param(person).query(Long.class).single()).isEqualTo(1L);
  }

  @Test
  void aWorkersMembershipEndsWithTheLatestPlannedLastDayOfTheirOpenPosts() {
    LocalDate today = CityTime.today();
    String first = QuarantineFixtures.site(api, "SM" + UUID.randomUUID().toString().substring(0, 6), 101, 110);
    String second = QuarantineFixtures.site(api, "SM" + UUID.randomUUID().toString().substring(0, 6), 101, 110);
    Api.Caller manager = api.as("site");
    String person = People.resident("换岗人员" + UUID.randomUUID().toString().substring(0, 4), "990101001003").id(api);
    String cleaning = post(manager, first, person, "CLEANING", today.plusDays(2));
    assertThat(membershipTo(person)).isEqualTo(today.plusDays(2).toString());

    String security = post(manager, second, person, "SECURITY", today.plusDays(9));
    assertThat(membershipTo(person)).as("a later post at another site").isEqualTo(today.plusDays(9).toString());
    assertThat(manager.post("/api/v1/quarantine/sites/" + first + "/staff/" + cleaning + "/leave", "{}").status())
        .isEqualTo(200);
    assertThat(membershipTo(person)).as("the first post ended: the second's last day")
        .isEqualTo(today.plusDays(9).toString());
    String catering = post(manager, second, person, "CATERING", null);
    assertThat(membershipTo(person)).as("an open post without a planned last day").isNull();
    assertThat(manager.post("/api/v1/quarantine/sites/" + second + "/staff/" + catering + "/leave", "{}").status())
        .isEqualTo(200);
    assertThat(membershipTo(person)).isEqualTo(today.plusDays(9).toString());
    String membership = jdbc.sql("select id::text from keygroup_member where person_id = ?::uuid and source_key ="
        + " 'quarantine-site'").param(person).query(String.class).single();
    assertThat(jdbc.sql("select detail from audit_event where subject_type = 'KEY_GROUP_MEMBER' and subject_id = ?"
        + " and detail like 'to %' order by id").param(membership).query(String.class).list())
        .containsExactly("to " + today.plusDays(9) + ": quarantine-site", "to open: quarantine-site",
            "to " + today.plusDays(9) + ": quarantine-site");

    assertThat(manager.post("/api/v1/quarantine/sites/" + second + "/staff/" + security + "/leave", "{}").status())
        .isEqualTo(200);
    JsonNode retired = api.as("cdc").get("/api/v1/key-groups/members/" + membership).json();
    assertThat(retired.get("retired").asBoolean()).as("on no post any more").isTrue();
    assertThat(retired.get("to").asString()).isEqualTo(today.toString());
  }

  private static String post(Api.Caller manager, String site, String person, String post, LocalDate to) {
    Map<String, Object> body = new HashMap<>();
    body.put("personId", person);
    body.put("post", post);
    body.put("shift", "NIGHT");
    body.put("loopTo", to == null ? null : to.toString());
    Api.Answer added = manager.post("/api/v1/quarantine/sites/" + site + "/staff", body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asString();
  }

  /** The to-date of the person's open site-staff membership, as the key group's API shows it (null: none). */
  private String membershipTo(String person) {
    String id = jdbc.sql("select id::text from keygroup_member where person_id = ?::uuid and source_key ="
        + " 'quarantine-site' and retired_at is null").param(person).query(String.class).single();
    JsonNode to = api.as("cdc").get("/api/v1/key-groups/members/" + id).json().get("to");
    return to == null || to.isNull() ? null : to.asString();
  }
}
