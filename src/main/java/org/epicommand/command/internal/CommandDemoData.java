package org.epicommand.command.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.command.ReportStatus;
import org.epicommand.command.ResponseLevel;
import org.epicommand.command.Unit;
import org.epicommand.command.UnitKind;
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
 * The demo city's command post, seeded once after the demo city (idempotent): the leadership group,
 * the office, eight working groups, member departments and the six districts as units, the demo
 * accounts as members, response level II, a week of duty and two weeks of daily reports.
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
  private static final Map<String, String> DEPARTMENTS = new java.util.LinkedHashMap<>(Map.of(
      "D-HEALTH", "市卫生健康委员会", "D-CDC", "市疾病预防控制中心", "D-POLICE", "市公安局",
      "D-TRANSPORT", "市交通运输局", "D-COMMERCE", "市商务局", "D-EDUCATION", "市教育局",
      "D-MARKET", "市市场监督管理局"));
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};

  private final OrganisationStore organisation;
  private final DailyReportStore reports;
  private final Jurisdictions jurisdictions;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CommandDemoData(OrganisationStore organisation, DailyReportStore reports, Jurisdictions jurisdictions,
      TransactionTemplate transactions, Clock clock) {
    this.organisation = organisation;
    this.reports = reports;
    this.jurisdictions = jurisdictions;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (organisation.unit(OFFICE).isPresent() || jurisdictions.find(CITY).isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(status -> seed());
    log.info("Demo command post seeded: {} units", organisation.units().size());
  }

  private void seed() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    organisation.insertUnit(new Unit(OFFICE, "指挥部办公室", UnitKind.OFFICE, CITY, false, 0), now);
    for (int i = 0; i < WORKING_GROUPS.size(); i++) {
      organisation.insertUnit(new Unit("WG-" + (i + 1), WORKING_GROUPS.get(i), UnitKind.WORKING_GROUP, CITY, false,
          10 + i), now);
    }
    int order = 100;
    for (Map.Entry<String, String> department : DEPARTMENTS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList()) {
      organisation.insertUnit(new Unit(department.getKey(), department.getValue(), UnitKind.DEPARTMENT, CITY, true,
          order++), now);
    }
    order = 200;
    for (Jurisdiction district : jurisdictions.children(CITY)) {
      organisation.insertUnit(new Unit(district.code(), district.name(), UnitKind.DISTRICT, district.code(), true,
          order++), now);
    }
    organisation.addMember(OFFICE, "commander");
    organisation.addMember("WG-6", "inspector");
    organisation.addMember("D-CDC", "cdc");
    organisation.addMember("990101", "district");
    organisation.insertLeader("张建国", "LEADER", "市长", 0);
    organisation.insertLeader("李卫东", "DEPUTY", "常务副市长", 1);
    organisation.insertLeader("王晓红", "DEPUTY", "分管副市长", 2);
    organisation.insertLeader("陈志强", "DEPUTY", "市卫生健康委员会主任", 3);
    organisation.insertLevel(ResponseLevel.III, "演示数据：全市启动三级应急响应", "system",
        now.minus(java.time.Duration.ofDays(20)));
    organisation.insertLevel(ResponseLevel.II, "演示数据：出现社区传播，提升为二级应急响应", "system",
        now.minus(java.time.Duration.ofDays(6)));
    List<Unit> units = organisation.units();
    for (int day = 0; day < 7; day++) {
      for (int u = 0; u < units.size(); u++) {
        Unit unit = units.get(u);
        if (unit.kind() == UnitKind.WORKING_GROUP) {
          continue;
        }
        organisation.putDuty(unit.code(), today.plusDays(day), SURNAMES[(u + day) % 10] + "主任",
            SURNAMES[(u + day + 3) % 10] + "干事", String.format("0571-8%07d", u * 100 + day));
      }
    }
    seedReports(units, today, now);
  }

  /** Two weeks of reports, mostly on time, some zero, a few late or missing, so the matrix shows every colour. */
  private void seedReports(List<Unit> units, LocalDate today, Instant now) {
    UUID template = reports.defaultTemplate().orElseThrow().id();
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
        ReportStatus status = roll == 1 ? ReportStatus.LATE : roll < 6 ? ReportStatus.ZERO : ReportStatus.SUBMITTED;
        boolean zero = status == ReportStatus.ZERO;
        Map<String, Object> values = zero ? Map.of() : Map.of("newCases", (long) random.nextInt(30),
            "closeContactsTraced", (long) random.nextInt(200), "underQuarantine", (long) random.nextInt(900),
            "testsDone", (long) (10_000 + random.nextInt(90_000)));
        LocalTime time = status == ReportStatus.LATE ? LocalTime.of(15, 30) : LocalTime.of(8, random.nextInt(60));
        Instant at = date.plusDays(1).atTime(time).atZone(clock.getZone()).toInstant();
        reports.insert(UUID.randomUUID(), template, unit.code(), date, zero, values, status, "demo", at);
      }
    }
  }
}
