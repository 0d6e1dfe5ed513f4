package org.epicommand.sentinel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.DocumentCheck;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.PersonMatching;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.sentinel.internal.PharmacyStore;
import org.epicommand.sentinel.internal.PurchaseDays;
import org.epicommand.sentinel.internal.SentinelProperties;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Masking;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Real-name purchase registration at a pharmacy (the clerk's phone form): the buyer's document is
 * checked and the buyer found or registered through the person registry (routed to their own
 * community, never shown to the clerk beyond what they typed); the product's class decides under
 * which policy in force the sale falls — suspended (409 naming class, division and day), no sale to a
 * febrile buyer (409), real name, or real name plus a test within the window (the verification job
 * follows it up). A clerk reads their pharmacy's registrations of the day only. Each registration adds to its
 * pharmacy's count of the day and class, which the sentinel board reads.
 */
@Service
public class Purchases {

  static final String SUBJECT = "SENTINEL_PURCHASE";
  static final BigDecimal LOWEST = new BigDecimal("34.0");
  static final BigDecimal HIGHEST = new BigDecimal("43.0");
  static final String COUNTER = "COUNTER";
  static final String PLATFORM_PUSH = "PLATFORM_PUSH";

  private final JdbcClient jdbc;
  private final Pharmacies pharmacies;
  private final DrugPolicies policies;
  private final DrugCatalogue catalogue;
  private final PersonMatching persons;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final SentinelProperties properties;
  private final PurchaseDays days;
  private final Clock clock;

  Purchases(JdbcClient jdbc, Pharmacies pharmacies, DrugPolicies policies, DrugCatalogue catalogue,
      PersonMatching persons, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit,
      SentinelProperties properties, PurchaseDays days, Clock clock) {
    this.jdbc = jdbc;
    this.pharmacies = pharmacies;
    this.policies = policies;
    this.catalogue = catalogue;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.days = days;
    this.clock = clock;
  }

  /** A registration at the counter: refused field by field (400) or by the sales rule it breaks (409). */
  @Transactional
  public Purchase register(NewPurchase request) {
    PharmacyStore.Row pharmacy = pharmacies.row(pharmacyCode(request));
    Checked checked = checked(request, pharmacy);
    return query("p.id = ?", store(checked, request, COUNTER, null).orElseThrow()).get(0);
  }

  /**
   * A purchase pushed by an online sales platform (import kind {@code drug-purchases}), checked and stored as a
   * counter registration; its verification items carry the source {@code PLATFORM_PUSH}. Stored once per
   * natural key (pharmacy, buyer's document, product, time): empty when it is already there.
   */
  @Transactional
  public Optional<Purchase> registerPushed(NewPurchase request) {
    PharmacyStore.Row pharmacy = pharmacies.row(pharmacyCode(request));
    Checked checked = checked(request, pharmacy);
    String key = String.join("|", pharmacy.pharmacy().creditCode(), checked.idType().name(),
        checked.document().number(), checked.product().approvalNumber(), checked.at().toString());
    return store(checked, request, PLATFORM_PUSH, sha256(key)).map(id -> query("p.id = ?", id).get(0));
  }

  /**
   * What a registration would be refused for, without storing anything: the field problems, else the sales rule it
   * breaks (a pharmacy that may not sell on {@code pharmacy}, a suspended class on {@code approvalNumber}, a
   * febrile buyer or a missing temperature on {@code temperature}); a pharmacy the caller does not reach is a
   * problem on {@code pharmacy}. The counter and the import both refuse by it.
   */
  public List<FieldProblem> check(NewPurchase request) {
    PharmacyStore.Row pharmacy;
    try {
      pharmacy = pharmacies.row(pharmacyCode(request));
    } catch (RecordNotFound outside) {
      return List.of(FieldProblem.of("pharmacy", "sentinel.pharmacyUnknown"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    Checked checked = validate(request, pharmacy, problems);
    if (problems.isEmpty() && checked.violation() != null) {
      problems.add(checked.violation().problem());
    }
    return problems;
  }

  private record Checked(PharmacyStore.Row pharmacy, IdType idType, DocumentCheck.Valid document, String name,
      String phone, DrugProduct product, BigDecimal temperature, Instant at, String homeCode,
      DrugPolicies.InForce policy, Violation violation) {}

  /** A sales rule broken: the answer at the counter and the same as a problem of a field (an import's row). */
  private record Violation(RuntimeException refusal, FieldProblem problem) {}

  private Checked checked(NewPurchase request, PharmacyStore.Row pharmacy) {
    List<FieldProblem> problems = new ArrayList<>();
    Checked checked = validate(request, pharmacy, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (checked.violation() != null) {
      throw checked.violation().refusal();
    }
    return checked;
  }

  private Checked validate(NewPurchase request, PharmacyStore.Row pharmacy, List<FieldProblem> problems) {
    Instant now = clock.instant();
    IdType idType = request.idType() == null ? IdType.RESIDENT_ID : request.idType();
    DocumentCheck.Valid document = DocumentCheck.check(idType, request.idNumber(), LocalDate.now(clock), "idNumber",
        problems);
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 50) {
      problems.add(FieldProblem.of("name", "sentinel.buyerName"));
    }
    String phone = PhoneNumbers.normalize(request.phone());
    if (phone == null) {
      problems.add(FieldProblem.of("phone", "sentinel.phone"));
    }
    DrugProduct product = catalogue.onSale(request.approvalNumber()).orElse(null);
    if (product == null) {
      problems.add(FieldProblem.of("approvalNumber", "sentinel.product"));
    }
    if (request.quantity() == null || request.quantity() <= 0 || request.quantity() > 100) {
      problems.add(FieldProblem.of("quantity", "sentinel.quantity"));
    }
    BigDecimal temperature = request.temperature();
    if (temperature != null && (temperature.compareTo(LOWEST) < 0 || temperature.compareTo(HIGHEST) > 0)) {
      problems.add(FieldProblem.of("temperature", "sentinel.temperature"));
    }
    Instant at = request.purchasedAt() == null ? now : request.purchasedAt();
    if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(now.minus(Duration.ofDays(7)))) {
      problems.add(FieldProblem.of("purchasedAt", "sentinel.purchasedAt"));
    }
    String homeCode = request.jurisdictionCode() == null || request.jurisdictionCode().isBlank()
        ? pharmacy.pharmacy().jurisdictionCode() : request.jurisdictionCode().strip();
    if (jurisdictions.find(homeCode).isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    if (!problems.isEmpty()) {
      return new Checked(pharmacy, idType, document, name, phone, product, temperature, at, homeCode, null, null);
    }
    PharmacyStatus status = pharmacy.pharmacy().status();
    if (!status.sells()) {
      return new Checked(pharmacy, idType, document, name, phone, product, temperature, at, homeCode, null,
          new Violation(Conflict.illegalTransition("sentinel.pharmacyNotSelling", status),
              FieldProblem.of("pharmacy", "sentinel.pharmacyNotSelling", status.name())));
    }
    DrugPolicies.InForce policy = policies.inForce(product.drugClass(), pharmacy.path(),
        at.atZone(clock.getZone()).toLocalDate());
    return new Checked(pharmacy, idType, document, name, phone, product, temperature, at, homeCode, policy,
        violation(policy, product, temperature));
  }

  /** The purchase's id, or empty when a pushed purchase of this key is stored already. */
  private Optional<UUID> store(Checked checked, NewPurchase request, String source, String key) {
    UserContext user = currentUser.get();
    PharmacyStore.Row pharmacy = checked.pharmacy();
    var buyer = persons.resolve(new NewPerson(checked.name(), checked.idType(), checked.document().number(), null,
        null, checked.phone(), null, checked.homeCode()), pharmacies.rootScopeOf(pharmacy.path()));
    String personId = buyer.person() != null ? buyer.person().id() : buyer.elsewhere().personId();
    String buyerPath = buyer.person() != null
        ? jurisdictions.find(buyer.person().jurisdictionCode()).map(Jurisdiction::path).orElseThrow()
        : buyer.elsewhere().jurisdictionPath();
    UUID id = UUID.randomUUID();
    DrugPolicies.InForce policy = checked.policy();
    Instant at = checked.at();
    Instant due = policy.mode() == SalesMode.REAL_NAME_TEST_72H ? at.plus(properties.testWindow()) : null;
    int added = jdbc.sql("""
        insert into sentinel_purchase (id, pharmacy_code, pharmacy_path, purchased_at, person_id, buyer_name, masked_id,
          phone, buyer_path, approval_number, drug_class, quantity, temperature, mode, test_due_at, recorded_by,
          recorded_at, source, source_key) values (?, ?, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (source_key) where source_key is not null do nothing
        """).params(id, pharmacy.pharmacy().creditCode(), pharmacy.path(), utc(at), personId, checked.name(),
            Masking.documentNumber(checked.document().number()), checked.phone(), buyerPath,
            checked.product().approvalNumber(), checked.product().drugClass().name(), request.quantity(),
            checked.temperature(), policy.mode().name(), utc(due), user.username(), utc(clock.instant()), source,
            key).update();
    if (added == 0) {
      return Optional.empty();
    }
    days.count(pharmacy.pharmacy().creditCode(), pharmacy.path(), at.atZone(clock.getZone()).toLocalDate(),
        checked.product().drugClass(), request.quantity());
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), "buyer " + personId + " at "
        + pharmacy.pharmacy().creditCode() + (key == null ? "" : " (platform push)"));
    return Optional.of(id);
  }

  private String pharmacyCode(NewPurchase request) {
    return request.pharmacy() != null && !request.pharmacy().isBlank() ? request.pharmacy()
        : pharmacies.ownPharmacy(currentUser.get()).orElse(null);
  }

  /** A registration the caller reaches: a clerk their pharmacy's of the day, others their jurisdiction's (404
   * otherwise). */
  @Transactional
  public Purchase get(UUID id) {
    Purchase purchase = query("p.id = ?", id).stream().findFirst().orElseThrow(() -> new RecordNotFound(SUBJECT));
    try {
      pharmacies.row(purchase.pharmacyCode());
    } catch (RecordNotFound outside) {
      throw new RecordNotFound(SUBJECT);
    }
    if (pharmacies.ownPharmacy(currentUser.get()).isPresent() && !today(purchase.pharmacyCode()).contains(purchase)) {
      throw new RecordNotFound(SUBJECT);
    }
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return purchase;
  }

  /** The day's registrations at the pharmacy (a clerk: their own pharmacy), newest first. */
  public List<Purchase> today(String pharmacyCode) {
    String code = pharmacyCode != null && !pharmacyCode.isBlank() ? pharmacyCode
        : pharmacies.ownPharmacy(currentUser.get()).orElse(null);
    String own = pharmacies.row(code).pharmacy().creditCode();
    OffsetDateTime start = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
    return query("p.pharmacy_code = ? and p.recorded_at >= ?", own, start);
  }

  /**
   * Logs a refused sale or a febrile buyer's enquiry: anonymous unless a document is given (then the
   * person is found or registered as for a purchase); audited.
   */
  @Transactional
  public FeverEnquiry enquiry(NewFeverEnquiry request) {
    UserContext user = currentUser.get();
    String code = request.pharmacy() != null && !request.pharmacy().isBlank() ? request.pharmacy()
        : pharmacies.ownPharmacy(user).orElse(null);
    PharmacyStore.Row pharmacy = pharmacies.row(code);
    List<FieldProblem> problems = new ArrayList<>();
    boolean named = request.idNumber() != null && !request.idNumber().isBlank();
    IdType idType = request.idType() == null ? IdType.RESIDENT_ID : request.idType();
    DocumentCheck.Valid document = named
        ? DocumentCheck.check(idType, request.idNumber(), LocalDate.now(clock), "idNumber", problems) : null;
    BigDecimal temperature = request.temperature();
    if (temperature != null && (temperature.compareTo(LOWEST) < 0 || temperature.compareTo(HIGHEST) > 0)) {
      problems.add(FieldProblem.of("temperature", "sentinel.temperature"));
    }
    boolean asked = request.approvalNumber() != null && !request.approvalNumber().isBlank();
    DrugProduct product = asked ? catalogue.onSale(request.approvalNumber()).orElse(null) : null;
    if (asked && product == null) {
      problems.add(FieldProblem.of("approvalNumber", "sentinel.product"));
    }
    String referred = request.referredTo() == null || request.referredTo().isBlank() ? null
        : request.referredTo().strip();
    if (referred != null && referred.length() > 100) {
      problems.add(FieldProblem.of("referredTo", "sentinel.referredTo"));
    }
    String name = request.name() == null ? "" : request.name().strip();
    if (named && (name.isEmpty() || name.length() > 50)) {
      problems.add(FieldProblem.of("name", "sentinel.buyerName"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    String personId = null;
    if (named) {
      String home = request.jurisdictionCode() == null || request.jurisdictionCode().isBlank()
          ? pharmacy.pharmacy().jurisdictionCode() : request.jurisdictionCode().strip();
      var person = persons.resolve(new NewPerson(name, idType, document.number(), null, null, null, null, home),
          pharmacies.rootScopeOf(pharmacy.path()));
      personId = person.person() != null ? person.person().id() : person.elsewhere().personId();
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
        insert into sentinel_fever_enquiry (id, pharmacy_code, pharmacy_path, at, person_id, temperature, drug_class,
          referred_to, recorded_by) values (?, ?, ?, ?, ?::uuid, ?, ?, ?, ?)
        """).params(id, pharmacy.pharmacy().creditCode(), pharmacy.path(), now, personId, temperature,
            product == null ? null : product.drugClass().name(), referred, user.username()).update();
    audit.record(AuditAction.CREATE, "SENTINEL_FEVER_ENQUIRY", id.toString(),
        personId == null ? "anonymous" : "person " + personId);
    return new FeverEnquiry(id.toString(), pharmacy.pharmacy().creditCode(), now, personId == null, temperature,
        product == null ? null : product.drugClass(), referred);
  }

  private Violation violation(DrugPolicies.InForce policy, DrugProduct product, BigDecimal temperature) {
    if (policy.mode() == SalesMode.SALES_SUSPENDED) {
      Object[] args = {product.drugClass().name(), policy.policy().jurisdictionCode(),
          policy.policy().effectiveFrom().toString()};
      return new Violation(Conflict.unmet("sentinel.saleSuspended", policy.mode(),
          List.of(FieldProblem.of("drugClass", "sentinel.suspendedSince", args))),
          FieldProblem.of("approvalNumber", "sentinel.suspendedSince", args));
    }
    if (policy.mode() == SalesMode.NO_SALE_TO_FEVER && temperature == null) {
      FieldProblem missing = FieldProblem.of("temperature", "sentinel.temperatureRequired");
      return new Violation(new ValidationFailure(missing), missing);
    }
    if (policy.mode() == SalesMode.NO_SALE_TO_FEVER && temperature.compareTo(properties.feverFrom()) >= 0) {
      FieldProblem fever = FieldProblem.of("temperature", "sentinel.feverReferral", temperature.toPlainString());
      return new Violation(Conflict.unmet("sentinel.feverBuyer", policy.mode(), List.of(fever)), fever);
    }
    return null;
  }

  private List<Purchase> query(String where, Object... params) {
    return jdbc.sql("""
        select p.id::text, p.pharmacy_code, p.purchased_at, p.buyer_name, p.masked_id, p.approval_number, d.product,
               p.drug_class, p.quantity, p.temperature, p.mode, p.test_due_at
        from sentinel_purchase p join sentinel_drug d on d.approval_number = p.approval_number
        where %s order by p.recorded_at desc limit 500""".formatted(where)).params(params)
        .query((rs, n) -> new Purchase(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), DrugClass.valueOf(rs.getString(8)),
            rs.getInt(9), rs.getBigDecimal(10), SalesMode.valueOf(rs.getString(11)),
            rs.getObject(12, OffsetDateTime.class))).list();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
