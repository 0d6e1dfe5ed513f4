package org.epicommand.keygroup.internal;

import java.util.List;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.keygroup.EnvResult;
import org.epicommand.keygroup.EnvSite;
import org.epicommand.keygroup.EnvironmentSamples;
import org.epicommand.keygroup.KeyGroupMembers;
import org.epicommand.keygroup.KeyGroups;
import org.epicommand.keygroup.Matrix;
import org.epicommand.keygroup.NewEnvSample;
import org.epicommand.keygroup.NewEnvSite;
import org.epicommand.keygroup.NewKeyGroup;
import org.epicommand.keygroup.NewMember;
import org.epicommand.keygroup.NewSchedule;
import org.epicommand.keygroup.SiteKind;
import org.epicommand.organisation.CreditCode;
import org.epicommand.organisation.Organisation;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Organisations;
import org.epicommand.person.PersonLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's key groups, made once through the same facades the pages and the API use: cold-chain workers
 * (every 3 days, 14 days without a negative blocks duty) and delivery workers (twice a week, 48 h apart), a
 * cold-chain warehouse and a delivery station of the first district with residents of its first community as
 * members (not yet sampled, so they stand on the overdue list), the warehouse as a monitoring site with a
 * negative surface sample and a positive outer-packaging sample of an imported goods batch (an open follow-up).
 * Keyed by the warehouse's credit code.
 */
@Component
@Order(36)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class KeyGroupDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(KeyGroupDemoData.class);
  private static final String COMMUNITY = "990101001001";

  private final Organisations organisations;
  private final KeyGroups groups;
  private final KeyGroupMembers members;
  private final EnvironmentSamples samples;
  private final PersonLookup persons;
  private final Jurisdictions jurisdictions;
  private final ImportPrincipals principals;
  private final TransactionTemplate transactions;

  KeyGroupDemoData(Organisations organisations, KeyGroups groups, KeyGroupMembers members,
      EnvironmentSamples samples, PersonLookup persons, Jurisdictions jurisdictions, ImportPrincipals principals,
      TransactionTemplate transactions) {
    this.organisations = organisations;
    this.groups = groups;
    this.members = members;
    this.samples = samples;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.principals = principals;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (organisations.findForPlatform(code(1)).isEmpty() && jurisdictions.find(COMMUNITY).isPresent()) {
      try {
        principals.runAs("cdc", () -> transactions.executeWithoutResult(status -> seed()));
        log.info("Demo key groups and environmental monitoring seeded");
      } catch (RuntimeException e) {
        log.warn("Demo key groups not seeded: {}", e.toString());
      }
    }
  }

  private void seed() {
    groups.define(new NewKeyGroup("COLD_CHAIN", "冷链从业人员",
        new NewSchedule(null, 3, null, null, 14, true, false, true, "2020–21 冷链：口岸、冷库装卸每 3–5 天")));
    groups.define(new NewKeyGroup("DELIVERY", "快递外卖从业人员",
        new NewSchedule(null, null, 2, 48, null, false, false, true, "第九版：每周两次，间隔 48 小时以上")));
    Organisation warehouse = organisation(1, "东湖冷链物流仓", OrganisationKind.WAREHOUSE);
    Organisation station = organisation(2, "东湖快递驿站", OrganisationKind.LOGISTICS);
    Jurisdiction community = jurisdictions.find(COMMUNITY).orElseThrow();
    List<PersonLookup.Resident> residents = persons.residents(community.scope(), 0, 8);
    for (int i = 0; i < residents.size(); i++) {
      boolean cold = i < 5;
      members.add(cold ? "COLD_CHAIN" : "DELIVERY", new NewMember(residents.get(i).person().id(),
          cold ? warehouse.creditCode() : station.creditCode(), cold ? "装卸" : "快递员", null, null, null));
    }
    EnvSite site = samples.register(new NewEnvSite("东湖冷链物流仓 2 号冷库", SiteKind.COLD_STORE, COMMUNITY,
        warehouse.creditCode()));
    samples.record(new NewEnvSample("E20261201001", site.id(), Matrix.SURFACE, null, null));
    samples.result("E20261201001", new EnvResult("NEGATIVE", null, null));
    samples.record(new NewEnvSample("E20261201002", site.id(), Matrix.PACKAGE_OUTER, "进口冻带鱼 批次 2026-118",
        null));
    samples.result("E20261201002", new EnvResult("POSITIVE", new java.math.BigDecimal("32.1"),
        new java.math.BigDecimal("30.4")));
  }

  private Organisation organisation(int n, String name, OrganisationKind kind) {
    return organisations.create(new OrganisationDetails(code(n), name, kind, null, COMMUNITY,
        "滨江市东湖路 " + n + " 号", "负责人" + n, "联络人" + n, null, 40, null, List.of(), null, null, null, null));
  }

  static String code(int n) {
    String first17 = "91990101" + String.format("KG%07d", n);
    return first17 + CreditCode.checkCharacter(first17);
  }
}
