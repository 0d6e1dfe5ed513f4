package org.epicommand.movement.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.movement.Checkpoints;
import org.epicommand.movement.NewRiskArea;
import org.epicommand.movement.PushedItemState;
import org.epicommand.movement.RiskArea;
import org.epicommand.movement.RiskAreas;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.quarantine.RiskLevel;
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
 * Demo mode: three risk areas (one with a downgrade proposal to approve) and a pushed list of twelve
 * names in the first district — fresh, overdue unsigned, signed and landed — a traffic checkpoint, a
 * station and a retired checkpoint (set up through {@link Checkpoints}), with a valid and an expired
 * green-channel pass. Runs once (when no risk
 * area exists yet).
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class MovementDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(MovementDemo.class);

  private final RiskAreas riskAreas;
  private final Checkpoints checkpoints;
  private final RiskAreaStore areaStore;
  private final PushedItemStore itemStore;
  private final PersonRegistry persons;
  private final Jurisdictions jurisdictions;
  private final ImportPrincipals principals;
  private final JdbcClient jdbc;
  private final Clock clock;

  MovementDemo(RiskAreas riskAreas, Checkpoints checkpoints, RiskAreaStore areaStore, PushedItemStore itemStore,
      PersonRegistry persons,
      Jurisdictions jurisdictions, ImportPrincipals principals, JdbcClient jdbc, Clock clock) {
    this.riskAreas = riskAreas;
    this.checkpoints = checkpoints;
    this.areaStore = areaStore;
    this.itemStore = itemStore;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.principals = principals;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select exists (select 1 from risk_area)").query(Boolean.class).single()) {
      return;
    }
    principals.runAs("commander", () -> {
      LocalDate today = LocalDate.now(clock);
      RiskArea quiet = riskAreas.designate(new NewRiskArea("幸福小区 3 号楼", RiskLevel.HIGH, "990101001001", "3 号楼全部单元"));
      // designated six days ago and quiet since: the 5-day rule proposes LOW today
      areaStore.changeLevel(UUID.fromString(quiet.id()), RiskLevel.HIGH, today.minusDays(6), false);
      riskAreas.designate(new NewRiskArea("和平里菜市场", RiskLevel.HIGH, "990101001002", null));
      riskAreas.designate(new NewRiskArea("江北物流园", RiskLevel.HIGH, "990102001001", null));
      riskAreas.recordNewInfection(UUID.fromString(quiet.id()), today.minusDays(1), true);
      riskAreas.proposeDowngrades(today);

      List<PersonSummary> people = persons.search(null, "990101", new Paging(0, 60)).items();
      Instant now = clock.instant();
      for (int i = 0; i < Math.min(12, people.size() - 40); i++) {
        PersonSummary p = people.get(40 + i);
        Jurisdiction home = jurisdictions.find(p.jurisdictionCode()).orElseThrow();
        PushedItemState state = i < 4 ? PushedItemState.PUSHED : i < 7 ? PushedItemState.PUSHED
            : i < 10 ? PushedItemState.SIGNED : PushedItemState.LANDED;
        Duration ago = i < 4 ? Duration.ofMinutes(40) : i < 7 ? Duration.ofHours(3) : i < 10 ? Duration.ofHours(26)
            : Duration.ofHours(8);
        itemStore.insertDemo("省大数据推送-DEMO-01", p.idNumber(), p.name(), p.id(), home.code(), home.path(),
            now.minus(ago), state);
      }
      checkpoints.create(new Checkpoints.NewCheckpoint("KK-990101-01", "滨江高速东湖收费站卡口",
          Checkpoints.Kind.TRAFFIC, "990101", 30.2987, 120.2112));
      checkpoints.create(new Checkpoints.NewCheckpoint("ZD-990101-01", "东湖高铁站", Checkpoints.Kind.STATION,
          "990101", 30.2905, 120.1823));
      // a checkpoint taken down after an earlier wave: kept with its history, out of the lists
      checkpoints.create(new Checkpoints.NewCheckpoint("KK-990101-02", "东湖国道临时卡口（已撤除）",
          Checkpoints.Kind.TRAFFIC, "990101", null, null));
      checkpoints.retire("KK-990101-02");
      checkpoints.issue("浙A5G821", "蔬菜、粮油（保供）", today.minusDays(1), today.plusDays(13));
      checkpoints.issue("浙B7K302", "医疗物资", today.minusDays(20), today.minusDays(2));
      log.info(
          "Demo movement seeded: 3 risk areas, a pushed list in district 990101, 3 checkpoints (1 retired), 2 green passes");
    });
  }
}
