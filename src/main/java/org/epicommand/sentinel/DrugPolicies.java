package org.epicommand.sentinel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drug catalogue and the dated sales policies per drug class (rule data, like quarantine rule
 * sets): a policy holds from its day on inside its jurisdiction's subtree; for a sale the newest policy
 * in force wins, then the narrowest jurisdiction; without one a class is sold normally ({@link SalesMode#ALLOWED}).
 * Policies are added, never edited (a later one supersedes); each is audited.
 */
@Service
public class DrugPolicies {

  static final String SUBJECT = "SENTINEL_DRUG_POLICY";
  static final String PRODUCT_SUBJECT = "SENTINEL_DRUG";
  /**
   * A medicine's approval number (国药准字, a letter — H chemical, Z Chinese medicine, S biological, … — and eight
   * digits), or a medical device's registration (国械注准/进/许 and eleven digits) or filing (粤械备… and the digits):
   * fever patches are devices.
   */
  private static final java.util.regex.Pattern APPROVAL_NUMBER = java.util.regex.Pattern.compile(
      "国药准字[A-Z]\\d{8}|国械注[准进许]\\d{11}|\\p{IsHan}{1,2}械备\\d{8,11}");

  /** The policy a sale falls under (null when none: ALLOWED). */
  public record InForce(SalesMode mode, DrugPolicy policy) {}

  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  DrugPolicies(JdbcClient jdbc, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  public List<DrugProduct> catalogue() {
    return jdbc.sql("select approval_number, product, drug_class from sentinel_drug order by drug_class, product")
        .query((rs, n) -> new DrugProduct(rs.getString(1), rs.getString(2), DrugClass.valueOf(rs.getString(3)))).list();
  }

  public Optional<DrugProduct> product(String approvalNumber) {
    return approvalNumber == null ? Optional.empty() : catalogue().stream()
        .filter(p -> p.approvalNumber().equals(approvalNumber.strip())).findFirst();
  }

  /**
   * Adds a product to the catalogue (market regulation): its approval or registration number (see
   * {@link #APPROVAL_NUMBER}), name and class; 400 naming the fields, 409 ({@code existingId}: the number) when
   * it is there already.
   */
  @Transactional
  public DrugProduct addProduct(DrugProduct request) {
    List<FieldProblem> problems = new ArrayList<>();
    String number = request == null || request.approvalNumber() == null ? null
        : request.approvalNumber().strip().replace(" ", "");
    if (number == null || !APPROVAL_NUMBER.matcher(number).matches()) {
      problems.add(FieldProblem.of("approvalNumber", "sentinel.approvalNumberFormat"));
    }
    String name = request == null || request.product() == null ? null : request.product().strip();
    if (name == null || name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("product", "sentinel.productName"));
    }
    if (request == null || request.drugClass() == null) {
      problems.add(FieldProblem.of("drugClass", "sentinel.drugClass"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    int inserted = jdbc.sql("insert into sentinel_drug (approval_number, product, drug_class) values (?, ?, ?)"
        + " on conflict do nothing").params(number, name, request.drugClass().name()).update();
    if (inserted == 0) {
      throw Conflict.duplicate("sentinel.productDuplicate", number);
    }
    audit.record(AuditAction.CREATE, PRODUCT_SUBJECT, number, "product " + request.drugClass());
    return new DrugProduct(number, name, request.drugClass());
  }

  @Transactional
  public DrugPolicy add(NewDrugPolicy request) {
    List<FieldProblem> problems = new ArrayList<>();
    Jurisdiction division = request.jurisdictionCode() == null ? null
        : jurisdictions.find(request.jurisdictionCode().strip()).orElse(null);
    if (division == null || !currentUser.get().scope().contains(division.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    if (request.effectiveFrom() == null) {
      problems.add(FieldProblem.of("effectiveFrom", "sentinel.effectiveFrom"));
    }
    if (request.drugClass() == null) {
      problems.add(FieldProblem.of("drugClass", "sentinel.drugClass"));
    }
    if (request.mode() == null) {
      problems.add(FieldProblem.of("mode", "sentinel.mode"));
    }
    String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
    if (note != null && note.length() > 500) {
      problems.add(FieldProblem.of("note", "sentinel.note"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    int inserted = jdbc.sql("""
        insert into sentinel_drug_policy (id, jurisdiction_code, jurisdiction_path, effective_from, drug_class, mode,
          note, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
        """).params(id, division.code(), division.path(), request.effectiveFrom(), request.drugClass().name(),
            request.mode().name(), note, OffsetDateTime.now(clock), currentUser.get().username()).update();
    if (inserted == 0) {
      String existing = jdbc.sql("select id::text from sentinel_drug_policy where jurisdiction_code = ?"
          + " and effective_from = ? and drug_class = ?").params(division.code(), request.effectiveFrom(),
          request.drugClass().name()).query(String.class).single();
      throw Conflict.duplicate("sentinel.policyDuplicate", existing);
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(),
        request.drugClass() + " " + request.mode() + " from " + request.effectiveFrom() + " in " + division.code());
    return new DrugPolicy(id.toString(), division.code(), request.effectiveFrom(), request.drugClass(), request.mode(),
        note);
  }

  /** The policies of the caller's jurisdiction, its ancestors' (which hold there too) and its subtree's, newest first.
   * */
  public List<DrugPolicy> list() {
    JurisdictionScope scope = currentUser.get().scope();
    return scope.bind(jdbc.sql("select id::text, jurisdiction_code, effective_from, drug_class, mode, note"
        + " from sentinel_drug_policy where " + scope.predicate("jurisdiction_path")
        + " or :own like jurisdiction_path || '%' order by effective_from desc, jurisdiction_path, drug_class limit 500"))
        .param("own", scope.path()).query((rs, n) -> new DrugPolicy(rs.getString(1), rs.getString(2),
            rs.getObject(3, LocalDate.class), DrugClass.valueOf(rs.getString(4)), SalesMode.valueOf(rs.getString(5)),
            rs.getString(6))).list();
  }

  /** The policy for the class at a place (its path) on a day: the newest in force, then the narrowest. */
  public InForce inForce(DrugClass drugClass, String path, LocalDate day) {
    return jdbc.sql("""
        select id::text, jurisdiction_code, effective_from, drug_class, mode, note from sentinel_drug_policy
        where drug_class = ? and effective_from <= ? and ? like jurisdiction_path || '%'
        order by effective_from desc, length(jurisdiction_path) desc limit 1
        """).params(drugClass.name(), day, path).query((rs, n) -> {
          DrugPolicy p = new DrugPolicy(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
              DrugClass.valueOf(rs.getString(4)), SalesMode.valueOf(rs.getString(5)), rs.getString(6));
          return new InForce(p.mode(), p);
        }).optional().orElse(new InForce(SalesMode.ALLOWED, null));
  }
}
