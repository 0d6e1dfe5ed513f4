package org.epicommand.sentinel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.DocumentCheck;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.PersonMatching;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.sentinel.internal.InspectionRows;
import org.epicommand.sentinel.internal.PharmacyStore;
import org.epicommand.sentinel.internal.VerificationItems;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Masking;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections of a pharmacy by market regulation, inside the caller's jurisdiction (404 outside): the day, the
 * inspector (the signed-in user), the findings and the outcome; each buyer found sold to without the required
 * registration is checked as at the counter, found or registered through the person registry, and gets one
 * verification item (source INSPECTION) on the list of the community they live in — the same item as an untested
 * buyer's, closing itself when their sampling after the inspection's day lands. A violation may put the pharmacy in
 * RESTRICTED or SALES_SUSPENDED through its status transition. The same payload posted again is the same inspection:
 * nothing is added (a withdrawn one included). Withdrawing one recorded by mistake and correcting its findings are
 * {@link InspectionAmendments}'. Recording and reading are audited.
 */
@Service
public class PharmacyInspections {

  static final String SUBJECT = "SENTINEL_INSPECTION";
  static final int MAX_BUYERS = 50;
  static final int MAX_FINDINGS = 2000;
  static final int MAX_REFERENCE = 50;

  /** The inspection and whether it was recorded now (false: the same payload was recorded before). */
  public record Recorded(Inspection inspection, boolean created) {}

  private record Found(IdType idType, String number, String name, String phone, String homeCode) {}

  private final JdbcClient jdbc;
  private final InspectionRows rows;
  private final Pharmacies pharmacies;
  private final PersonMatching persons;
  private final Jurisdictions jurisdictions;
  private final VerificationItems items;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  PharmacyInspections(JdbcClient jdbc, InspectionRows rows, Pharmacies pharmacies, PersonMatching persons,
      Jurisdictions jurisdictions, VerificationItems items, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.pharmacies = pharmacies;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.items = items;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records an inspection: refused field by field (400, nothing stored), a buyer's problems — a home division
   * outside the pharmacy's city among them — on the buyer's row ({@code buyers[i].field}); the same payload again
   * adds nothing.
   */
  @Transactional
  public Recorded record(String pharmacyCode, NewInspection request) {
    Checked checked = check(pharmacyCode, request, List.of());
    String key = payloadKey(checked.code(), request.inspectedOn(), checked.findings(), checked.outcome(),
        checked.status(), checked.found());
    Optional<UUID> existing = rows.existing(checked.code(), key);
    if (existing.isPresent()) {
      return new Recorded(rows.load(existing.get()), false);
    }
    UUID id = insert(checked, request.inspectedOn(), key, null);
    if (id == null) {
      return new Recorded(rows.load(rows.existing(checked.code(), key).orElseThrow()), false);
    }
    store(id, checked, request.inspectedOn());
    return new Recorded(rows.load(id), true);
  }

  /**
   * Records a row of an inspection register (import kind {@code pharmacy-inspections}): the inspection the register
   * numbers {@code reference} at the pharmacy, checked as {@link #record} checks one; rows with the same reference
   * are one inspection, each adding its buyer. The first row records the inspection; a later one must agree with it
   * (day, outcome, findings as recorded now or as first recorded before a correction, status: otherwise a problem on
   * the field that differs, naming what is recorded) and adds its buyer unless that person is on it already. An
   * inspection withdrawn takes no rows. Whether anything was added (false: all of it is there already).
   */
  @Transactional
  public boolean recordRegistered(String pharmacyCode, String reference, NewInspection request) {
    String ref = reference == null ? "" : reference.strip();
    Checked checked = check(pharmacyCode, request, ref.isEmpty() || ref.length() > MAX_REFERENCE
        ? List.of(FieldProblem.of("reference", "sentinel.inspectionReference", MAX_REFERENCE)) : List.of());
    String key = hash("reference\n" + ref);
    UUID id = rows.existing(checked.code(), key).orElse(null);
    if (id == null) {
      id = insert(checked, request.inspectedOn(), key, ref);
      if (id != null) {
        store(id, checked, request.inspectedOn());
        return true;
      }
      id = rows.existing(checked.code(), key).orElseThrow();
    }
    Inspection recorded = jdbc.sql("select id from sentinel_inspection where id = ? for update").param(id)
        .query(UUID.class).optional().map(rows::load).orElseThrow();
    agree(recorded, request.inspectedOn(), checked);
    Set<String> on = new HashSet<>(recorded.buyers().stream().map(Inspection.Buyer::personId).toList());
    List<Resolved> added = resolved(checked).stream().filter(b -> on.add(b.personId())).toList();
    if (recorded.buyers().size() + added.size() > MAX_BUYERS) {
      throw new ValidationFailure(FieldProblem.of("buyers", "sentinel.inspectionBuyers", MAX_BUYERS));
    }
    if (!added.isEmpty()) {
      audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "inspection of " + checked.code() + " on "
          + request.inspectedOn() + ": " + added.size() + " unregistered buyers added from the register");
      addBuyers(id, checked, request.inspectedOn(), added, recorded.buyers().size());
    }
    return !added.isEmpty();
  }

