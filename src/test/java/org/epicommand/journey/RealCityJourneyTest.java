package org.epicommand.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.epicommand.journey.Answers.ok;
import static org.epicommand.journey.Answers.phases;
import static org.epicommand.journey.Answers.row;
import static org.epicommand.journey.CityFiles.DISTRICT;
import static org.epicommand.journey.CityFiles.STREET;
import static org.epicommand.journey.CityFiles.VILLAGE;
import static org.epicommand.journey.CityFiles.residentId;
import static org.epicommand.journey.CityStaff.PASSWORD;
import static org.epicommand.journey.CityStaff.home;
import static org.epicommand.journey.CityStaff.username;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.epicommand.account.Role;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.epicommand.support.Api;
import org.epicommand.support.CityInstallation;
import org.epicommand.support.PdfText;
import org.epicommand.support.SharedData;
import org.epicommand.supervision.SupervisionFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 忻州市 sets EpiCommand up from nothing and runs its first day through the product alone: the
 * application outside demo mode on an empty database, every step over HTTP as the person whose job
 * it is. Divisions and population, an account for every role, the command post (leadership group,
 * units, duty, the report template), the places (quarantine site, sampling sites, labs, venues by
 * file, a checkpoint) and the city's own rule set; then the day — a confirmed case, its trajectory,
 * venue scans turned into close contacts whose orders follow the city's rule set, their transfer and
 * check-in, a health check on a phone, a positive pooled tube and its ten retests, a medium-risk
 * area, a zero report, an inspection whose problem is rectified and closed — and the picture the
 * command post gets from it: the dashboard, the situation report, the public bulletin. At the end
 * the setup page has nothing left to ask for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealCityJourneyTest {

  static final String RULE_SET = "XINZHOU_2026";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  @TempDir
  static Path work;

  CityInstallation city;
  CityStaff staff;
  Api.Caller admin;
  LocalDate today;
  /** Everything the day creates, by name: ids of records, codes, tokens. */
  final Map<String, String> ids = new HashMap<>();
  final List<String> contactOrders = new ArrayList<>();
  final List<String> poolMembers = new ArrayList<>();

  @BeforeAll
  void start() {
    city = CityInstallation.start(work);
    admin = city.admin();
    staff = new CityStaff(city);
    today = LocalDate.now(CITY);
  }

  @AfterAll
  void stop() {
    city.close();
  }

  // ---- setting up ------------------------------------------------------------------------------

  @Test
  @Order(1)
  void theDivisionsOfXinzhouArriveWithTheirPopulation() throws Exception {
    JsonNode divisions = admin.upload("/api/v1/imports/jurisdictions?wait=true",
        SharedData.require("admin/xinzhou_1409_hierarchy_2021.csv")).json();
    assertThat(divisions.get("status").asString()).isEqualTo("DONE");
    assertThat(divisions.get("rowsImported").asLong()).isEqualTo(3057);
    assertThat(divisions.get("rowsRejected").asLong()).isZero();
    assertThat(admin.get("/api/v1/me").json().get("jurisdictionCode").asString()).isEqualTo("14");

    // the administrator types in the district's population, then the statistics bureau's file brings the rest
    ok(admin.put("/api/v1/jurisdictions/" + DISTRICT, Map.of("population", 540_000)), 200);
    assertThat(admin.get("/api/v1/jurisdictions/" + DISTRICT).json().get("population").asLong()).isEqualTo(540_000);
    JsonNode population = admin.upload("/api/v1/imports/jurisdictions?wait=true", "常住人口.csv",
        CityFiles.population()).json();
    assertThat(population.get("rowsImported").asLong()).as(population.toString()).isEqualTo(15);
    assertThat(admin.get("/api/v1/jurisdictions/" + DISTRICT).json().get("population").asLong()).isEqualTo(542_000);
    assertThat(admin.get("/api/v1/jurisdictions/140981").json().get("population").asLong()).isEqualTo(419_000);
    // 市辖区 (140901) is a code without divisions below it: no residents, nothing to set
    SetupItem populationSet = city.bean("divisionSetup", SetupCheck.class).check().get(1);
    assertThat(populationSet.item()).isEqualTo("setup.population");
    assertThat(populationSet.count()).isEqualTo(15);
    assertThat(populationSet.ready()).isTrue();
  }

  @Test
  @Order(2)
  void everyRoleGetsAnAccountAtItsPlace() {
    // the system administrator makes the working accounts; the three administrators came with the
    // installation and were placed at the root of the divisions
    for (Role role : Role.values()) {
      if (!role.administrator()) {
        staff.create(username(role), role, home(role));
      }
    }
    staff.create("xz-deputy", Role.COMMANDER, "1409");
    for (Role role : Role.values()) {
      JsonNode me = as(role).get("/api/v1/me").json();
      assertThat(me.get("roles").toString()).as(role.name()).contains(role.name());
      assertThat(me.get("jurisdictionCode").asString()).as(role.name())
          .isEqualTo(role.administrator() ? "14" : home(role));
    }
    assertThat(as(Role.COMMUNITY_WORKER).get("/api/v1/me").json().get("jurisdictionName").asString())
        .isEqualTo("西街社区居民委员会");
  }

  @Test
  @Order(3)
  void theCommandPostHasItsLeadershipUnitsDutyAndReportTemplate() {
    Api.Caller commander = as(Role.COMMANDER);
    ok(commander.post("/api/v1/command/leadership/members", Map.of("name", "王建国", "position", "LEADER",
        "title", "市长", "username", username(Role.COMMANDER), "servedFrom", today.toString())), 201);
    ok(commander.post("/api/v1/command/leadership/members", Map.of("name", "李卫东", "position", "DEPUTY",
        "title", "副市长", "username", "xz-deputy", "servedFrom", today.toString())), 201);
    JsonNode leadership = commander.get("/api/v1/command/leadership").json().get("serving");
    assertThat(leadership.valueStream().map(l -> l.get("position").asString() + ":" + l.get("name").asString()))
        .containsExactly("LEADER:王建国", "DEPUTY:李卫东");

    staff.unit("XZ-OFFICE", "市疫情防控指挥部办公室", "OFFICE", null, false, Role.COMMANDER);
    staff.unit("XZ-CDC", "市疾病预防控制中心", "DEPARTMENT", null, true, Role.EPIDEMIOLOGIST);
    staff.unit("XZ-SUPPLIES", "物资保障组", "WORKING_GROUP", null, true, Role.SUPPLIES_OFFICER);
    staff.unit("XZ-XF", "忻府区疫情防控指挥部", "DISTRICT", DISTRICT, true, Role.DISTRICT_STAFF);
    staff.unit("XZ-XR", "秀容街道", "STREET", STREET, true, Role.STREET_STAFF);
    staff.unit("XZ-XJ", "西街社区", "COMMUNITY", VILLAGE, true, Role.COMMUNITY_WORKER);

    // the office's roster for the week comes from its spreadsheet
    JsonNode roster = commander.upload("/api/v1/imports/duty-roster?wait=true", "值班表.csv",
        CityFiles.dutyRoster("XZ-OFFICE", today, 7)).json();
    assertThat(roster.get("status").asString()).isEqualTo("DONE");
    assertThat(roster.get("rowsImported").asLong()).as(roster.toString()).isEqualTo(7);
    JsonNode duty = commander.get("/api/v1/command/duty?date=" + today).json();
    assertThat(duty.toString()).contains("XZ-OFFICE", "张值班0", "王建国");
    JsonNode week = commander.get("/api/v1/command/units/XZ-OFFICE/duty?from=" + today + "&to=" + today.plusDays(6))
        .json();
    assertThat(week.findValuesAsString("leader")).containsExactly("王建国", "李卫东", "王建国", "李卫东", "王建国",
        "李卫东", "王建国");

    Api.Answer template = ok(commander.post("/api/v1/daily-reports/templates", Map.of("name", "忻州市疫情防控工作日报",
        "deadline", "10:00", "fields", List.of(Map.of("key", "visits", "label", "走访排查户数", "type", "INTEGER"),
            Map.of("key", "tests", "label", "核酸采样人次", "type", "INTEGER")))), 201);
    ids.put("template", template.json().get("id").asString());
    JsonNode made = ok(commander.post("/api/v1/daily-reports/templates/" + ids.get("template") + "/default", ""), 200)
        .json();
    assertThat(made.get("isDefault").asBoolean()).isTrue();
    JsonNode templates = as(Role.COMMUNITY_WORKER).get("/api/v1/daily-reports/templates").json();
    assertThat(templates.get(0).get("id").asString()).isEqualTo(ids.get("template"));
    assertThat(templates.valueStream().filter(t -> t.get("isDefault").asBoolean()).count()).isEqualTo(1);
    assertThat(staff.completeness(today)).containsEntry("XZ-XJ", "MISSING").containsEntry("XZ-XF", "MISSING")
        .doesNotContainKey("XZ-OFFICE");
  }

  @Test
  @Order(4)
  void thePlacesOfTheCityAreRegistered() {
    Api.Caller site = as(Role.SITE_MANAGER);
    Api.Answer created = ok(site.post("/api/v1/quarantine/sites", Map.of("code", "XF-Q01", "name", "忻府区集中隔离点（忻州宾馆）",
        "address", "忻府区和平街 50 号", "jurisdictionCode", DISTRICT, "contactName", "刘志强",
        "contactPhone", "13903501234", "capacityNotes", "单人间 10 间")), 201);
    ids.put("site", created.json().get("id").asString());
    // a site manager works only at the sites the administrator binds them to
    assertThat(site.post("/api/v1/quarantine/sites/" + ids.get("site") + "/rooms", Map.of("from", 101, "to", 110))
        .status()).isEqualTo(404);
    ok(admin.post("/api/v1/quarantine/site-staff/" + ids.get("site"), Map.of("username", username(Role.SITE_MANAGER))),
        201);
    ok(site.post("/api/v1/quarantine/sites/" + ids.get("site") + "/rooms", Map.of("from", 101, "to", 110)), 201);
    JsonNode rooms = site.get("/api/v1/quarantine/sites/" + ids.get("site") + "/rooms").json();
    assertThat(rooms.size()).isEqualTo(10);
    assertThat(rooms.valueStream().map(r -> r.get("state").asString()).distinct()).containsExactly("FREE");
    rooms.forEach(r -> ids.put("room" + r.get("number").asString(), r.get("id").asString()));

    ok(admin.post("/api/v1/labtest/sampling-sites", Map.of("code", "XZ-S01", "name", "秀容街道便民采样点",
        "jurisdictionCode", STREET, "address", "忻府区秀容街道和平街 1 号", "capacityPerDay", 3000, "samplers", 6)), 201);
    ok(admin.post("/api/v1/labtest/sampling-sites", Map.of("code", "XZ-S02", "name", "忻府区人民医院采样点",
        "jurisdictionCode", DISTRICT, "capacityPerDay", 5000)), 201);
    ok(admin.post("/api/v1/labtest/labs", Map.of("code", "XZ-LAB01", "name", "忻州市疾控中心实验室",
        "jurisdictionCode", "1409", "capacityPerDay", 20_000)), 201);
    ok(admin.post("/api/v1/labtest/labs", Map.of("code", "XZ-LAB02", "name", "忻府区人民医院检验科",
        "jurisdictionCode", DISTRICT, "capacityPerDay", 5_000)), 201);
    // the lab operator uploads results for the lab they work at
    ok(admin.post("/api/v1/labtest/lab-staff/XZ-LAB01", Map.of("username", username(Role.LAB_OPERATOR))), 201);
    assertThat(as(Role.LAB_OPERATOR).get("/api/v1/labtest/labs?active=true").json().get("items").valueStream()
        .map(l -> l.get("code").asString())).containsExactlyInAnyOrder("XZ-LAB01", "XZ-LAB02");

    JsonNode venues = as(Role.EPIDEMIOLOGIST).upload("/api/v1/imports/venues?wait=true", "场所码.csv",
        CityFiles.venues()).json();
    assertThat(venues.get("status").asString()).as(venues.toString()).isEqualTo("DONE");
    assertThat(venues.get("rowsImported").asLong()).as(venues.toString()).isEqualTo(3);
    JsonNode market = as(Role.EPIDEMIOLOGIST).get("/api/v1/venues/XF-V002").json();
    assertThat(market.get("name").asString()).isEqualTo("西街农贸市场");
    assertThat(market.get("type").asString()).isEqualTo("MARKET");
    assertThat(market.get("jurisdictionCode").asString()).isEqualTo(VILLAGE);

    Api.Answer checkpoint = ok(as(Role.COMMANDER).post("/api/v1/checkpoints", Map.of("code", "XZ-K01",
        "name", "忻州北高速收费站卡口", "kind", "TRAFFIC", "jurisdictionCode", DISTRICT)), 201);
    assertThat(checkpoint.json().get("code").asString()).isEqualTo("XZ-K01");

    ok(admin.post("/api/v1/vaccination/sites", Map.of("code", "XZ-V01", "name", "秀容街道社区卫生服务中心接种门诊",
        "organisation", "秀容街道社区卫生服务中心", "jurisdictionCode", STREET, "contactPhone", "0350-3030000",
        "mobile", false)), 201);
    // the organisations that will reopen, each with its epidemic-prevention contact
    String first17 = "91140902MA0" + "K3Q7X" + "0";
    Map<String, Object> school = new LinkedHashMap<>();
    school.put("creditCode", first17 + org.epicommand.organisation.CreditCode.checkCharacter(first17));
    school.put("name", "忻州市第一中学校");
    school.put("kind", "SCHOOL");
    school.put("jurisdictionCode", STREET);
    school.put("headcount", 300);
    school.put("contactName", "张校长");
    school.put("contactPhone", "13903505678");
    Api.Answer organisation = ok(as(Role.COMMANDER).post("/api/v1/organisations", school), 201);
    ids.put("organisation", organisation.json().get("id").asString());
    ok(admin.post("/api/v1/organisation-contacts/" + ids.get("organisation"),
        Map.of("username", username(Role.UNIT_CONTACT))), 201);
  }

  @Test
  @Order(5)
  void theCityAddsItsOwnRuleSetInForceToday() {
    // under the national ten measures in force until now there are no medium-risk areas
    Api.Answer medium = as(Role.COMMANDER).post("/api/v1/risk-areas", Map.of("name", "试划中风险区", "level", "MEDIUM",
        "jurisdictionCode", VILLAGE));
    assertThat(medium.status()).isEqualTo(400);
    assertThat(medium.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
    assertThat(medium.body()).contains("TEN_MEASURES");

    ObjectNode rules = (ObjectNode) admin.get("/api/v1/quarantine/rule-sets/V9").json();
    rules.put("code", RULE_SET);
    rules.put("nameZh", "忻州市疫情防控工作方案（2026 年版）");
    rules.put("nameEn", "Xinzhou prevention and control plan 2026");
    rules.put("effectiveFrom", today.minusDays(30).toString());
    rules.put("lookBackDays", 3);
    ObjectNode reasons = (ObjectNode) rules.get("rules");
    reasons.set("CLOSE_CONTACT", Api.JSON.valueToTree(Map.of("phases", List.of(
        Map.of("regime", "CENTRALIZED", "days", 7), Map.of("regime", "HOME_MONITORING", "days", 3)),
        "testDays", List.of(1, 3, 5, 7), "dualReagentDays", List.of(), "releaseOnNegative", false)));
    reasons.set("POSITIVE_POOL", Api.JSON.valueToTree(Map.of("phases", List.of(
        Map.of("regime", "HOME_ISOLATION", "days", 3)), "testDays", List.of(1, 3), "dualReagentDays", List.of(),
        "releaseOnNegative", true)));
    JsonNode added = ok(admin.post("/api/v1/quarantine/rule-sets", rules), 201).json();
    assertThat(added.get("builtin").asBoolean()).isFalse();
    JsonNode read = as(Role.COMMUNITY_WORKER).get("/api/v1/quarantine/rule-sets/" + RULE_SET).json();
    assertThat(read.get("riskLevels").toString()).isEqualTo("[\"HIGH\",\"MEDIUM\",\"LOW\"]");
    assertThat(read.get("effectiveFrom").asString()).isEqualTo(today.minusDays(30).toString());
    assertThat(read.get("rules").get("CLOSE_CONTACT").get("testDays").toString()).isEqualTo("[1,3,5,7]");
  }

  // ---- the day ---------------------------------------------------------------------------------

  @Test
  @Order(10)
  void residentsAreRegisteredByHandAndByFile() {
    Api.Caller community = as(Role.COMMUNITY_WORKER);
    List<String> names = List.of("赵红梅", "钱志刚", "孙丽娟", "李国庆", "周晓燕");
    for (int i = 0; i < names.size(); i++) {
      Api.Answer created = ok(community.post("/api/v1/persons", Map.of("name", names.get(i), "idType", "RESIDENT_ID",
          "idNumber", residentId(i + 1), "phone", "1390350000" + i, "address", "西街 2" + i + " 号",
          "jurisdictionCode", VILLAGE)), 201);
      assertThat(created.json().get("jurisdictionCode").asString()).isEqualTo(VILLAGE);
      ids.put(names.get(i), created.json().get("id").asString());
    }
    List<String> pool = List.of("吴一", "郑二", "王三", "冯四", "陈五", "褚六", "卫七", "蒋八", "沈九", "韩十");
    JsonNode imported = community.upload("/api/v1/imports/persons?wait=true", "排查登记表.csv",
        CityFiles.residents(pool, 11)).json();
    assertThat(imported.get("status").asString()).isEqualTo("DONE");
    assertThat(imported.get("rowsImported").asLong()).as(imported.toString()).isEqualTo(10);
    for (int i = 0; i < pool.size(); i++) {
      JsonNode found = as(Role.COMMANDER).get("/api/v1/persons?q=" + residentId(11 + i)).json().get("items");
      assertThat(found.size()).as(pool.get(i)).isEqualTo(1);
      assertThat(found.get(0).get("name").asString()).isEqualTo(pool.get(i));
      poolMembers.add(found.get(0).get("id").asString());
    }
    assertThat(community.get("/api/v1/persons?size=100").json().get("items").size()).isEqualTo(15);
  }

  @Test
  @Order(11)
  void aConfirmedCaseIsReportedAndItsTrajectoryRecorded() {
    Api.Caller cdc = as(Role.EPIDEMIOLOGIST);
    Api.Answer reported = ok(cdc.post("/api/v1/cases", Map.of("personId", ids.get("赵红梅"), "classification",
        "CONFIRMED", "onsetDate", today.minusDays(1).toString(), "samplingDate", today.toString(),
        "diagnosedAt", OffsetDateTime.now().toString(), "severity", "MILD", "imported", false,
        "discoveryRoute", "FEVER_CLINIC")), 201);
    ids.put("case", reported.json().get("id").asString());
    assertThat(reported.json().get("jurisdictionCode").asString()).isEqualTo(VILLAGE);
    assertThat(reported.json().get("personName").asString()).isEqualTo("赵红梅");

    JsonNode investigation = await().atMost(WAIT).until(() -> cdc.get("/api/v1/cases/" + ids.get("case")
        + "/investigation"), a -> a.status() == 200).json();
    ids.put("investigation", investigation.get("id").asString());
    assertThat(investigation.get("ruleSet").asString()).as("the city's rule set decides the look-back")
        .isEqualTo(RULE_SET);
    assertThat(investigation.get("windowStart").asString()).isEqualTo(today.minusDays(4).toString());
    String path = "/api/v1/investigations/" + ids.get("investigation");
    ok(as(Role.COMMANDER).post(path + "/assign", Map.of("investigator", username(Role.EPIDEMIOLOGIST))), 200);
    assertThat(cdc.get("/api/v1/investigations/mine").json().get("items").get(0).get("id").asString())
        .isEqualTo(ids.get("investigation"));

    OffsetDateTime exposure = exposure();
    ok(cdc.post(path + "/trajectory", Map.of("venueCode", "XF-V002", "fromAt", exposure.toString(),
        "toAt", exposure.plusHours(1).toString(), "activity", "买菜")), 201);
    ok(cdc.post(path + "/trajectory", Map.of("venueCode", "XF-V003", "fromAt", exposure.plusHours(2).toString(),
        "toAt", exposure.plusHours(2).plusMinutes(40).toString(), "activity", "就餐")), 201);
    JsonNode trajectory = cdc.get(path + "/trajectory").json();
    assertThat(trajectory.size()).isEqualTo(2);
    ok(cdc.post(path + "/transition", Map.of("state", "CORE_DONE")), 200);
  }

  @Test
  @Order(12)
  void venueScansBringCloseContactsWhoseOrdersFollowTheCitysRuleSet() {
    Api.Caller cdc = as(Role.EPIDEMIOLOGIST);
    OffsetDateTime exposure = exposure();
    JsonNode scans = cdc.upload("/api/v1/imports/venue-scans?wait=true", "扫码记录.csv", CityFiles.scans(
        List.of(residentId(1), residentId(2), residentId(3), residentId(4), residentId(5)),
        List.of("XF-V002", "XF-V002", "XF-V002", "XF-V002", "XF-V002"),
        List.of(exposure.plusMinutes(5).toString(), exposure.plusMinutes(20).toString(),
            exposure.plusMinutes(35).toString(), exposure.plusMinutes(50).toString(),
            exposure.plusHours(5).toString()))).json();
    assertThat(scans.get("status").asString()).isEqualTo("DONE");
    assertThat(scans.get("rowsImported").asLong()).as(scans.toString()).isEqualTo(5);

    String path = "/api/v1/investigations/" + ids.get("investigation");
    JsonNode search = ok(cdc.post(path + "/copresence", Map.of()), 200).json();
    assertThat(search.get("proposed").asInt()).isEqualTo(3);
    JsonNode candidates = cdc.get(path + "/candidates").json();
    assertThat(candidates.findValuesAsString("personName")).containsExactlyInAnyOrder("钱志刚", "孙丽娟", "李国庆");

    List<String> contacts = new ArrayList<>();
    for (JsonNode candidate : candidates) {
      JsonNode contact = ok(cdc.post(path + "/candidates/" + candidate.get("id").asString() + "/confirm",
          Map.of("category", "CLOSE", "contactType", "LEISURE")), 201).json();
      assertThat(contact.get("lastExposureDate").asString()).isEqualTo(today.minusDays(2).toString());
      contacts.add(contact.get("id").asString());
    }
    LocalDate anchor = today.minusDays(2);
    for (String contactId : contacts) {
      JsonNode contact = await().atMost(WAIT).until(() -> cdc.get("/api/v1/contacts/" + contactId).json(),
          c -> !c.get("orderId").isNull());
      assertThat(contact.get("trackingState").asString()).isEqualTo("UNDER_CONTROL");
      JsonNode order = cdc.get("/api/v1/quarantine/orders/" + contact.get("orderId").asString()).json();
      assertThat(order.get("ruleSet").asString()).isEqualTo(RULE_SET);
      assertThat(order.get("reason").asString()).isEqualTo("CLOSE_CONTACT");
      assertThat(order.get("anchorDate").asString()).isEqualTo(anchor.toString());
      assertThat(phases(order)).containsExactly(
          "CENTRALIZED " + anchor.plusDays(1) + ".." + anchor.plusDays(7),
          "HOME_MONITORING " + anchor.plusDays(8) + ".." + anchor.plusDays(10));
      assertThat(order.get("testDates").valueStream().map(JsonNode::asString)).containsExactly(
          anchor.plusDays(1).toString(), anchor.plusDays(3).toString(), anchor.plusDays(5).toString(),
          anchor.plusDays(7).toString());
      assertThat(order.get("tests").get(0).get("status").asString()).as("day 1 was yesterday").isEqualTo("SKIPPED");
      assertThat(order.get("plannedEndDate").asString()).isEqualTo(anchor.plusDays(10).toString());
      assertThat(order.get("state").asString()).isEqualTo("PENDING_TRANSFER");
      contactOrders.add(order.get("id").asString());
    }
  }

  @Test
  @Order(13)
  void theContactsAreTakenToTheSiteAndCheckedIn() {
    Api.Caller community = as(Role.COMMUNITY_WORKER);
    JsonNode street = as(Role.STREET_STAFF).get("/api/v1/contacts?trackingState=UNDER_CONTROL&size=100").json();
    assertThat(street.get("items").findValuesAsString("personName")).containsExactlyInAnyOrder("钱志刚", "孙丽娟",
        "李国庆");
    JsonNode awaiting = community.get("/api/v1/quarantine/work-lists/AWAITING_TRANSFER?size=100").json();
    assertThat(awaiting.toString()).contains(contactOrders.get(0), contactOrders.get(1), contactOrders.get(2));
    JsonNode trip = ok(community.post("/api/v1/quarantine/trips", Map.of("vehicle", "晋H·A1234", "driver", "郭师傅",
        "escort", "白医生", "destinationSiteId", ids.get("site"), "orderIds", contactOrders)), 201).json();
    assertThat(trip.get("state").asString()).isEqualTo("PLANNED");
    String path = "/api/v1/quarantine/trips/" + trip.get("id").asString();
    assertThat(ok(community.post(path + "/dispatch", Map.of()), 200).json().get("state").asString())
        .isEqualTo("DISPATCHED");
    assertThat(ok(community.post(path + "/pick-up", Map.of("pickedUp", contactOrders)), 200).json().get("state")
        .asString()).isEqualTo("PICKED_UP");
    assertThat(ok(community.post(path + "/arrive", Map.of()), 200).json().get("state").asString())
        .isEqualTo("ARRIVED");
    Map<String, String> rooms = new LinkedHashMap<>();
    for (int i = 0; i < contactOrders.size(); i++) {
      rooms.put(contactOrders.get(i), ids.get("room" + (101 + i)));
    }
    JsonNode checkedIn = ok(as(Role.SITE_MANAGER).post(path + "/check-in", Map.of("rooms", rooms)), 200).json();
    assertThat(checkedIn.get("state").asString()).isEqualTo("CHECKED_IN");
    for (String orderId : contactOrders) {
      JsonNode order = community.get("/api/v1/quarantine/orders/" + orderId).json();
      assertThat(order.get("state").asString()).isEqualTo("ACTIVE");
      assertThat(order.get("siteId").asString()).isEqualTo(ids.get("site"));
      assertThat(order.get("currentRegime").asString()).isEqualTo("CENTRALIZED");
    }
    JsonNode siteRooms = as(Role.SITE_MANAGER).get("/api/v1/quarantine/sites/" + ids.get("site") + "/rooms").json();
    assertThat(siteRooms.valueStream().filter(r -> r.get("state").asString().equals("OCCUPIED")).count())
        .isEqualTo(3);
  }

  @Test
  @Order(14)
  void aContactReportsTheirTemperatureThroughTheirPersonalLink() {
    String orderId = contactOrders.get(0);
    JsonNode link = ok(as(Role.SITE_MANAGER).post("/api/v1/quarantine/orders/" + orderId + "/health-link", Map.of()),
        201).json();
    assertThat(link.get("path").asString()).startsWith("/public/h/");
    String token = link.get("token").asString();
    JsonNode page = ok(city.api().anonymous().get("/api/v1/public/health-links/" + token), 200).json();
    assertThat(page.get("personName").asString()).isEqualTo(
        as(Role.COMMANDER).get("/api/v1/quarantine/orders/" + orderId).json().get("personName").asString());
    assertThat(ok(city.api().anonymous().get(link.get("path").asString(), "text/html"), 200).body())
        .contains(page.get("personName").asString());
    JsonNode check = ok(city.api().anonymous().post("/api/v1/public/health-links/" + token + "/health-checks",
        Map.of("temperature", 36.6)), 201).json();
    assertThat(check.get("reportedBy").asString()).isEqualTo("SELF");
    JsonNode checks = as(Role.SITE_MANAGER).get("/api/v1/quarantine/orders/" + orderId + "/health-checks").json();
    assertThat(checks.size()).isEqualTo(1);
    assertThat(checks.get(0).get("temperature").asDouble()).isEqualTo(36.6);
  }

  @Test
  @Order(15)
  void aPositivePoolOfTenPutsTenOnTheRetestListAndUnderTemporaryControl() {
    Api.Caller lab = as(Role.LAB_OPERATOR);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      numbers.add(residentId(11 + i));
    }
    String barcode = "XZ" + today.toString().replace("-", "") + "0001";
    // sampled half an hour ago (but today), resulted now
    OffsetDateTime now = OffsetDateTime.now(CITY).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    OffsetDateTime sampled = now.minusMinutes(30).toLocalDate().equals(today) ? now.minusMinutes(30)
        : today.atStartOfDay(CITY).toOffsetDateTime();
    JsonNode tubes = lab.upload("/api/v1/imports/tubes?wait=true", "采样记录.csv", CityFiles.pooledTube(barcode,
        numbers, "XZ-S01", sampled.toString())).json();
    assertThat(tubes.get("rowsImported").asLong()).as(tubes.toString()).isEqualTo(10);
    JsonNode tube = lab.get("/api/v1/tubes/" + barcode).json();
    assertThat(tube.get("kind").asString()).isEqualTo("POOL_10");
    assertThat(tube.get("members").size()).isEqualTo(10);

    JsonNode results = lab.upload("/api/v1/imports/results?wait=true", "检测结果.csv", CityFiles.result(barcode, "阳性",
        "XZ-LAB01", now.toString())).json();
    assertThat(results.get("rowsImported").asLong()).as(results.toString()).isEqualTo(1);
    tube = lab.get("/api/v1/tubes/" + barcode).json();
    assertThat(tube.get("result").asString()).isEqualTo("POSITIVE");

    JsonNode retests = as(Role.COMMUNITY_WORKER).get("/api/v1/retests?size=500").json().get("items");
    assertThat(retests.size()).isEqualTo(10);
    assertThat(retests.findValuesAsString("personId")).containsExactlyInAnyOrderElementsOf(poolMembers);
    assertThat(retests.findValuesAsString("poolBarcode")).containsOnly(barcode);

    List<JsonNode> orders = await().atMost(WAIT).until(() -> staff.orders("POSITIVE_POOL"), o -> o.size() == 10);
    for (JsonNode order : orders) {
      assertThat(poolMembers).contains(order.get("personId").asString());
      JsonNode full = as(Role.COMMUNITY_WORKER).get("/api/v1/quarantine/orders/" + order.get("id").asString()).json();
      assertThat(full.get("ruleSet").asString()).isEqualTo(RULE_SET);
      assertThat(full.get("anchorDate").asString()).isEqualTo(today.toString());
      assertThat(phases(full)).containsExactly("HOME_ISOLATION " + today.plusDays(1) + ".." + today.plusDays(3));
      assertThat(full.get("testDates").valueStream().map(JsonNode::asString))
          .containsExactly(today.plusDays(1).toString(), today.plusDays(3).toString());
    }
  }

  @Test
  @Order(16)
  void aMediumRiskAreaIsDesignatedUnderTheCitysRuleSet() {
    JsonNode area = ok(as(Role.COMMANDER).post("/api/v1/risk-areas", Map.of("name", "西街社区西街农贸市场片区",
        "level", "MEDIUM", "jurisdictionCode", VILLAGE, "boundary", "西街 1-30 号")), 201).json();
    assertThat(area.get("level").asString()).isEqualTo("MEDIUM");
    assertThat(as(Role.DISTRICT_STAFF).get("/api/v1/risk-areas?level=MEDIUM").json().findValuesAsString("id"))
        .containsExactly(area.get("id").asString());
  }

  @Test
  @Order(17)
  void theUnitsFileTheirDailyReportsOneOfThemAZeroReport() {
    JsonNode zero = ok(as(Role.COMMUNITY_WORKER).post("/api/v1/daily-reports", Map.of("date", today.toString(),
        "zero", true)), 201).json();
    assertThat(zero.get("status").asString()).isEqualTo("ZERO");
    assertThat(zero.get("templateId").asString()).isEqualTo(ids.get("template"));
    JsonNode figures = ok(as(Role.SUPPLIES_OFFICER).post("/api/v1/daily-reports", Map.of("date", today.toString(),
        "values", Map.of("visits", 0, "tests", 1200))), 201).json();
    assertThat(figures.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(figures.get("values").get("tests").asLong()).isEqualTo(1200);
    assertThat(staff.completeness(today)).containsEntry("XZ-XJ", "ZERO").containsEntry("XZ-SUPPLIES", "SUBMITTED")
        .containsEntry("XZ-XR", "MISSING");
  }

  @Test
  @Order(18)
  void anInspectionFindsAProblemThatIsRectifiedAndClosed() {
    Api.Caller inspector = as(Role.INSPECTOR);
    Api.Caller community = as(Role.COMMUNITY_WORKER);
    JsonNode plan = ok(inspector.post("/api/v1/inspections/plans", Map.of("date", today.toString(),
        "theme", "农贸市场扫码查验", "team", List.of(username(Role.INSPECTOR)), "targets", List.of(VILLAGE),
        "teamName", "市第一督查组", "districtCode", DISTRICT)), 201).json();
    assertThat(plan.get("districtName").asString()).isEqualTo("忻府区");
    String visit = "/api/v1/inspections/visits/" + plan.get("visits").get(0).get("id").asString();
    ok(inspector.post(visit + "/start", ""), 200);
    JsonNode problem = ok(inspector.post(visit + "/findings", Map.of("category", "SCAN_AND_CHECK",
        "severity", "MAJOR", "description", "西街农贸市场入口无人查验场所码", "deadline", today.plusDays(3).toString())),
        201).json();
    assertThat(problem.get("state").asString()).isEqualTo("FOUND");
    String path = "/api/v1/problems/" + problem.get("id").asString();
    assertThat(ok(inspector.post(path + "/assign", Map.of("note", "三日内整改")), 200).json().get("state").asString())
        .isEqualTo("ASSIGNED");
    assertThat(ok(community.post(path + "/start", "{}"), 200).json().get("state").asString()).isEqualTo("RECTIFYING");
    ok(community.upload(path + "/photos", "整改后.png", SupervisionFixtures.png(Color.GREEN)), 201);
    assertThat(ok(community.post(path + "/submit", Map.of("note", "已安排专人值守查验")), 200).json().get("state")
        .asString()).isEqualTo("EVIDENCE_SUBMITTED");
    assertThat(ok(inspector.post(path + "/verify", "{}"), 200).json().get("state").asString()).isEqualTo("VERIFIED");
    JsonNode closed = ok(inspector.post(path + "/close", Map.of("note", "对账销号")), 200).json();
    assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("history").findValuesAsString("action")).containsExactly("FOUND", "ASSIGNED",
        "RECTIFYING", "EVIDENCE_SUBMITTED", "VERIFIED", "CLOSED");
  }

  // ---- the picture -----------------------------------------------------------------------------

  @Test
  @Order(20)
  void theDashboardShowsTodaysCaseAndEveryoneUnderManagement() {
    Api.Caller commander = as(Role.COMMANDER);
    JsonNode dashboard = await().atMost(WAIT).until(() -> commander.get("/api/v1/analytics/dashboard").json(),
        d -> d.get("underManagement").asLong() == 13 && d.get("today").get("localConfirmed").asLong() == 1);
    assertThat(dashboard.get("date").asString()).isEqualTo(today.toString());
    assertThat(dashboard.get("today").get("localConfirmedSociety").asLong()).isEqualTo(1);
    assertThat(dashboard.get("today").get("localAsymptomatic").asLong()).isZero();
    assertThat(dashboard.get("cumulative").get("localConfirmed").asLong()).isEqualTo(1);
    assertThat(dashboard.get("societyZero").asBoolean()).isFalse();
    assertThat(dashboard.get("managementByReason").get("CLOSE_CONTACT").asLong()).isEqualTo(3);
    assertThat(dashboard.get("managementByReason").get("POSITIVE_POOL").asLong()).isEqualTo(10);
    assertThat(dashboard.get("managementByRegime").get("CENTRALIZED").asLong()).isEqualTo(3);
    assertThat(dashboard.get("managementByRegime").get("HOME_ISOLATION").asLong()).isEqualTo(10);
    JsonNode xinfu = row(dashboard.get("byDistrict"), DISTRICT);
    assertThat(xinfu.get("localToday").asLong()).isEqualTo(1);
    assertThat(xinfu.get("underManagement").asLong()).isEqualTo(13);
    JsonNode capacity = row(dashboard.get("capacity"), DISTRICT);
    assertThat(capacity.get("rooms").asInt()).isEqualTo(10);
    assertThat(capacity.get("occupied").asInt()).isEqualTo(3);
    assertThat(capacity.get("free").asInt()).isEqualTo(7);
    assertThat(capacity.get("required").asLong()).isEqualTo(1_084);
    assertThat(capacity.get("meetsStandard").asBoolean()).isFalse();
    JsonNode district = ok(as(Role.DISTRICT_STAFF).get("/api/v1/analytics/dashboard"), 200).json();
    assertThat(district.get("districtName").asString()).isEqualTo("忻府区");
    assertThat(district.get("today").get("localConfirmed").asLong()).isEqualTo(1);
    assertThat(district.get("underManagement").asLong()).isEqualTo(13);
    JsonNode kpi = row(commander.get("/api/v1/contacts/kpi/under-control").json(), "districtCode", DISTRICT);
    assertThat(kpi.get("contacts").asLong()).isEqualTo(3);
    assertThat(kpi.get("underControlInTime").asLong()).as("under control within 24 h of the report").isEqualTo(3);
  }

  @Test
  @Order(21)
  void theSituationReportIsAChinesePdfWithTodaysFigures() throws Exception {
    byte[] pdf = Answers.document(city.api(), username(Role.COMMANDER), PASSWORD,
        "/analytics/report.pdf?date=" + today);
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("疫情形势分析报告");
    }
    assumeTrue(PdfText.available(), "no " + PdfText.PDFTOTEXT + " (Debian poppler-utils) to read the text");
    String text = PdfText.of(pdf, Path.of("target", "journey", "situation-report.pdf"));
    assertThat(text).contains("疫情形势分析报告", "忻州市·" + today.getYear() + "年" + today.getMonthValue() + "月"
        + today.getDayOfMonth() + "日", "当日0—24时，新增本土确诊病例1例、本土无症状感染者0例", "社会面发现本土病例1例",
        "社会面未清零", "五、重点地区", "忻府区");
  }

  @Test
  @Order(22)
  void theBulletinIsDraftedApprovedByAnotherLeaderAndPublished() {
    String path = "/api/v1/analytics/bulletins/" + today;
    JsonNode draft = ok(as(Role.COMMANDER).post("/api/v1/analytics/bulletins", Map.of("date", today.toString())), 201)
        .json();
    assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
    assertThat(draft.get("figures").get("newLocalConfirmed").asLong()).isEqualTo(1);
    assertThat(draft.get("areaName").asString()).isEqualTo("忻州市");
    assertThat(draft.get("text").asString()).contains("全市新增本土确诊病例1例", "1例在社会面发现",
        "新增本土病例分布在：忻府区1例。", "目前，全市共有13人正在接受隔离管控或健康监测，其中集中隔离3人。");
    Api.Caller deputy = staff.as("xz-deputy");
    // four eyes: the drafter does not approve their own bulletin
    assertThat(as(Role.COMMANDER).post(path + "/approve", "{}").status()).isEqualTo(409);
    assertThat(ok(deputy.post(path + "/approve", "{}"), 200).json().get("approvedBy").asString())
        .isEqualTo("xz-deputy");
    // the day's bulletin is published once the day is over: the next morning at eight
    assertThat(as(Role.COMMANDER).post(path + "/publish", "{}").status()).isEqualTo(409);
    city.clock().moveTo(today.plusDays(1).atTime(8, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    JsonNode published = ok(as(Role.COMMANDER).post(path + "/publish", "{}"), 200).json();
    assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
    JsonNode readable = ok(city.api().anonymous().get("/api/v1/public/bulletins/" + today), 200).json();
    assertThat(readable.get("text").asString()).isEqualTo(draft.get("text").asString());
    assertThat(readable.get("figures").get("newLocalConfirmed").asLong()).isEqualTo(1);
    assertThat(readable.get("areaName").asString()).isEqualTo("忻州市");
    assertThat(city.api().anonymous().get("/api/v1/public/bulletins").json().findValuesAsString("date"))
        .containsExactly(today.toString());
    assertThat(ok(city.api().anonymous().get("/public/bulletins/" + today, "text/html"), 200).body())
        .contains("忻州市", "全市新增本土确诊病例1例");
  }

  @Test
  @Order(23)
  void theAuditorReadsWhoDidWhatToTheCase() {
    JsonNode trail = ok(as(Role.AUDITOR).get("/api/v1/audit?subjectId=" + ids.get("case") + "&size=100"), 200).json()
        .get("items");
    assertThat(trail.valueStream().map(e -> e.get("action").asString() + ":" + e.get("username").asString()))
        .contains("CREATE:" + username(Role.EPIDEMIOLOGIST));
    JsonNode person = ok(as(Role.AUDITOR).get("/api/v1/audit?subjectId=" + ids.get("赵红梅") + "&size=100"), 200)
        .json().get("items");
    assertThat(person.valueStream().map(e -> e.get("action").asString() + ":" + e.get("username").asString()))
        .contains("CREATE:" + username(Role.COMMUNITY_WORKER));
  }

  @Test
  @Order(19)
  void everyoneOpensTheirHomePageAtTheEndOfTheDay() {
    for (Role role : Role.values()) {
      Api.Caller caller = as(role);
      Api.Answer home = caller.get("/", "text/html");
      if (role == Role.KIOSK) {
        // the command hall's screen opens the big screen, full screen
        assertThat(home.header("Location")).as(role.name()).endsWith("/screen");
        home = caller.get("/screen", "text/html");
      }
      assertThat(home.status()).as(role + ": " + home.body()).isEqualTo(200);
      // the cards the page loads after it (today's duty, work lists, the dashboard panel…)
      Matcher card = Pattern.compile("hx-get=\"([^\"]+)\"").matcher(home.body());
      while (card.find()) {
        Api.Answer loaded = caller.get(card.group(1), "text/html");
        assertThat(loaded.status()).as(role + " " + card.group(1) + ": " + loaded.body()).isEqualTo(200);
      }
    }
    assertThat(as(Role.COMMANDER).get("/command/duty/widget", "text/html").body()).contains("王建国", "张值班0");
  }

  @Test
  @Order(30)
  void theSetupPageHasNothingLeftToAskFor() {
    String page = ok(admin.get("/admin/setup", "text/html"), 200).body();
    Map<String, String> items = new LinkedHashMap<>();
    Matcher item = Pattern.compile("data-testid=\"setup-([a-zA-Z.]+)\" data-ready=\"(true|false)\">(.*?)</li>",
        Pattern.DOTALL).matcher(page);
    while (item.find()) {
      assertThat(item.group(2)).as(item.group(1)).isEqualTo("true");
      items.put(item.group(1), item.group(3));
    }
    assertThat(items.keySet()).containsExactly("setup.divisions", "setup.population", "setup.staff",
        "setup.samplingSites", "setup.labs", "setup.vaccinationSites", "setup.ruleSet", "setup.rooms",
        "setup.leadership", "setup.units", "setup.reportTemplate", "setup.duty", "setup.venues", "setup.checkpoints",
        "setup.organisations", "setup.organisationContacts");
    assertThat(page).contains("data-testid=\"setup-complete\"");
    // the administrator is sent only to pages that open for them; the rest say who sets them up
    List<String> links = new ArrayList<>();
    items.values().forEach(html -> {
      Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
      if (href.find()) {
        links.add(href.group(1));
      }
    });
    assertThat(links).containsExactly("/imports?kind=jurisdictions", "/jurisdictions", "/users/new",
        "/labtest/sampling-sites", "/labtest/labs", "/vaccination/sites", "/quarantine/rule-sets", "/organisations",
        "/organisations");
    links.forEach(link -> ok(admin.get(link, "text/html"), 200));
    assertThat(items.get("setup.units")).contains("由指挥部设置");
    assertThat(items.get("setup.venues")).contains("由指挥部、流调员设置");
    assertThat(items.get("setup.rooms")).contains("由指挥部、隔离点管理员设置");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** When the case and the contacts were at the market: the day before yesterday, 10:00. */
  private OffsetDateTime exposure() {
    return today.minusDays(2).atTime(10, 0).atZone(CITY).toOffsetDateTime();
  }

  private Api.Caller as(Role role) {
    return staff.as(role);
  }
}
