package org.epicommand.sentinel.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.organisation.CreditCode;
import org.epicommand.organisation.Organisation;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Organisations;
import org.epicommand.person.IdType;
import org.epicommand.sentinel.ClinicStaff;
import org.epicommand.sentinel.ClinicType;
import org.epicommand.sentinel.ClinicVisits;
import org.epicommand.sentinel.Clinics;
import org.epicommand.sentinel.Disposition;
import org.epicommand.sentinel.DrugClass;
import org.epicommand.sentinel.DrugPolicies;
import org.epicommand.sentinel.NewClinic;
import org.epicommand.sentinel.NewClinicVisit;
import org.epicommand.sentinel.NewDrugPolicy;
import org.epicommand.sentinel.NewPharmacy;
import org.epicommand.sentinel.NewPurchase;
import org.epicommand.sentinel.Pharmacies;
import org.epicommand.sentinel.PharmacyClerks;
import org.epicommand.sentinel.Purchases;
import org.epicommand.sentinel.SalesMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's pharmacy sentinels, made once through the same facades the pages and the API use:
 * two pharmacies of the first district, the city's class policies (antipyretics real name plus a test
 * within 72 h, antivirals real name, fever patches suspended), the demo clerk {@code pharmacy}
 * (password as the other demo accounts) bound to the first, four registrations — one of them 80 h
 * ago, so the community's verification list shows an item; a fever clinic and a village clinic, the
 * demo account {@code clinic} at the fever clinic with two patients (one under observation). Keyed by
 * the first pharmacy's credit code.
 */
@Component
@Order(35)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class SentinelDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SentinelDemoData.class);
  static final String CLERK = "pharmacy";
  static final String CLINIC = "clinic";
  private static final String PASSWORD = "demo1234";

  private final Organisations organisations;
  private final Pharmacies pharmacies;
  private final PharmacyClerks clerks;
  private final DrugPolicies policies;
  private final Purchases purchases;
  private final VerificationJob job;
  private final Clinics clinics;
  private final ClinicStaff clinicStaff;
  private final ClinicVisits visits;
  private final UserAdministration users;
  private final ImportPrincipals principals;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SentinelDemoData(Organisations organisations, Pharmacies pharmacies, PharmacyClerks clerks, DrugPolicies policies,
      Purchases purchases, VerificationJob job, Clinics clinics, ClinicStaff clinicStaff, ClinicVisits visits,
      UserAdministration users, ImportPrincipals principals, TransactionTemplate transactions, Clock clock) {
    this.clinics = clinics;
    this.clinicStaff = clinicStaff;
    this.visits = visits;
    this.organisations = organisations;
    this.pharmacies = pharmacies;
    this.clerks = clerks;
    this.policies = policies;
    this.purchases = purchases;
    this.job = job;
    this.users = users;
    this.principals = principals;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (organisations.findForPlatform(code(1)).isEmpty()) {
      try {
        as("commander", this::seed);
        as(CLERK, this::sales);
        as(CLINIC, this::patients);
        job.sweep();
        log.info("Demo pharmacy and clinic sentinels seeded");
      } catch (RuntimeException e) {
        log.warn("Demo sentinels not seeded: {}", e.toString());
      }
    }
  }

  /** Runs the work as the user, in a transaction of its own. */
  private void as(String username, Runnable work) {
    principals.runAs(username, () -> transactions.executeWithoutResult(status -> work.run()));
  }

  private void seed() {
    LocalDate from = LocalDate.now(clock).minusDays(30);
    policies.add(new NewDrugPolicy("990100", from, DrugClass.ANTIPYRETIC_ANALGESIC, SalesMode.REAL_NAME_TEST_72H,
        "退热药实名登记，购药后72小时内核酸检测"));
    policies.add(new NewDrugPolicy("990100", from, DrugClass.ANTIVIRAL, SalesMode.REAL_NAME, null));
    policies.add(new NewDrugPolicy("990100", from, DrugClass.FEVER_PATCH, SalesMode.SALES_SUSPENDED, null));
    Organisation first = pharmacy(1, "滨江百姓大药房", "990101001001");
    pharmacy(2, "滨江仁心药店", "990101001002");
    if (users.findByUsername(CLERK).isEmpty()) {
      users.createDemoAccount(CLERK, "百姓大药房店员", PASSWORD, Role.PHARMACY_CLERK, "990101001001");
    }
    clerks.bind(first.creditCode(), CLERK);
    Organisation hospital = organisation(3, "滨江市第一人民医院", OrganisationKind.HOSPITAL, "990101001");
    clinics.register(new NewClinic(hospital.creditCode(), ClinicType.FEVER_CLINIC));
    Organisation village = organisation(4, "东湖村卫生室", OrganisationKind.CLINIC, "990101001002");
    clinics.register(new NewClinic(village.creditCode(), ClinicType.VILLAGE_CLINIC));
    if (users.findByUsername(CLINIC).isEmpty()) {
      users.createDemoAccount(CLINIC, "第一人民医院发热门诊", PASSWORD, Role.CLINIC_STAFF, "990101001");
    }
    clinicStaff.bind(hospital.creditCode(), CLINIC);
  }

  /** Two fever-clinic patients: one under observation whose result is overdue (sampled 14 h ago), one sent home to
   * wait. */
  private void patients() {
    visits.record(new NewClinicVisit(null, IdType.PASSPORT, "SP00000011", "赵发热", "990101001001",
        new BigDecimal("38.4"), "发热、咽痛", "14天内无中高风险地区旅居史", "FC0000000001", Disposition.OBSERVATION_ON_SITE,
        clock.instant().minus(Duration.ofHours(14))));
    visits.record(new NewClinicVisit(null, IdType.PASSPORT, "SP00000012", "钱咳嗽", "990101001002",
        new BigDecimal("37.6"), "咳嗽", null, "FC0000000002", Disposition.HOME_WAIT, null));
  }

  private void sales() {
    List<String> names = List.of("张建军", "李秀英", "王志刚", "刘芳");
    List<String> products = List.of("国药准字H10900089", "国药准字H20065414", "国药准字H20013062", "国药准字Z20040063");
    for (int i = 0; i < names.size(); i++) {
      purchases.register(new NewPurchase(null, IdType.PASSPORT, String.format("SP%08d", i + 1), names.get(i),
          "1390013900" + i, "990101001001", products.get(i), 1 + i % 2, new BigDecimal("36.5"),
          i == 0 ? clock.instant().minus(Duration.ofHours(80)) : null));
    }
  }

  private Organisation organisation(int n, String name, OrganisationKind kind, String jurisdiction) {
    return organisations.create(new OrganisationDetails(code(n), name, kind, null, jurisdiction,
        "滨江市药业路 " + n + " 号", "负责人" + n, "联络人" + n, null, 8, null, List.of(), null, null, null, null));
  }

  private Organisation pharmacy(int n, String name, String jurisdiction) {
    Organisation org = organisation(n, name, OrganisationKind.PHARMACY, jurisdiction);
    pharmacies.register(new NewPharmacy(org.creditCode(), "晋CB" + String.format("%07d", n), n == 1 ? "百姓大药房" : null));
    return org;
  }

  static String code(int n) {
    String first17 = "91990101" + String.format("PH%07d", n);
    return first17 + CreditCode.checkCharacter(first17);
  }
}
