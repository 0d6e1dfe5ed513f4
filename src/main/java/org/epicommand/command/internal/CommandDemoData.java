package org.epicommand.command.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.command.CommandOrganisation;
import org.epicommand.command.DutyRoster;
import org.epicommand.command.Leader;
import org.epicommand.command.LeaderPosition;
import org.epicommand.command.LeadershipGroup;
import org.epicommand.command.ReportStatus;
import org.epicommand.command.ReportTemplate;
import org.epicommand.command.ReportTemplates;
import org.epicommand.command.ResponseLevel;
import org.epicommand.command.Unit;
import org.epicommand.command.UnitKind;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's command post, seeded once after the demo city (idempotent), as the commander and
 * through the same facades the pages and the API use: the leadership group (with one former deputy),
 * the office, eight working groups, member departments, the six districts, a street and a community
 * as units, the demo accounts as members and a week of duty. History that no page creates — the
 * response level's past changes and two weeks of filed reports with their filing times — is written
 * as history.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class CommandDemoData implements ApplicationRunner {

  static final String OFFICE = "OFFICE";
  static final String CITY = "990100";
  private static final Logger log = LoggerFactory.getLogger(CommandDemoData.class);
  private static final List<String> WORKING_GROUPS = List.of("综合协调组", "疫情防控组", "医疗救治组", "物资保障组",
      "宣传舆情组", "督查问责组", "社会稳定组", "复工复产组");
  private static final Map<String, String> DEPARTMENTS = new java.util.TreeMap<>(Map.of(
      "D-HEALTH", "市卫生健康委员会", "D-CDC", "市疾病预防控制中心", "D-POLICE", "市公安局",
      "D-TRANSPORT", "市交通运输局", "D-COMMERCE", "市商务局", "D-EDUCATION", "市教育局",
      "D-MARKET", "市市场监督管理局"));
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};

  private final CommandOrganisation organisation;
  private final LeadershipGroup leadership;
  private final DutyRoster roster;
  private final ReportTemplates templates;
  private final org.epicommand.command.DailyReporting reporting;
  private final OrganisationStore levels;
  private final DailyReportStore reports;
  private final Jurisdictions jurisdictions;
  private final ImportPrincipals principals;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CommandDemoData(CommandOrganisation organisation, LeadershipGroup leadership, DutyRoster roster,
      ReportTemplates templates, org.epicommand.command.DailyReporting reporting, OrganisationStore levels,
      DailyReportStore reports, Jurisdictions jurisdictions, ImportPrincipals principals,
      TransactionTemplate transactions, Clock clock) {
    this.reporting = reporting;
    this.organisation = organisation;
    this.leadership = leadership;
    this.roster = roster;
    this.templates = templates;
    this.levels = levels;
    this.reports = reports;
    this.jurisdictions = jurisdictions;
    this.principals = principals;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (organisation.unit(OFFICE).isPresent() || jurisdictions.find(CITY).isEmpty()) {
      return;
    }
    principals.runAs("commander", () -> transactions.executeWithoutResult(status -> seed()));
    log.info("Demo command post seeded: {} units", organisation.units().size());
  }

  private void seed() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    organisation.createUnit(OFFICE, "指挥部办公室", UnitKind.OFFICE, CITY, false, 0);
    for (int i = 0; i < WORKING_GROUPS.size(); i++) {
      organisation.createUnit("WG-" + (i + 1), WORKING_GROUPS.get(i), UnitKind.WORKING_GROUP, CITY, false, 10 + i);
    }
    int order = 100;
    for (Map.Entry<String, String> department : DEPARTMENTS.entrySet()) {
      organisation.createUnit(department.getKey(), department.getValue(), UnitKind.DEPARTMENT, CITY, true, order++);
    }
    order = 200;
    for (Jurisdiction district : jurisdictions.children(CITY)) {
      organisation.createUnit(district.code(), district.name(), UnitKind.DISTRICT, district.code(), true, order++);
    }
    jurisdictions.find("990101001").ifPresent(street -> organisation.createUnit(street.code(), street.name(),
        UnitKind.STREET, street.code(), true, 300));
    jurisdictions.find("990101001001").ifPresent(community -> organisation.createUnit(community.code(),
        community.name(), UnitKind.COMMUNITY, community.code(), true, 400));
    organisation.addMember(OFFICE, "commander");
    organisation.addMember("WG-6", "inspector");
    organisation.addMember("D-CDC", "cdc");
    organisation.addMember("990101", "district");
    seedLeadership(today);
    levels.insertLevel(ResponseLevel.III, "演示数据：全市启动三级应急响应", "system",
        now.minus(java.time.Duration.ofDays(20)));
    levels.insertLevel(ResponseLevel.II, "演示数据：出现社区传播，提升为二级应急响应", "system",
        now.minus(java.time.Duration.ofDays(6)));
    List<Unit> units = organisation.units();
    for (int u = 0; u < units.size(); u++) {
      Unit unit = units.get(u);
      if (unit.kind() == UnitKind.WORKING_GROUP) {
        continue;
      }
      List<DutyRoster.DayDuty> week = new java.util.ArrayList<>();
      for (int day = 0; day < 7; day++) {
        week.add(new DutyRoster.DayDuty(today.plusDays(day), SURNAMES[(u + day) % 10] + "主任",
            SURNAMES[(u + day + 3) % 10] + "干事", String.format("0571-8%07d", u * 100 + day)));
      }
      roster.putRange(unit.code(), week);
    }
    seedReports(units, today);
  }

  /** 组长, 副组长 and members, with one deputy whose term has ended (the history keeps them). */
  private void seedLeadership(LocalDate today) {
    leadership.appoint(member("张建国", LeaderPosition.LEADER, "市长", "0571-87000001", today.minusDays(20)));
    leadership.appoint(member("李卫东", LeaderPosition.DEPUTY, "常务副市长", "0571-87000002", today.minusDays(20)));
    leadership.appoint(member("王晓红", LeaderPosition.DEPUTY, "分管副市长", null, today.minusDays(20)));
    leadership.appoint(member("陈志强", LeaderPosition.DEPUTY, "市卫生健康委员会主任", null, today.minusDays(12)));
    for (String[] member : new String[][] {{"赵明", "市公安局局长"}, {"孙丽", "市交通运输局局长"},
        {"周强", "市商务局局长"}, {"吴敏", "市教育局局长"}}) {
      leadership.appoint(member(member[0], LeaderPosition.MEMBER, member[1], null, today.minusDays(20)));
    }
    Leader former = leadership.appoint(member("刘志远", LeaderPosition.DEPUTY, "原分管副市长", null,
        today.minusDays(20)));
    leadership.end(former.id(), today.minusDays(12));
  }

  private static LeadershipGroup.Membership member(String name, LeaderPosition position, String title, String phone,
      LocalDate from) {
    return new LeadershipGroup.Membership(name, position, title, phone, null, null, from);
  }

  /**
   * Two weeks of reports, mostly on time, a few late or missing, so the matrix shows every colour. The
   * districts, the street and the community file what the platform knows of their division that day
   * (a zero report when it knows nothing), so the consolidated report agrees with the dashboard; the
   * departments file figures of their own work.
   */
  private void seedReports(List<Unit> units, LocalDate today) {
    ReportTemplate defaultTemplate = templates.get(null);
    UUID template = defaultTemplate.id();
    java.util.Random random = new java.util.Random(20221111);
    for (int back = 14; back >= 2; back--) {
      LocalDate date = today.minusDays(back);
      for (Unit unit : units) {
        if (!unit.reporting()) {
          continue;
        }
        int roll = random.nextInt(20);
        if (roll == 0) {
          continue; // missing
        }
        Map<String, Long> known = reporting.platformFigures(unit, defaultTemplate, date);
        boolean zero = known.isEmpty() ? roll < 6 : known.values().stream().allMatch(v -> v == 0);
        ReportStatus status = roll == 1 ? ReportStatus.LATE : zero ? ReportStatus.ZERO : ReportStatus.SUBMITTED;
        Map<String, Object> values = zero ? Map.of() : known.isEmpty() ? Map.of("newCases", 0L,
            "closeContactsTraced", 0L, "underQuarantine", 0L, "testsDone", (long) random.nextInt(50))
            : new java.util.LinkedHashMap<>(known);
        LocalTime time = status == ReportStatus.LATE ? LocalTime.of(15, 30) : LocalTime.of(8, random.nextInt(60));
        Instant at = date.plusDays(1).atTime(time).atZone(clock.getZone()).toInstant();
        reports.insert(UUID.randomUUID(), template, unit.code(), date, zero, values, status, "demo", at);
      }
    }
  }
}
