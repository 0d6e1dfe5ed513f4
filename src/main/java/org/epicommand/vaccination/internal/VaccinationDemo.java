package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.person.Sex;
import org.epicommand.shared.Conflict;
import org.epicommand.vaccination.AgeBand;
import org.epicommand.vaccination.DoseSource;
import org.epicommand.vaccination.TargetLists;
import org.epicommand.vaccination.VaccinationSiteDetails;
import org.epicommand.vaccination.VaccinationSites;
import org.epicommand.vaccination.VaccinatorDetails;
import org.epicommand.vaccination.Vaccinators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: a vaccination site in each of the first street's communities and a district clinic, the
 * demo vaccinator at the first of them — created by the administrator through the same facades the pages
 * and the API use — and, once, a vaccination history of the synthetic population landed by the CDC
 * through the same landing the {@code doses} import uses, so that a newcomer sees coverage by age band,
 * with the old less covered than the young as in late 2022 (deterministic: the same city every time);
 * and the demo grid worker's door-to-door list, with old residents of the community registered by the
 * worker through the person registry.
 */
@Component
@Order(35)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class VaccinationDemo implements ApplicationRunner {

  static final String DISTRICT = "990101";
  static final String CITY = "990100";
  static final String CLINIC = "V990101";
  private static final int BATCH = 20_000;
  private static final Logger log = LoggerFactory.getLogger(VaccinationDemo.class);

  /** Old residents of the demo grid worker's community not yet vaccinated: name, age, female. */
  private static final Object[][] ELDERS = {{"王秀英", 91, true}, {"张桂兰", 86, true}, {"李德明", 83, false},
      {"刘淑珍", 81, true}, {"陈国华", 77, false}, {"杨玉兰", 72, true}, {"赵建国", 68, false}, {"黄秀珍", 64, true}};

  /** Per age band: the share with a first dose, the full course, a booster (late 2022, as the notices describe it). */
  private static final double[][] SHARES = {{0.90, 0.86, 0.0}, {0.97, 0.95, 0.30}, {0.95, 0.92, 0.72},
      {0.90, 0.84, 0.62}, {0.82, 0.72, 0.48}, {0.62, 0.50, 0.28}};

  private final VaccinationSites sites;
  private final Vaccinators vaccinators;
  private final Jurisdictions jurisdictions;
  private final PersonLookup persons;
  private final ProductStore products;
  private final DoseLanding landing;
  private final DoseStore doses;
  private final ImportPrincipals principals;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final PersonRegistry registry;
  private final TargetLists targets;
  private final CurrentUser currentUser;

  VaccinationDemo(VaccinationSites sites, Vaccinators vaccinators, Jurisdictions jurisdictions, PersonLookup persons,
      ProductStore products, DoseLanding landing, DoseStore doses, ImportPrincipals principals,
      PlatformTransactionManager transactionManager, Clock clock, PersonRegistry registry, TargetLists targets,
      CurrentUser currentUser) {
    this.registry = registry;
    this.targets = targets;
    this.currentUser = currentUser;
    this.sites = sites;
    this.vaccinators = vaccinators;
    this.jurisdictions = jurisdictions;
    this.persons = persons;
    this.products = products;
    this.landing = landing;
    this.doses = doses;
    this.principals = principals;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    principals.runAs("admin", this::masterData);
    int[] landed = {0};
    principals.runAs("cdc", () -> landed[0] = history());
    principals.runAs("community", this::doorToDoor);
    log.info("Demo vaccination seeded: sites, a vaccinator, {} doses in {} ms", landed[0],
        (System.nanoTime() - started) / 1_000_000);
  }

  private void masterData() {
    if (jurisdictions.find(DISTRICT).isEmpty()) {
      return;
    }
    site(new VaccinationSiteDetails(CLINIC, "东湖区疾控中心接种门诊", "东湖区疾病预防控制中心", DISTRICT, null, null, false));
    site(new VaccinationSiteDetails("VM990101", "东湖区流动接种队", "东湖区疾病预防控制中心", DISTRICT, null, null, true));
    List<Jurisdiction> communities = jurisdictions.children(DISTRICT).stream().findFirst()
        .map(street -> jurisdictions.children(street.code()).stream().limit(3).toList()).orElse(List.of());
    for (Jurisdiction community : communities) {
      site(new VaccinationSiteDetails("V" + community.code(), community.name() + "卫生服务站接种点", null,
          community.code(), null, null, false));
    }
    if (vaccinators.find("VAC001").isEmpty()) {
      vaccinators.create(new VaccinatorDetails("VAC001", "李护士", CLINIC, "vaccinator", null, "ZJ-2021-0001"));
    }
  }

  private void site(VaccinationSiteDetails details) {
    if (sites.find(details.code()).isEmpty()) {
      sites.create(details);
    }
  }

  /** Doses for the synthetic residents, once, in batches through the landing: how many were offered. */
  private int history() {
    Jurisdiction city = jurisdictions.find(CITY).orElse(null);
    if (city == null || doses.any()) {
      return 0;
    }
    LocalDate today = LocalDate.now(clock);
    ProductStore.Row bibp = products.find("BIBP").orElseThrow();
    ProductStore.Row sinovac = products.find("SINOVAC").orElseThrow();
    List<DoseLanding.Candidate> batch = new ArrayList<>(BATCH);
    int line = 0;
    for (PersonLookup.Born person : persons.residentsBornBy(city.scope(), today.minusYears(3))) {
      Random random = new Random(person.id().hashCode());
      AgeBand band = AgeBand.ofBirthYear(person.birthDate().getYear(), today.getYear());
      if (band == null) {
        continue;
      }
      double[] shares = SHARES[band.ordinal()];
      double draw = random.nextDouble();
      int count = draw < shares[2] ? 3 : draw < shares[1] ? 2 : draw < shares[0] ? 1 : 0;
      ProductStore.Row product = random.nextBoolean() ? bibp : sinovac;
      LocalDate day = today.minusMonths(14).plusDays(random.nextInt(120));
      for (int n = 1; n <= count; n++) {
        if (Period.between(person.birthDate(), day).getYears() >= product.data().minAge()) {
          batch.add(new DoseLanding.Candidate(++line, UUID.fromString(person.id()), person.jurisdictionPath(),
              person.birthDate(), n, product, "2022" + String.format("%04d", random.nextInt(10_000)), day, CLINIC,
              null));
        }
        day = day.plusDays(n == 1 ? 28 + random.nextInt(14) : 180 + random.nextInt(60));
      }
      if (batch.size() >= BATCH) {
        land(batch);
      }
    }
    land(batch);
    return line;
  }

  /**
   * The grid worker registers the old residents of the community not yet vaccinated (once: a second
   * start finds them) and builds the door-to-door list, so that the worker's phone list is not empty.
   */
  private void doorToDoor() {
    String community = currentUser.get().scope().code();
    LocalDate today = LocalDate.now(clock);
    for (int i = 0; i < ELDERS.length; i++) {
      boolean female = (Boolean) ELDERS[i][2];
      LocalDate born = LocalDate.of(today.getYear() - (Integer) ELDERS[i][1], 3, 1 + i);
      String first17 = "330103" + born.toString().replace("-", "") + "9" + i + (female ? "2" : "1");
      try {
        registry.register(new NewPerson((String) ELDERS[i][0], IdType.RESIDENT_ID,
            first17 + ResidentIdNumber.checkCharacter(first17), female ? Sex.FEMALE : Sex.MALE, born, null,
            "幸福里" + (i + 1) + "号楼", community));
      } catch (Conflict registered) {
        // registered at an earlier start
      }
    }
    targets.generate(null);
  }

  private void land(List<DoseLanding.Candidate> batch) {
    if (!batch.isEmpty()) {
      transactions.executeWithoutResult(status -> landing.land(new ArrayList<>(batch),
          new DoseLanding.Submission(UUID.randomUUID(), DoseSource.IMPORT, "cdc")));
      batch.clear();
    }
  }
}
