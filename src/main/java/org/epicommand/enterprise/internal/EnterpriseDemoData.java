package org.epicommand.enterprise.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.checklist.ChecklistItem;
import org.epicommand.checklist.ChecklistTemplates;
import org.epicommand.checklist.Outcome;
import org.epicommand.enterprise.ApplicationKind;
import org.epicommand.enterprise.ApplicationMaterial;
import org.epicommand.enterprise.ApplicationSteps;
import org.epicommand.enterprise.DailyHealth;
import org.epicommand.enterprise.DocumentKind;
import org.epicommand.enterprise.NewApplication;
import org.epicommand.enterprise.NewDailyHealth;
import org.epicommand.enterprise.NewStaffMember;
import org.epicommand.enterprise.ResumptionApplication;
import org.epicommand.enterprise.GateException;
import org.epicommand.enterprise.NewGate;
import org.epicommand.enterprise.ResumptionApplications;
import org.epicommand.enterprise.ResumptionGates;
import org.epicommand.enterprise.StaffLedger;
import org.epicommand.enterprise.Supplies;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.organisation.CreditCode;
import org.epicommand.organisation.Organisation;
import org.epicommand.organisation.OrganisationContacts;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Organisations;
import org.epicommand.organisation.SchoolLevel;
import org.epicommand.organisation.Sector;
import org.epicommand.person.IdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's organisations and reopening work, made once (after the demo city) through the same
 * facades the pages use: the two gates of 2020 (enterprises, 高三), six organisations of the first district, the demo
 * contact {@code unit}
 * (password as the other demo accounts) bound to the first, small staff ledgers, an enterprise approved
 * through every step, the contact's draft, a 高三 application under material review with the
 * headmaster's signature, and the day's health reports. Keyed by the first organisation's credit code.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class EnterpriseDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(EnterpriseDemoData.class);
  static final String CONTACT = "unit";
  private static final String PASSWORD = "demo1234";
  private static final List<String> LEGAL = List.of("刘振华", "王保供", "陈明远", "杨湿地", "黄宾", "释清风");
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);

  private final Organisations organisations;
  private final OrganisationContacts contacts;
  private final UserAdministration users;
  private final StaffLedger ledger;
  private final DailyHealth health;
  private final ResumptionApplications applications;
  private final ApplicationSteps steps;
  private final ApplicationMaterial material;
  private final ChecklistTemplates templates;
  private final ResumptionGates gates;
  private final ImportPrincipals principals;
  private final TransactionTemplate transactions;
  private final Clock clock;

  EnterpriseDemoData(Organisations organisations, OrganisationContacts contacts, UserAdministration users,
      StaffLedger ledger, DailyHealth health, ResumptionApplications applications, ApplicationSteps steps,
      ApplicationMaterial material, ChecklistTemplates templates, ResumptionGates gates, ImportPrincipals principals,
      TransactionTemplate transactions, Clock clock) {
    this.organisations = organisations;
    this.contacts = contacts;
    this.users = users;
    this.ledger = ledger;
    this.health = health;
    this.applications = applications;
    this.steps = steps;
    this.material = material;
    this.templates = templates;
    this.gates = gates;
    this.principals = principals;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (organisations.findForPlatform(code(1)).isPresent()) {
      return;
    }
    try {
      principals.runAs("commander", () -> transactions.executeWithoutResult(status -> seed()));
      principals.runAs(CONTACT, () -> transactions.executeWithoutResult(status -> contactWork()));
      log.info("Demo organisations and reopening work seeded");
    } catch (RuntimeException e) {
      log.warn("Demo reopening work not seeded: {}", e.toString());
    }
  }

  private void seed() {
    LocalDate today = LocalDate.now(clock);
    gates.create(new NewGate("企业2月9日前不得复工", OrganisationKind.ENTERPRISE, null, "990100", null,
        LocalDate.of(2020, 2, 10), List.of(GateException.KEY_SUPPLIES, GateException.LIVELIHOOD), List.of(),
        "保供、民生企业经批准可提前复工"));
    gates.create(new NewGate("高三年级3月25日开学", null, Sector.EDUCATION, "990100", "高三", LocalDate.of(2020, 3, 25),
        List.of(), List.of(), null));
    Organisation machinery = organisation(1, "滨江精密机械有限公司", OrganisationKind.ENTERPRISE, "990101001001", 120,
        null, List.of(), null);
    Organisation food = organisation(2, "滨江食品保供有限公司", OrganisationKind.ENTERPRISE, "990101001", 80, null,
        List.of(), null);
    Organisation school = organisation(3, "滨江市第一中学", OrganisationKind.SCHOOL, "990101", 160,
        SchoolLevel.COMPLETE_SECONDARY, List.of("高三", "初三"), null);
    organisation(4, "滨江湿地公园", OrganisationKind.SCENIC_SPOT, "990101", 40, null, List.of(), 20_000);
    organisation(5, "滨江大酒店", OrganisationKind.HOTEL, "990101002", 60, null, List.of(), null);
    organisation(6, "滨江清风寺", OrganisationKind.RELIGIOUS_SITE, "990101", 12, null, List.of(), null);
    if (users.findByUsername(CONTACT).isEmpty()) {
      users.createDemoAccount(CONTACT, "精密机械防疫联络员", PASSWORD, Role.UNIT_CONTACT, "990101001001");
    }
    contacts.bind(machinery.id(), CONTACT);

    staff(machinery, 1, "赵建国", "装配车间", true);
    staff(machinery, 2, "钱晓燕", "仓库", true);
    staff(machinery, 3, "孙志强", "门卫", false);
    staff(food, 4, "李海涛", "生产线", true);
    staff(food, 5, "周丽", "质检", true);
    staff(school, 6, "吴老师", "高三（1）班班主任", true);
    staff(school, 7, "郑老师", "校医", true);

    UUID approved = draft(food, ApplicationKind.RESUME_WORK, null, today.plusDays(1), 100);
    documents(approved);
    material.signOff(approved, List.of(new ApplicationMaterial.SignOffRequest("法定代表人", "王保供")));
    steps.submit(approved);
    steps.startReview(approved);
    steps.requestInspection(approved, "材料齐全");
    ResumptionApplication application = applications.get(approved);
    for (ChecklistItem item : templates.get(UUID.fromString(application.templateId())).items()) {
      material.record(approved, item.code(), Outcome.PASS, "现场核验合格", false);
    }
    steps.approve(approved, "同意复工");

    UUID senior = draft(school, ApplicationKind.REOPEN_SCHOOL_COHORT, "高三", today.plusDays(5), 60);
    documents(senior);
    material.signOff(senior, List.of(new ApplicationMaterial.SignOffRequest("校长", "陈校长")));
    steps.submit(senior);
    steps.startReview(senior);
    health.submit(school.id(), new NewDailyHealth(today, 2, 0, 0, 0, null, true));
  }

  /** The contact's own work: a draft waiting for its documents, and the day's health report. */
  private void contactWork() {
    Organisation machinery = organisations.get(code(1));
    LocalDate today = LocalDate.now(clock);
    draft(machinery, ApplicationKind.RESUME_WORK, null, today.plusDays(3), 20);
    health.submit(machinery.id(), new NewDailyHealth(today, 2, 0, 0, 0, null, true));
  }

  private Organisation organisation(int n, String name, OrganisationKind kind, String jurisdiction, int headcount,
      SchoolLevel level, List<String> cohorts, Integer capacity) {
    return organisations.create(new OrganisationDetails(code(n), name, kind, null, jurisdiction, "滨江市示范路 " + n + " 号",
        LEGAL.get(n - 1), "联络员" + n, null, headcount, level, cohorts, level == null ? null : Boolean.TRUE, capacity,
        kind == OrganisationKind.RELIGIOUS_SITE ? "佛教" : null, kind == OrganisationKind.RELIGIOUS_SITE ? 3 : null));
  }

  private void staff(Organisation organisation, int n, String name, String post, boolean onDuty) {
    ledger.add(organisation.id(), new NewStaffMember(name, IdType.PASSPORT, String.format("DM%08d", n), null, post,
        false, "本地", LocalDate.now(clock).minusDays(3), null, null, onDuty));
  }

  private UUID draft(Organisation organisation, ApplicationKind kind, String cohort, LocalDate planned, int masks) {
    return UUID.fromString(applications.create(new NewApplication(organisation.id(), kind, cohort, planned, null, null,
        new Supplies(masks, 2, BigDecimal.TEN, true))).id());
  }

  private void documents(UUID application) {
    for (DocumentKind kind : DocumentKind.REQUIRED) {
      material.addDocument(application, kind, kind.name().toLowerCase() + ".pdf", new ByteArrayInputStream(PDF));
    }
  }

  /** The demo organisations' credit codes (GB 32100, region 990101). */
  static String code(int n) {
    String first17 = "91990101" + String.format("MA%07d", n);
    return first17 + CreditCode.checkCharacter(first17);
  }
}
