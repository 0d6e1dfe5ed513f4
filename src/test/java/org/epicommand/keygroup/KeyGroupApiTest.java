package org.epicommand.keygroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.sentinel.SentinelFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.ModuleEvents;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Key groups through HTTP: groups and schedule editions with their bad inputs, rosters kept inside the
 * caller's reach (404 outside, 409 duplicates and retired memberships), the roster import's row errors and
 * idempotent re-import, and the schedule rules computed from the platform's own results — a twice-a-week member
 * sampled Monday and Tuesday (24 h apart) is still due on Thursday and overdue the next Monday; Monday and
 * Wednesday (49 h) is up to date.
 */
@EpiCommandTest
class KeyGroupApiTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String COMMUNITY = OrganisationFixtures.COMMUNITY;
  static final String STREET_OF_COMMUNITY = COMMUNITY.substring(0, 9);

  @Autowired
  Api api;

  @Autowired
  MemberSchedules schedules;

  @Autowired
  JdbcClient jdbc;

  @Test
  void groupsEditionsAndTheirBadInputs() {
    String code = "CC" + tag();
    Api.Answer zero = api.as("cdc").post("/api/v1/key-groups", Map.of("code", code, "name", "冷链",
        "schedule", Map.of("everyDays", 0)));
    assertThat(zero.status()).isEqualTo(400);
    assertThat(fields(zero)).containsExactly("schedule.everyDays");
    Api.Answer both = api.as("cdc").post("/api/v1/key-groups", Map.of("code", "x", "name", "",
        "schedule", Map.of("everyDays", 3, "perWeek", 2)));
    assertThat(fields(both)).contains("code", "name", "schedule.everyDays");
    Api.Answer created = api.as("cdc").post("/api/v1/key-groups", Map.of("code", code, "name", "冷链从业人员",
        "schedule", Map.of("everyDays", 3, "blocksDays", 14)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("current").get("everyDays").asInt()).isEqualTo(3);
    Api.Answer again = api.as("cdc").post("/api/v1/key-groups", Map.of("code", code, "name", "又一个",
        "schedule", Map.of("everyDays", 7)));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(code);
    assertThat(api.as("community").post("/api/v1/key-groups", Map.of()).status()).isEqualTo(403);

    // a new edition supersedes; the old one stays as it was
    Api.Answer edition = api.as("cdc").post("/api/v1/key-groups/" + code + "/schedules",
        Map.of("perWeek", 2, "minIntervalHours", 48));
    assertThat(edition.status()).as(edition.body()).isEqualTo(201);
    JsonNode group = edition.json();
    assertThat(group.get("current").get("version").asInt()).isEqualTo(2);
    assertThat(group.get("current").get("perWeek").asInt()).isEqualTo(2);
    assertThat(group.get("schedules").size()).isEqualTo(2);
    assertThat(group.get("schedules").get(1).get("everyDays").asInt()).isEqualTo(3);
    Api.Answer backdated = api.as("cdc").post("/api/v1/key-groups/" + code + "/schedules",
        Map.of("everyDays", 5, "effectiveFrom", LocalDate.now(ZONE).minusDays(3).toString()));
    assertThat(fields(backdated)).containsExactly("effectiveFrom");
    assertThat(fields(api.as("cdc").post("/api/v1/key-groups/" + code + "/schedules", Map.of("perWeek", 9))))
        .containsExactly("perWeek");
    assertThat(api.as("cdc").get("/api/v1/key-groups/NOPE" + tag()).status()).isEqualTo(404);
  }

  @Test
  void theDashboardTileCountsTheDistrictsMembersByState() {
    WebSession commander = WebSession.login(api, "commander");
    assertThat(commander.get("/analytics/dashboard?district=990101").body())
        .contains("hx-get=\"/keygroups/tile?district=990101\"");
    String code = group(Map.of("everyDays", 7));
    String unit = organisation("看板单位" + tag());
    Api.Answer added = api.as("district").post("/api/v1/key-groups/" + code + "/members",
        Map.of("personId", LabtestFixtures.persons(api, 1, COMMUNITY).get(0).personId(), "organisation", unit));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    Map<String, Long> counted = new HashMap<>();
    jdbc.sql("""
        select state, count(*) from keygroup_member where retired_at is null
          and jurisdiction_path like (select path from jurisdiction where code = '990101') || '%' group by state""")
        .query((rs, n) -> counted.put(rs.getString(1), rs.getLong(2))).list();
    assertThat(counted.get("NEVER_TESTED")).as("the member just added").isPositive();

    WebSession.Page tile = commander.get("/keygroups/tile?district=990101");
    assertThat(tile.status()).isEqualTo(200);
    java.util.regex.Matcher never = java.util.regex.Pattern.compile(
        "data-testid=\"tally-keygroup.state.NEVER_TESTED\">\\s*<div[^>]*>(\\d+)</div>").matcher(tile.body());
    assertThat(never.find()).as(tile.body()).isTrue();
    assertThat(Long.parseLong(never.group(1))).isEqualTo(counted.get("NEVER_TESTED"));
    long total = counted.values().stream().mapToLong(Long::longValue).sum();
    assertThat(tile.body()).contains("data-testid=\"widget-keygroup\"").contains("从未检测")
        .contains("/keygroups/overdue?jurisdiction=990101")
        .contains("按时检测 " + counted.getOrDefault("UP_TO_DATE", 0L) + "/" + total + " 人");
    assertThat(WebSession.login(api, "district").get("/keygroups/tile?district=990102").status())
        .as("outside the reach").isEqualTo(404);
    assertThat(WebSession.login(api, "auditor").get("/keygroups/tile").status()).isEqualTo(403);
  }

  @Test
  void complianceByDivisionCountsEachStreetsMembers() {
    String code = group(Map.of("everyDays", 7));
    String unit = organisation("分区单位" + tag());
    Api.Answer added = api.as("district").post("/api/v1/key-groups/" + code + "/members",
        Map.of("personId", LabtestFixtures.persons(api, 1, COMMUNITY).get(0).personId(), "organisation", unit));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    Map<String, Long> counted = new HashMap<>();
    jdbc.sql("""
        select j.code, count(m.id) from jurisdiction j join keygroup_member m
          on m.retired_at is null and m.jurisdiction_path like j.path || '%'
        where j.parent_code = '990101' group by j.code""")
        .query((rs, n) -> counted.put(rs.getString(1), rs.getLong(2))).list();
    Api.Answer streets = api.as("district").get("/api/v1/key-groups/compliance?level=township");
    assertThat(streets.status()).as(streets.body()).isEqualTo(200);
    Map<String, Long> answered = new HashMap<>();
    streets.json().valueStream().filter(l -> !l.get("own").asBoolean())
        .forEach(l -> answered.put(l.get("jurisdictionCode").asString(), l.get("members").asLong()));
    assertThat(answered).isEqualTo(counted);
    JsonNode first = streets.json().valueStream().filter(l -> l.get("jurisdictionCode").asString()
        .equals(STREET_OF_COMMUNITY)).findFirst().orElseThrow();
    assertThat(first.get("jurisdictionName").asString()).isNotBlank();
    assertThat(first.get("neverTested").asLong()).isPositive();
    // one group, by community of the street
    JsonNode ours = api.as("district").get("/api/v1/key-groups/compliance?level=VILLAGE&group=" + code
        + "&jurisdiction=" + STREET_OF_COMMUNITY).json();
    assertThat(ours.valueStream().map(l -> l.get("jurisdictionCode").asString() + " " + l.get("members").asLong())
        .toList()).containsExactly(COMMUNITY + " 1");
    assertThat(api.as("district").get("/api/v1/key-groups/compliance?level=CITY").status()).isEqualTo(400);
    assertThat(api.as("district").get("/api/v1/key-groups/compliance?level=STREETS").status()).isEqualTo(400);
    assertThat(api.as("district").get("/api/v1/key-groups/compliance?level=VILLAGE&jurisdiction=990102")
        .status()).isEqualTo(404);
  }

  @Test
  void rosterInsideTheReachWithDuplicatesAndRetirement() {
    String code = group(Map.of("everyDays", 7));
    String org = organisation("冷库" + tag());
    List<LabtestFixtures.Member> people = LabtestFixtures.persons(api, 2, COMMUNITY);
    String person = people.get(0).personId();
    Api.Answer bad = api.as("district").post("/api/v1/key-groups/" + code + "/members",
        Map.of("personId", "nobody", "organisation", "", "post", "x".repeat(51)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("personId", "organisation", "post");
    Api.Answer added = api.as("district").post("/api/v1/key-groups/" + code + "/members",
        Map.of("personId", person, "organisation", org, "post", "搬运"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String id = added.json().get("id").asString();
    assertThat(added.json().get("state").asString()).isEqualTo("NEVER_TESTED");
    assertThat(added.json().get("organisationCode").asString()).isEqualTo(org);
    Api.Answer twice = api.as("district").post("/api/v1/key-groups/" + code + "/members",
        Map.of("personId", person, "organisation", org));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(id);
    // a person or an organisation outside the caller's reach does not exist for them
    String elsewhere = LabtestFixtures.persons(api, 1, OrganisationFixtures.OTHER_DISTRICT_COMMUNITY).get(0)
        .personId();
    assertThat(api.as("district").post("/api/v1/key-groups/" + code + "/members",
        Map.of("personId", elsewhere, "organisation", org)).status()).isEqualTo(404);
    String farOrg = OrganisationFixtures.register(api, "远处单位" + tag(), "WAREHOUSE",
        OrganisationFixtures.OTHER_DISTRICT_COMMUNITY, null).json().get("creditCode").asString();
    assertThat(api.as("district").post("/api/v1/key-groups/" + code + "/members",
        Map.of("personId", people.get(1).personId(), "organisation", farOrg)).status()).isEqualTo(404);
    String outsider = SentinelFixtures.account(api, "kgd", "DISTRICT_STAFF", "990102");
    assertThat(api.as(outsider, SentinelFixtures.CLERK_PASSWORD)
        .get("/api/v1/key-groups/members/" + id).status()).isEqualTo(404);
    // correct, retire, and a retired membership refuses changes naming RETIRED
    Api.Answer corrected = api.as("district").put("/api/v1/key-groups/members/" + id, Map.of("post", "叉车"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("post").asString()).isEqualTo("叉车");
    assertThat(api.as("district").post("/api/v1/key-groups/members/" + id + "/retire", Map.of()).json()
        .get("retired").asBoolean()).isTrue();
    Api.Answer retiredAgain = api.as("district").post("/api/v1/key-groups/members/" + id + "/retire", Map.of());
    assertThat(retiredAgain.status()).isEqualTo(409);
    assertThat(retiredAgain.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(api.as("district").put("/api/v1/key-groups/members/" + id, Map.of("post", "x")).status())
        .isEqualTo(409);
    assertThat(api.as("district").get("/api/v1/key-groups/members/" + id).json().get("retired").asBoolean())
        .isTrue();
    // after retiring, the person can join again
    assertThat(api.as("district").post("/api/v1/key-groups/" + code + "/members",
        Map.of("personId", person, "organisation", org)).status()).isEqualTo(201);
  }

  @Test
  void rosterImportRefusesRowsWithTheirLinesAndIsIdempotent() {
    String code = group(Map.of("everyDays", 5));
    String org = organisation("码头" + tag());
    List<LabtestFixtures.Member> people = LabtestFixtures.persons(api, 2, COMMUNITY);
    String header = "groupCode,idType,idNumber,name,phone,creditCode,post,from\n";
    String csv = header
        + code + ",RESIDENT_ID," + people.get(0).idNumber() + ",检测0,13800138000," + org + ",装卸,2026-11-01\n"
        + code + ",RESIDENT_ID," + people.get(1).idNumber() + ",检测1,," + org + ",装卸,\n"
        + "NOPE,RESIDENT_ID," + people.get(1).idNumber() + ",检测1,," + org + ",,\n"
        + code + ",RESIDENT_ID," + people.get(1).idNumber() + ",别人,," + org + ",,\n"
        + code + ",RESIDENT_ID,110101199001011234,张三,," + org + ",,\n"
        + code + ",RESIDENT_ID," + people.get(0).idNumber() + ",检测0,,91990101000000000X,,\n"
        + code + ",RESIDENT_ID," + people.get(0).idNumber() + ",检测0,," + org + ",,2026-13-01\n"
        + code + ",RESIDENT_ID," + people.get(0).idNumber() + ",检测0,," + org + ",装卸,2026-11-01\n";
    JsonNode status = upload(api, "district", "key-group-roster", csv);
    assertThat(LabtestFixtures.errors(status)).containsExactlyInAnyOrder("4:groupCode", "5:idNumber",
        "6:idNumber", "7:creditCode", "8:from", "9:idNumber");
    assertThat(api.as("district").get("/api/v1/key-groups/" + code + "/members").json().get("items").size())
        .isEqualTo(2);
    JsonNode again = upload(api, "district", "key-group-roster", header
        + code + ",RESIDENT_ID," + people.get(0).idNumber() + ",检测0,13800138000," + org + ",装卸,2026-11-01\n");
    assertThat(again.get("errors").size()).isZero();
    assertThat(again.get("rowsAlreadyPresent").asInt()).isEqualTo(1);
    assertThat(api.as("district").get("/api/v1/key-groups/" + code + "/members").json().get("items").size())
        .isEqualTo(2);
  }

  @Test
  void twiceAWeekMondayAndTuesdayIsStillDueOnThursdayMondayAndWednesdayIsNot() {
    String code = group(Map.of("perWeek", 2, "minIntervalHours", 48));
    String org = organisation("快递" + tag());
    LocalDate monday = LocalDate.now(ZONE).minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<LabtestFixtures.Member> people = LabtestFixtures.persons(api, 2, COMMUNITY);
    LabtestFixtures.Member tuesday = people.get(0);
    LabtestFixtures.Member wednesday = people.get(1);
    for (LabtestFixtures.Member m : people) {
      Map<String, Object> body = new HashMap<>(Map.of("personId", m.personId(), "organisation", org));
      body.put("from", monday.minusWeeks(1).toString());
      assertThat(api.as("district").post("/api/v1/key-groups/" + code + "/members", body).status()).isEqualTo(201);
    }
    sample(tuesday, monday.atTime(9, 0));
    sample(wednesday, monday.atTime(9, 0));
    sample(tuesday, monday.plusDays(1).atTime(9, 0));
    sample(wednesday, monday.plusDays(2).atTime(10, 0));

    // the group's members as of the days of the test: a sweep of the whole database as of a past day would move
    // other tests' members too, and their blocks told would set off ledger listeners beside the next sweep
    schedules.refreshGroup(code, monday.plusDays(1));
    assertThat(member(code, tuesday).get("state").asString()).isEqualTo("UP_TO_DATE");
    schedules.refreshGroup(code, monday.plusDays(3));
    JsonNode thursday = member(code, tuesday);
    assertThat(thursday.get("state").asString()).isEqualTo("DUE_TODAY");
    assertThat(thursday.get("nextDue").asString()).isEqualTo(monday.plusDays(2).toString());
    assertThat(member(code, wednesday).get("state").asString()).isEqualTo("UP_TO_DATE");
    assertThat(member(code, wednesday).get("nextDue").asString()).isEqualTo(monday.plusDays(7).toString());
    // the week ends with one counted sampling: overdue from the next Monday, and on the overdue list
    schedules.refreshGroup(code, monday.plusDays(7));
    assertThat(member(code, tuesday).get("state").asString()).isEqualTo("OVERDUE");
    assertThat(member(code, wednesday).get("state").asString()).isEqualTo("DUE_TODAY");
    JsonNode overdue = api.as("district").get("/api/v1/key-groups/overdue?group=" + code + "&jurisdiction=990101")
        .json();
    assertThat(overdue.get("items").valueStream().map(i -> i.get("personId").asString()).toList())
        .containsExactly(tuesday.personId());
    assertThat(api.as("district").get("/api/v1/key-groups/overdue?jurisdiction=990102").status()).isEqualTo(404);
    JsonNode compliance = api.as("district").get("/api/v1/key-groups/compliance?group=" + code).json();
    assertThat(compliance.get(0).get("overdue").asInt()).isEqualTo(1);
    assertThat(compliance.get(0).get("dueToday").asInt()).isEqualTo(1);
    Api.Answer csv = api.as("district").get("/api/v1/key-groups/overdue?group=" + code, "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains("OVERDUE").doesNotContain(wednesday.idNumber());
    schedules.refreshGroup(code);
  }

  private void sample(LabtestFixtures.Member m, LocalDateTime at) {
    String barcode = "K" + tag();
    upload(api, "lab", "tubes", TUBES_HEADER + barcode + ",SINGLE,RESIDENT_ID," + m.idNumber() + ",S990101001001,"
        + at.atZone(ZONE).toInstant() + "\n");
    upload(api, "lab", "results", RESULTS_HEADER + barcode + ",NEGATIVE,,,LAB01,"
        + at.plusHours(6).atZone(ZONE).toInstant() + "\n");
    schedules.observe(List.of(java.util.UUID.fromString(m.personId())));
    // the platform's own handler of the results recomputes as of the real today: let it finish before a test
    // recomputes as of a day of its choosing, or it may overwrite that day's states afterwards
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
        .until(() -> ModuleEvents.handled(jdbc, "keygroup.internal.ScheduleJobs", m.personId()));
  }

  private JsonNode member(String code, LabtestFixtures.Member m) {
    return api.as("district").get("/api/v1/key-groups/" + code + "/members?size=500").json().get("items")
        .valueStream().filter(i -> i.get("personId").asString().equals(m.personId())).findFirst().orElseThrow();
  }

  private String group(Map<String, Object> schedule) {
    return group(api, "KG", schedule);
  }

  /** A new key group (as cdc) with this first schedule edition; its code. */
  static String group(Api api, String prefix, Map<String, Object> schedule) {
    String code = prefix + tag();
    Api.Answer created = api.as("cdc").post("/api/v1/key-groups", Map.of("code", code, "name", "测试人群" + code,
        "schedule", schedule));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  private String organisation(String name) {
    return OrganisationFixtures.register(api, name, "WAREHOUSE", COMMUNITY, null).json().get("creditCode").asString();
  }

  static String tag() {
    return Long.toString(System.nanoTime() % 100_000_000L);
  }

  static List<String> fields(Api.Answer answer) {
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }
}
