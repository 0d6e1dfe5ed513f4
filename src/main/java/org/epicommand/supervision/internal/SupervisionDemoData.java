package org.epicommand.supervision.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.supervision.AccountabilityKind;
import org.epicommand.supervision.InspectionPlanning;
import org.epicommand.supervision.NewPlan;
import org.epicommand.supervision.PhotoKind;
import org.epicommand.supervision.ProblemCategory;
import org.epicommand.supervision.ProblemState;
import org.epicommand.supervision.Severity;
import org.epicommand.supervision.VisitState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo supervision data (after the demo city, {@code DemoSeeder} runs at order 5), seeded as the
 * inspector: the plans ahead — two teams on the same day, each in its district, one with a planned
 * visit the community cannot see — are made through {@link InspectionPlanning}, as the plan page
 * makes them. The past that no page can make (plans are for today on) is written as history: two
 * past plans with done visits, and problems in every interesting state (closed, overdue, awaiting
 * verification, rejected once, fixed on the spot), a talk, a public naming and a good practice.
 * Idempotent: keyed by the first past plan's fixed id.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class SupervisionDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SupervisionDemoData.class);
  /** A 1×1 PNG, the demo evidence of the problem fixed on the spot. */
  private static final byte[] PIXEL = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private final InspectionPlanning planning;
  private final ImportPrincipals principals;
  private final InspectionStore inspections;
  private final ProblemStore problems;
  private final AccountabilityStore accountability;
  private final PhotoFiles files;
  private final Units units;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SupervisionDemoData(InspectionPlanning planning, ImportPrincipals principals, InspectionStore inspections,
      ProblemStore problems, AccountabilityStore accountability, PhotoFiles files, Units units,
      TransactionTemplate transactions, Clock clock) {
    this.planning = planning;
    this.principals = principals;
    this.inspections = inspections;
    this.problems = problems;
    this.accountability = accountability;
    this.files = files;
    this.units = units;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    UUID first = id("plan-1");
    if (inspections.planExists(first) || units.find("990101001001", null).isEmpty()) {
      return;
    }
    principals.runAs("inspector", () -> transactions.executeWithoutResult(status -> seed()));
    log.info("Demo supervision data seeded");
  }

  private void seed() {
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    InspectionStore.Target community = unit("990101001001");
    InspectionStore.Target street = unit("990101002");
    InspectionStore.Target otherCommunity = unit("990102001001");

    UUID market = plan("plan-1", today.minusDays(3), "农贸市场扫码测温查验", List.of(community, street));
    UUID quarantine = plan("plan-2", today.minusDays(1), "隔离点闭环管理", List.of(otherCommunity));
    // the days ahead, through the facade: two teams out on the same day, each in its own district
    planning.createPlan(new NewPlan(today.plusDays(2), "核酸采样点秩序", List.of("inspector"),
        List.of(community.code()), LocalTime.of(9, 0), "第一督查组", "990101"));
    planning.createPlan(new NewPlan(today.plusDays(2), "隔离点闭环管理复查", List.of("inspector"),
        List.of(otherCommunity.code()), LocalTime.of(14, 0), "第二督查组", "990102"));
    UUID marketCommunity = visit("plan-1", community);
    UUID marketStreet = visit("plan-1", street);
    UUID quarantineVisit = visit("plan-2", otherCommunity);
    Instant day3 = at(today.minusDays(3));
    Instant day1 = at(today.minusDays(1));
    inspections.moveVisit(marketCommunity, VisitState.PLANNED, VisitState.IN_PROGRESS, null, day3);
    inspections.moveVisit(marketStreet, VisitState.PLANNED, VisitState.IN_PROGRESS, null, day3);
    inspections.moveVisit(quarantineVisit, VisitState.PLANNED, VisitState.IN_PROGRESS, null, day1);

    ProblemItem closed = problem("problem-1", marketCommunity, ProblemCategory.SCAN_AND_CHECK, Severity.MAJOR,
        "市场入口未安排专人查验场所码，顾客自行进出", community, today.minusDays(1), day3);
    closed.assign(community.code(), community.name(), community.path(), today.minusDays(1), day3);
    closed.startRectifying();
    evidence(closed, day3.plus(Duration.ofHours(5)));
    closed.submitEvidence(1);
    closed.verify(day3.plus(Duration.ofHours(8)));
    closed.close(day3.plus(Duration.ofHours(9)));
    save(closed, "CLOSED", day3);

    ProblemItem overdue = problem("problem-2", marketCommunity, ProblemCategory.DUTY, Severity.MINOR,
        "值守人员脱岗，登记台无人", community, today.minusDays(1), day3);
    overdue.assign(community.code(), community.name(), community.path(), today.minusDays(1), day3);
    save(overdue, "ASSIGNED", day3);

    ProblemItem submitted = problem("problem-3", marketStreet, ProblemCategory.DISINFECTION, Severity.MINOR,
        "公共卫生间消杀记录缺失", street, today.plusDays(3), day3);
    submitted.assign(street.code(), street.name(), street.path(), today.plusDays(3), day3);
    submitted.startRectifying();
    evidence(submitted, day3.plus(Duration.ofHours(20)));
    submitted.submitEvidence(1);
    save(submitted, "EVIDENCE_SUBMITTED", day3);

    ProblemItem rejected = problem("problem-4", quarantineVisit, ProblemCategory.QUARANTINE, Severity.CRITICAL,
        "隔离人员房门未落实门磁，存在串门风险", otherCommunity, today.plusDays(1), day1);
    rejected.assign(otherCommunity.code(), otherCommunity.name(), otherCommunity.path(), today.plusDays(1), day1);
    rejected.startRectifying();
    evidence(rejected, day1.plus(Duration.ofHours(3)));
    rejected.submitEvidence(1);
    rejected.reject();
    save(rejected, "REJECTED", day1);

    ProblemItem onSpot = problem("problem-5", quarantineVisit, ProblemCategory.PROTECTIVE_EQUIPMENT, Severity.MINOR,
        "医疗废物桶未加盖", otherCommunity, null, day1);
    evidence(onSpot, day1.plus(Duration.ofMinutes(20)));
    onSpot.fixOnSpot(1, day1.plus(Duration.ofMinutes(30)));
    save(onSpot, "FIXED_ON_SPOT", day1);

    inspections.moveVisit(marketCommunity, VisitState.IN_PROGRESS, VisitState.DONE, "发现问题 2 个，已当场反馈", day3);
    inspections.moveVisit(marketStreet, VisitState.IN_PROGRESS, VisitState.DONE, null, day3);
    inspections.moveVisit(quarantineVisit, VisitState.IN_PROGRESS, VisitState.DONE, null, day1);

    accountability.insert(id("measure-1"), AccountabilityKind.TALK, overdue.id(), community, "李某", "社区书记",
        "值守人员脱岗，整改超期", today, "inspector", now);
    accountability.insert(id("measure-2"), AccountabilityKind.PUBLIC_NAMING, rejected.id(), otherCommunity, "王某某",
        "社区主任", "隔离管控措施不落实，整改佐证不实被退回", today, "inspector", now);
    accountability.insertGoodPractice(id("practice-1"), street, "“一码通”快速核验",
        "入口设置双通道，扫码、测温、核验一次完成，高峰期排队时间缩短一半", "inspector", now);
    if (market == null || quarantine == null) {
      throw new IllegalStateException("demo plans not created");
    }
  }

  /** A past plan of the city's inspection team, written as history with its visits. */
  private UUID plan(String key, LocalDate date, String theme, List<InspectionStore.Target> targets) {
    UUID id = id(key);
    inspections.insertPlan(id, new InspectionStore.NewPlanRow(date, theme, "市督查组", null), List.of("inspector"),
        "inspector", clock.instant());
    for (InspectionStore.Target target : targets) {
      inspections.insertVisit(id(key + "-" + target.code()), id, target, at(date), clock.instant());
    }
    return id;
  }

  private UUID visit(String planKey, InspectionStore.Target target) {
    return id(planKey + "-" + target.code());
  }

  private ProblemItem problem(String key, UUID visit, ProblemCategory category, Severity severity, String text,
      InspectionStore.Target unit, LocalDate deadline, Instant foundAt) {
    UUID id = id(key);
    problems.insert(new ProblemStore.Found(id, visit, category, severity, text, unit.code(), unit.name(), unit.path(),
        deadline, "inspector", foundAt));
    problems.history(id, "FOUND", null, ProblemState.FOUND, "inspector", null, foundAt);
    return new ProblemItem(id, unit.code(), unit.name(), unit.path(), deadline, ProblemState.FOUND, 0, 0, false, null,
        null, null);
  }

  private void evidence(ProblemItem item, Instant at) {
    UUID photo = UUID.nameUUIDFromBytes((item.id() + "-evidence-" + item.round()).getBytes(StandardCharsets.UTF_8));
    PhotoFiles.Stored stored = files.store(photo, "image/png", new ByteArrayInputStream(PIXEL));
    problems.insertPhoto(photo, item.id(), PhotoKind.EVIDENCE, item.round(), stored.contentType(), stored.size(),
        stored.sha256(), "inspector", at);
  }

  /** Stores the final state with one history line for the last move (the demo does not replay every step). */
  private void save(ProblemItem item, String lastAction, Instant at) {
    problems.save(item, at);
    problems.history(item.id(), lastAction, null, item.state(), "inspector", null, at);
  }

  private InspectionStore.Target unit(String code) {
    return units.find(code, null).orElseThrow();
  }

  private Instant at(LocalDate day) {
    return day.atTime(LocalTime.of(9, 0)).atZone(clock.getZone()).toInstant();
  }

  private static UUID id(String key) {
    return UUID.nameUUIDFromBytes(("epicommand-demo-supervision-" + key).getBytes(StandardCharsets.UTF_8));
  }
}