  /** A register's row must say what the inspection recorded under its reference says; withdrawn takes none. */
  private static void agree(Inspection recorded, LocalDate on, Checked checked) {
    if (recorded.withdrawn()) {
      throw new ValidationFailure(FieldProblem.of("reference", "sentinel.inspectionWithdrawnReference"));
    }
    List<FieldProblem> differs = new ArrayList<>();
    if (!recorded.inspectedOn().equals(on)) {
      differs.add(FieldProblem.of("inspectedOn", "sentinel.inspectionDiffers", recorded.inspectedOn()));
    }
    if (recorded.outcome() != checked.outcome()) {
      differs.add(FieldProblem.of("outcome", "sentinel.inspectionDiffers",
          new DefaultMessageSourceResolvable("sentinel.inspection." + recorded.outcome())));
    }
    if (!recorded.findings().equals(checked.findings()) && !checked.findings().equals(recorded.originalFindings())) {
      differs.add(FieldProblem.of("findings", "sentinel.inspectionDiffers", recorded.findings()));
    }
    if (recorded.pharmacyStatus() != checked.status()) {
      differs.add(FieldProblem.of("pharmacyStatus", "sentinel.inspectionDiffers", new DefaultMessageSourceResolvable(
          recorded.pharmacyStatus() == null ? "sentinel.inspectionNoStatus"
              : "sentinel.status." + recorded.pharmacyStatus())));
    }
    if (!differs.isEmpty()) {
      throw new ValidationFailure(differs);
    }
  }

  /** An inspection checked field by field (400 with every problem, and {@code more}, when any). */
  private record Checked(PharmacyStore.Row pharmacy, String code, String findings, InspectionOutcome outcome,
      PharmacyStatus status, List<Found> found, JurisdictionScope city) {}

