package org.epicommand.screening.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.quarantine.Symptom;
import org.epicommand.screening.Gathering;
import org.epicommand.screening.Gathering.Kind;
import org.epicommand.screening.Gathering.Rule;
import org.epicommand.screening.GatheringPolicies;
import org.epicommand.screening.Gatherings;
import org.epicommand.screening.ScreeningRound;
import org.epicommand.screening.ScreeningRounds;
import org.epicommand.screening.ScreeningSiteVisits;
import org.epicommand.screening.ScreeningSites;
import org.epicommand.screening.Site;
import org.epicommand.screening.SiteVisit;
import org.epicommand.screening.ScreeningVisits;
import org.epicommand.screening.ScreeningWork;
import org.epicommand.screening.Visit;
import org.epicommand.shared.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode, through the same facades as the pages: the 2021 winter rules for gatherings (喜事缓办、
 * 丧事简办、宴请不办, religious venues closed), a running round over the first street with a few
 * visits in the first community — one with a fever finding to act on, one door nobody opened — three
 * gatherings and two market days; the round screens the street's organisations too (one visited, with
 * a febrile worker) and a rental found in the first community. Runs once (when no round exists yet).
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class ScreeningDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ScreeningDemo.class);
  private static final String STREET = "990101001";
  private static final String COMMUNITY = "990101001001";

  private final ScreeningRounds rounds;
  private final ScreeningWork work;
  private final ScreeningVisits visits;
  private final Gatherings gatherings;
  private final GatheringPolicies policies;
  private final PersonRegistry persons;
  private final ImportPrincipals principals;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ScreeningSites sites;
  private final ScreeningSiteVisits siteVisits;

  ScreeningDemo(ScreeningRounds rounds, ScreeningWork work, ScreeningVisits visits, Gatherings gatherings,
      GatheringPolicies policies, PersonRegistry persons, ImportPrincipals principals, JdbcClient jdbc, Clock clock,
      ScreeningSites sites, ScreeningSiteVisits siteVisits) {
    this.sites = sites;
    this.siteVisits = siteVisits;
    this.rounds = rounds;
    this.work = work;
    this.visits = visits;
    this.gatherings = gatherings;
    this.policies = policies;
    this.persons = persons;
    this.principals = principals;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select exists (select 1 from screening_round)").query(Boolean.class).single()) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    UUID[] round = new UUID[1];
    principals.runAs("commander", () -> {
      policy("990100", Kind.WEDDING, Rule.APPROVAL_REQUIRED, null, today.minusDays(30), "喜事缓办");
      policy("990100", Kind.FUNERAL, Rule.REPORT_REQUIRED, 20, today.minusDays(30), "丧事简办");
      policy("990100", Kind.BANQUET, Rule.BANNED, null, today.minusDays(30), "宴请不办");
      policy("990100", Kind.RELIGIOUS, Rule.BANNED, null, today.minusDays(30), "宗教场所暂停集体活动");
      policy("990100", Kind.PERFORMANCE, Rule.APPROVAL_REQUIRED, null, today.minusDays(30), "经区疫情防控领导小组批准");
      policies.saveMarketDay(new Gathering.NewMarketDay("990101002", "东湖镇农贸大集", "农历逢三、六、九",
          Gathering.MarketStatus.REDUCED_HOURS, "7:00-10:00", "限流、测温、扫码"));
      policies.saveMarketDay(new Gathering.NewMarketDay("990101003", "西岭乡集市", "每周日",
          Gathering.MarketStatus.SUSPENDED, null, "本轮疫情期间暂停"));
      OffsetDateTime now = OffsetDateTime.now(clock);
      round[0] = rounds.create(new ScreeningRound.New("第二轮大排查", List.of(STREET), now.minusHours(6),
          now.plusDays(3), List.of(ScreeningRound.Target.values()))).id();
      rounds.start(round[0]);
      work.assign(round[0], COMMUNITY, "community");
    });
    principals.runAs("community", () -> {
      List<ScreeningRound.Household> households = work.households(round[0], COMMUNITY, true, Paging.of(0, 10)).items();
      for (int i = 0; i < Math.min(4, households.size()); i++) {
        UUID household = households.get(i).householdId();
        List<UUID> members = persons.householdMembers(household).stream().map(PersonSummary::id).map(UUID::fromString)
            .toList();
        Visit.Outcome outcome = i == 3 ? Visit.Outcome.NOBODY_HOME : Visit.Outcome.ALL_SEEN;
        List<Visit.Check> checks = i == 0 && !members.isEmpty()
            ? List.of(new Visit.Check(members.get(0), new BigDecimal("38.1"), List.of(Symptom.COUGH), null, false,
                null, true))
            : List.of();
        visits.record(household, new Visit.New(round[0], Visit.Method.DOOR, outcome,
            outcome == Visit.Outcome.ALL_SEEN ? members : List.of(), checks, List.of(), true, null));
      }
      sites.list(round[0], COMMUNITY, Site.Kind.ORGANISATION, true, Paging.of(0, 1)).items().forEach(site ->
          siteVisits.record(site.id(), new SiteVisit.New(Visit.Method.DOOR, SiteVisit.Outcome.SCREENED,
              Math.max(0, site.headcount() - 6), true, List.of(new SiteVisit.Person("孙晓峰", null, "13800000003",
                  new BigDecimal("37.8"), List.of(Symptom.SORE_THROAT), null, null)), true, "6 人轮休")));
      sites.add(round[0], new Site.New(Site.Kind.RENTAL, "李阿姨出租屋", "幸福里 12 号", COMMUNITY, 3, "李秀英",
          "13800000004"));
      gatherings.report(new Gathering.New(Kind.WEDDING, "陈建国", null, "13800000001", "幸福社区活动中心", COMMUNITY,
          today.plusDays(6), 60, "控制在 50 人以内，测温扫码", false));
      gatherings.report(new Gathering.New(Kind.BANQUET, "刘美华", null, "13800000002", "和平饭店", COMMUNITY,
          today.plusDays(3), 120, null, false));
      gatherings.report(new Gathering.New(Kind.FUNERAL, "赵德明", null, null, "赵家老宅", COMMUNITY,
          today.minusDays(1), 80, null, true));
    });
    log.info("Demo screening seeded: gathering rules, a running round over street {} with 4 household visits,"
        + " an organisation visit and a rental, 3 gatherings, 2 market days", STREET);
  }

  private void policy(String code, Kind kind, Rule rule, Integer above, LocalDate from, String note) {
    policies.create(new Gathering.NewPolicy(code, kind, rule, above, from, null, note));
  }
}
