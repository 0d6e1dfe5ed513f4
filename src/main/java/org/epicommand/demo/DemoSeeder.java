package org.epicommand.demo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import java.time.LocalDate;
import org.epicommand.jurisdiction.BoundaryImportResult;
import org.epicommand.jurisdiction.BoundaryImports;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.person.PersonBulkLoad;
import org.epicommand.person.PersonLookup;
import org.epicommand.jurisdiction.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo city once (idempotent: a restart keeps and reuses the data): the division tree,
 * the demo accounts and the synthetic population.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoSeeder implements ApplicationRunner {

  static final String PASSWORD = "demo1234";
  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final Jurisdictions jurisdictions;
  private final UserAdministration users;
  private final DemoProperties properties;
  private final TransactionTemplate transactions;
  private final PersonBulkLoad persons;
  private final PersonLookup lookup;
  private final java.time.Clock clock;
  private final BoundaryImports boundaryImports;
  private final DivisionBoundaries boundaries;

  DemoSeeder(Jurisdictions jurisdictions, UserAdministration users, DemoProperties properties,
      TransactionTemplate transactions, PersonBulkLoad persons, PersonLookup lookup, java.time.Clock clock,
      BoundaryImports boundaryImports, DivisionBoundaries boundaries) {
    this.boundaryImports = boundaryImports;
    this.boundaries = boundaries;
    this.jurisdictions = jurisdictions;
    this.users = users;
    this.properties = properties;
    this.transactions = transactions;
    this.persons = persons;
    this.lookup = lookup;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<DemoCity.Node> tree = DemoCity.tree(properties.seed());
    if (jurisdictions.find(DemoCity.CITY_CODE).isEmpty()) {
      transactions.executeWithoutResult(status -> tree.forEach(node -> jurisdictions.save(node.code(),
          DemoCity.code12(node.code()), node.name(), JurisdictionLevel.ofNumber(node.level()), node.parentCode())));
      log.info("Demo city {} seeded with {} divisions", DemoCity.CITY_NAME, tree.size());
    }
    if (boundaries.labelPoint(DemoCity.CITY_CODE).isEmpty()) {
      // through the import's own rules, as a city's boundary file would come in
      BoundaryImportResult drawn = boundaryImports.importFeatures(DemoGeography.boundaries(tree, properties.seed()),
          new BoundaryImports.Options(BoundaryImports.Key.CODE, null, null, "demo"), java.util.Locale.CHINA);
      log.info("Demo city boundaries: {} drawn, {} refused {}", drawn.rowsImported(), drawn.rowsRejected(),
          drawn.errors());
    }
    String firstDistrict = tree.stream().filter(n -> n.level() == 3).findFirst().orElseThrow().code();
    String firstCommunity = tree.stream().filter(n -> n.level() == 5 && n.code().startsWith(firstDistrict))
        .findFirst().orElseThrow().code();
    String firstStreet = tree.stream().filter(n -> n.level() == 4 && firstCommunity.startsWith(n.code()))
        .findFirst().orElseThrow().code();
    account("admin", "系统管理员", Role.ADMIN, DemoCity.CITY_CODE);
    account("commander", "指挥部值班领导", Role.COMMANDER, DemoCity.CITY_CODE);
    // a second member of the command office: a bulletin is approved by someone other than its drafter
    account("office", "指挥部办公室", Role.COMMANDER, DemoCity.CITY_CODE);
    account("cdc", "疾控流调员", Role.EPIDEMIOLOGIST, DemoCity.CITY_CODE);
    account("district", "区防控办", Role.DISTRICT_STAFF, firstDistrict);
    account("street", "街道防控办", Role.STREET_STAFF, firstStreet);
    account("community", "社区网格员", Role.COMMUNITY_WORKER, firstCommunity);
    account("lab", "检测机构操作员", Role.LAB_OPERATOR, DemoCity.CITY_CODE);
    account("site", "隔离点管理员", Role.SITE_MANAGER, DemoCity.CITY_CODE);
    account("hospital", "医院床位管理员", Role.HOSPITAL_OPERATOR, DemoCity.CITY_CODE);
    account("medical", "医疗救治组", Role.MEDICAL_OFFICER, DemoCity.CITY_CODE);
    account("inspector", "督查组", Role.INSPECTOR, DemoCity.CITY_CODE);
    account("auditor", "纪检审计", Role.AUDITOR, DemoCity.CITY_CODE);
    account("security", "安全保密管理员", Role.SECURITY_ADMIN, DemoCity.CITY_CODE);
    account("kiosk", "指挥大厅大屏", Role.KIOSK, DemoCity.CITY_CODE);
    account("vaccinator", "接种点护士", Role.VACCINATOR, firstDistrict);
    // bound to the district's reserve by the supplies demo
    account("keeper", "仓库管理员", Role.WAREHOUSE_OPERATOR, firstDistrict);
    // linked to the sealed area's pool entry 陈志强 by the lockdown demo
    account("volunteer", "封控区志愿者", Role.VOLUNTEER, firstCommunity);
    // the district's commerce bureau: the markets of 东湖区 and their price alerts
    account("price", "区商务局价格监测", Role.PRICE_OFFICER, firstDistrict);
    if (properties.population() > 0 && persons.count() == 0) {
      long started = System.nanoTime();
      long loaded = persons.copy(population()::iterator, properties.population()).persons();
      log.info("Demo population of {} persons loaded in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
    }
    if (jurisdictions.find(DemoCity.CITY_CODE).map(Jurisdiction::population).isEmpty()) {
      transactions.executeWithoutResult(status -> statisticsFromRegistry());
    }
  }

  /**
   * The demo city's "statistics": each division's resident population is the number of synthetic
   * residents the registry holds under it (a real city enters the statistics bureau's figures).
   */
  private void statisticsFromRegistry() {
    Jurisdiction city = jurisdictions.find(DemoCity.CITY_CODE).orElseThrow();
    Map<String, Long> byPath = lookup.residentsByPath(city.scope());
    Map<String, Long> byCode = new TreeMap<>();
    byPath.forEach((path, count) -> {
      for (String code : path.substring(1).split("/")) {
        byCode.merge(code, count, Long::sum);
      }
    });
    for (DemoCity.Node node : DemoCity.tree(properties.seed())) {
      jurisdictions.setPopulation(node.code(), byCode.getOrDefault(node.code(), 0L));
    }
  }

  /** The synthetic population over the demo city's communities. */
  SyntheticPopulation population() {
    Jurisdiction city = jurisdictions.find(DemoCity.CITY_CODE).orElseThrow();
    List<SyntheticPopulation.Community> communities = jurisdictions.descendantsAt(city.scope(),
        JurisdictionLevel.VILLAGE).stream()
        .map(j -> new SyntheticPopulation.Community(j.code(), j.name(), j.path())).toList();
    return new SyntheticPopulation(communities, properties.population(), properties.seed(), LocalDate.now(clock));
  }

  private void account(String username, String displayName, Role role, String jurisdictionCode) {
    if (users.findByUsername(username).isEmpty()) {
      users.createDemoAccount(username, displayName, PASSWORD, role, jurisdictionCode);
    } else {
      users.keepDemoPasswordValid(username);
    }
  }
}