  private Checked check(String pharmacyCode, NewInspection request, List<FieldProblem> more) {
    PharmacyStore.Row pharmacy = pharmacies.row(pharmacyCode);
    List<FieldProblem> problems = new ArrayList<>(more);
    LocalDate today = LocalDate.now(clock);
    if (request.inspectedOn() == null || request.inspectedOn().isAfter(today)) {
      problems.add(FieldProblem.of("inspectedOn", "sentinel.inspectedOn"));
    }
    String findings = request.findings() == null ? "" : request.findings().strip();
    if (findings.isEmpty() || findings.length() > MAX_FINDINGS) {
      problems.add(FieldProblem.of("findings", "sentinel.findings"));
    }
    InspectionOutcome outcome = request.outcome();
    if (outcome == null) {
      problems.add(FieldProblem.of("outcome", "sentinel.inspectionOutcome"));
    }
    PharmacyStatus status = request.pharmacyStatus();
    if (status != null && (outcome != InspectionOutcome.VIOLATION_FOUND
        || (status != PharmacyStatus.RESTRICTED && status != PharmacyStatus.SALES_SUSPENDED))) {
      problems.add(FieldProblem.of("pharmacyStatus", "sentinel.inspectionStatus"));
    }
    List<NewInspection.Buyer> given = request.buyers() == null ? List.of() : request.buyers();
    if (given.size() > MAX_BUYERS) {
      problems.add(FieldProblem.of("buyers", "sentinel.inspectionBuyers", MAX_BUYERS));
    } else if (!given.isEmpty() && outcome == InspectionOutcome.COMPLIANT) {
      problems.add(FieldProblem.of("buyers", "sentinel.compliantBuyers"));
    }
    JurisdictionScope city = pharmacies.rootScopeOf(pharmacy.path());
    List<Found> found = given.size() > MAX_BUYERS ? List.of() : buyers(given, pharmacy, city, today, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new Checked(pharmacy, pharmacy.pharmacy().creditCode(), findings, outcome, status, found, city);
  }

  /** Inserts the inspection; its id, or {@code null} when one with the same key came first. */
  private UUID insert(Checked checked, LocalDate on, String key, String reference) {
    UUID id = UUID.randomUUID();
    boolean added = jdbc.sql("""
        insert into sentinel_inspection (id, pharmacy_code, pharmacy_path, inspected_on, inspector, findings, outcome,
          pharmacy_status, payload_key, reference, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (pharmacy_code, payload_key) do nothing
        """).params(id, checked.code(), checked.pharmacy().path(), on, currentUser.get().username(),
            checked.findings(), checked.outcome().name(), checked.status() == null ? null : checked.status().name(),
            key, reference, OffsetDateTime.now(clock)).update() == 1;
    return added ? id : null;
  }

  /** A new inspection's audit, buyers and the status it puts the pharmacy in. */
  private void store(UUID id, Checked checked, LocalDate on) {
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), "inspection of " + checked.code() + " on "
        + on + ": " + checked.outcome() + ", " + checked.found().size() + " unregistered buyers");
    addBuyers(id, checked, on, resolved(checked), 0);
    if (checked.status() != null && checked.status() != checked.pharmacy().pharmacy().status()) {
      pharmacies.setStatus(checked.code(), checked.status());
    }
  }

  /** A buyer found or registered in the registry: the person and the path of their home division. */
  private record Resolved(Found buyer, String personId, String path) {}

  private List<Resolved> resolved(Checked checked) {
    List<Resolved> resolved = new ArrayList<>();
    for (Found buyer : checked.found()) {
      PersonMatching.Resolution found = resolve(buyer, resolved.size(), checked.city());
      resolved.add(found.person() != null ? new Resolved(buyer, found.person().id(),
          jurisdictions.find(found.person().jurisdictionCode()).map(Jurisdiction::path).orElseThrow())
          : new Resolved(buyer, found.elsewhere().personId(), found.elsewhere().jurisdictionPath()));
    }
    return resolved;
  }

  /** The buyers stored on the inspection from list position {@code from} on, each with a verification item. */
  private void addBuyers(UUID id, Checked checked, LocalDate on, List<Resolved> buyers, int from) {
    Instant since = on.atStartOfDay(clock.getZone()).toInstant();
    String inspector = currentUser.get().username();
    int position = from;
    for (Resolved b : buyers) {
      jdbc.sql("""
          insert into sentinel_inspection_buyer (inspection_id, person_id, position, buyer_name, masked_id, phone,
            buyer_path) values (?, ?::uuid, ?, ?, ?, ?, ?) on conflict do nothing
          """).params(id, b.personId(), position++, b.buyer().name(), Masking.documentNumber(b.buyer().number()),
              b.buyer().phone(), b.path()).update();
      items.open(VerificationItems.Origin.inspection(id), UUID.fromString(b.personId()), b.path(), since,
          b.buyer().name(), b.buyer().phone(), checked.pharmacy().pharmacy().name(), inspector,
          "unregistered buyer found by inspection " + id);
    }
  }

  /** The pharmacy's inspections, newest first (at most 100); the read is audited. */
  @Transactional
  public List<Inspection> list(String pharmacyCode) {
    String code = pharmacies.row(pharmacyCode).pharmacy().creditCode();
    List<UUID> ids = jdbc.sql("""
        select id from sentinel_inspection where pharmacy_code = ? order by inspected_on desc, recorded_at desc
        limit 100""").param(code).query(UUID.class).list();
    audit.record(AuditAction.READ, SUBJECT, code, "inspections of the pharmacy");
    return rows.load(ids);
  }

  private List<Found> buyers(List<NewInspection.Buyer> given, PharmacyStore.Row pharmacy, JurisdictionScope city,
      LocalDate today, List<FieldProblem> problems) {
    List<Found> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String prefix = "buyers[" + i + "].";
      NewInspection.Buyer buyer = given.get(i);
      if (buyer == null) {
        problems.add(FieldProblem.of(prefix + "idNumber", "idNumber.missing"));
        continue;
      }
      IdType type = buyer.idType() == null ? IdType.RESIDENT_ID : buyer.idType();
      DocumentCheck.Valid document = DocumentCheck.check(type, buyer.idNumber(), today, prefix + "idNumber",
          problems);
      if (document != null && !seen.add(type + ":" + document.number())) {
        problems.add(FieldProblem.of(prefix + "idNumber", "sentinel.buyerTwice"));
      }
      String name = buyer.name() == null ? "" : buyer.name().strip();
      if (name.isEmpty() || name.length() > 50) {
        problems.add(FieldProblem.of(prefix + "name", "sentinel.buyerName"));
      }
      String phone = PhoneNumbers.normalize(buyer.phone());
      if (phone == null) {
        problems.add(FieldProblem.of(prefix + "phone", "sentinel.phone"));
      }
      String home = buyer.jurisdictionCode() == null || buyer.jurisdictionCode().isBlank()
          ? pharmacy.pharmacy().jurisdictionCode() : buyer.jurisdictionCode().strip();
      Optional<Jurisdiction> division = jurisdictions.find(home);
      if (division.isEmpty()) {
        problems.add(FieldProblem.of(prefix + "jurisdictionCode", "jurisdiction.unknown"));
      } else if (!city.contains(division.get().path())) {
        problems.add(FieldProblem.of(prefix + "jurisdictionCode", "person.outsideScope"));
      }
      found.add(new Found(type, document == null ? null : document.number(), name, phone, home));
    }
    return found;
  }

  /**
   * The buyer at {@code index} found or registered in the registry; a refusal of the registry's own rules names the
   * buyer's row ({@code buyers[index].field}), never a field of the inspection.
   */
  private PersonMatching.Resolution resolve(Found buyer, int index, JurisdictionScope city) {
    try {
      return persons.resolve(new NewPerson(buyer.name(), buyer.idType(), buyer.number(), null, null, buyer.phone(),
          null, buyer.homeCode()), city);
    } catch (ValidationFailure refused) {
      throw new ValidationFailure(refused.problems().stream().map(p -> new FieldProblem(
          "buyers[" + index + "]." + p.field(), p.code(), p.args())).toList());
    }
  }

  /** What makes two posts the same inspection: the pharmacy, day, findings, outcome, status and the buyers. */
  private static String payloadKey(String code, LocalDate on, String findings, InspectionOutcome outcome,
      PharmacyStatus status, List<Found> buyers) {
    Map<String, String> sorted = new TreeMap<>();
    buyers.forEach(b -> sorted.put(b.idType() + ":" + b.number(), b.name() + "|" + b.phone() + "|" + b.homeCode()));
    StringBuilder text = new StringBuilder(String.join("\n", code, on.toString(), findings, outcome.name(),
        String.valueOf(status)));
    sorted.forEach((k, v) -> text.append('\n').append(k).append('|').append(v));
    return hash(text.toString());
  }

  private static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
