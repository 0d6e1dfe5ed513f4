package org.epicommand.sentinel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drug catalogue, kept by market regulation: a product by its approval number (the class of a sale follows from
 * it) is added, its name and class corrected, retired with a reason when no longer sold (its registrations keep it;
 * a retired product cannot be sold) and restored; import kind {@code drug-catalogue} adds and corrects many at once.
 * Every change is audited.
 */
@Service
public class DrugCatalogue {

  static final String SUBJECT = "SENTINEL_DRUG";
  /**
   * A medicine's approval number (国药准字, a letter — H chemical, Z Chinese medicine, S biological, … — and eight
   * digits), or a medical device's registration (国械注准/进/许 and eleven digits) or filing (粤械备… and the digits):
   * fever patches are devices.
   */
  private static final Pattern APPROVAL_NUMBER = Pattern.compile(
      "国药准字[A-Z]\\d{8}|国械注[准进许]\\d{11}|\\p{IsHan}{1,2}械备\\d{8,11}");

  /** What an import's row did to the catalogue; {@code before} the product as it was when corrected. */
  public enum Outcome { ADDED, CORRECTED, UNCHANGED }

  /** An import's row stored: what it did, and the product before a correction. */
  public record Imported(Outcome outcome, DrugProduct before) {}

  private static final String SELECT = "select approval_number, product, drug_class, retired_at is not null"
      + " from sentinel_drug";

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  DrugCatalogue(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The products on sale by class and name, then (with {@code retired}) the retired ones. */
  public List<DrugProduct> list(boolean retired) {
    return jdbc.sql(SELECT + (retired ? "" : " where retired_at is null")
        + " order by retired_at is not null, drug_class, product").query(DrugCatalogue::row).list();
  }

  /** A product on sale (not retired) by its approval number. */
  public Optional<DrugProduct> onSale(String approvalNumber) {
    return find(approvalNumber).filter(p -> !p.retired());
  }

  /** A product on sale by its approval number or its name (an import's cell). */
  public Optional<DrugProduct> onSaleByNumberOrName(String text) {
    return text == null ? Optional.empty() : jdbc.sql(SELECT + " where retired_at is null"
        + " and (approval_number = :text or product = :text) order by approval_number = :text desc limit 1")
        .param("text", text.strip()).query(DrugCatalogue::row).optional();
  }

  /**
   * Adds a product: its approval or registration number (see {@link #APPROVAL_NUMBER}), name and class; 400 naming
   * the fields, 409 ({@code existingId}: the number) when it is there already, retired or not.
   */
  @Transactional
  public DrugProduct add(DrugProduct request) {
    DrugProduct product = checked(request);
    int inserted = jdbc.sql("insert into sentinel_drug (approval_number, product, drug_class) values (?, ?, ?)"
        + " on conflict do nothing").params(product.approvalNumber(), product.product(), product.drugClass().name())
        .update();
    if (inserted == 0) {
      throw Conflict.duplicate("sentinel.productDuplicate", product.approvalNumber());
    }
    audit.record(AuditAction.CREATE, SUBJECT, product.approvalNumber(), "product " + product.drugClass());
    return product;
  }

  /**
   * Corrects a product's name and class (the number is its identity: a wrong number is retired and added anew);
   * 400 naming the fields, 404 for an unknown number; the same name and class change nothing.
   */
  @Transactional
  public DrugProduct correct(String approvalNumber, DrugProduct change) {
    DrugProduct before = existing(approvalNumber);
    DrugProduct after = checked(new DrugProduct(before.approvalNumber(), change == null ? null : change.product(),
        change == null ? null : change.drugClass()));
    if (!after.product().equals(before.product()) || after.drugClass() != before.drugClass()) {
      write(before, after);
    }
    return existing(approvalNumber);
  }

  /** Takes a product off the catalogue with a reason (400 {@code reason}); 404 unknown, 409 when retired already. */
  @Transactional
  public DrugProduct retire(String approvalNumber, String reason) {
    DrugProduct product = existing(approvalNumber);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      throw new ValidationFailure(FieldProblem.of("reason", "sentinel.retireReason"));
    }
    if (product.retired()) {
      throw Conflict.naming("sentinel.productRetired", "RETIRED");
    }
    jdbc.sql("update sentinel_drug set retired_at = ?, retired_by = ?, retire_reason = ? where approval_number = ?")
        .params(OffsetDateTime.now(clock), currentUser.get().username(), why, product.approvalNumber()).update();
    audit.record(AuditAction.UPDATE, SUBJECT, product.approvalNumber(), "product retired: " + why);
    return existing(approvalNumber);
  }

  /** Puts a retired product back on the catalogue; 404 unknown, 409 when it is on sale. */
  @Transactional
  public DrugProduct restore(String approvalNumber) {
    DrugProduct product = existing(approvalNumber);
    if (!product.retired()) {
      throw Conflict.naming("sentinel.productOnSale", "ON_SALE");
    }
    jdbc.sql("update sentinel_drug set retired_at = null, retired_by = null, retire_reason = null"
        + " where approval_number = ?").params(product.approvalNumber()).update();
    audit.record(AuditAction.UPDATE, SUBJECT, product.approvalNumber(), "product restored");
    return existing(approvalNumber);
  }

  /** What is wrong with a product as typed (an import's row, checked before {@link #imported}); empty when nothing. */
  public List<FieldProblem> problems(DrugProduct product) {
    try {
      checked(product);
      return List.of();
    } catch (ValidationFailure e) {
      return e.problems();
    }
  }

  /**
   * An import's row: a new product is added, one whose name or class differs is corrected, one as it is changes
   * nothing; a retired product stays retired. The row's problems as a {@link ValidationFailure} (see
   * {@link #problems}).
   */
  @Transactional
  public Imported imported(DrugProduct row) {
    DrugProduct product = checked(row);
    Optional<DrugProduct> before = find(product.approvalNumber());
    if (before.isEmpty()) {
      add(product);
      return new Imported(Outcome.ADDED, null);
    }
    if (before.get().product().equals(product.product()) && before.get().drugClass() == product.drugClass()) {
      return new Imported(Outcome.UNCHANGED, before.get());
    }
    write(before.get(), product);
    return new Imported(Outcome.CORRECTED, before.get());
  }

  private void write(DrugProduct before, DrugProduct after) {
    jdbc.sql("update sentinel_drug set product = ?, drug_class = ?, changed_at = ?, changed_by = ?"
        + " where approval_number = ?").params(after.product(), after.drugClass().name(), OffsetDateTime.now(clock),
            currentUser.get().username(), before.approvalNumber()).update();
    audit.record(AuditAction.UPDATE, SUBJECT, before.approvalNumber(), "product corrected: " + before.product() + " "
        + before.drugClass() + " -> " + after.product() + " " + after.drugClass());
  }

  private Optional<DrugProduct> find(String approvalNumber) {
    return approvalNumber == null ? Optional.empty() : jdbc.sql(SELECT + " where approval_number = ?")
        .params(approvalNumber.strip().replace(" ", "")).query(DrugCatalogue::row).optional();
  }

  private DrugProduct existing(String approvalNumber) {
    return find(approvalNumber).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** The product as it will be stored (number without spaces, name stripped), or 400 naming the fields. */
  private static DrugProduct checked(DrugProduct request) {
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
    return new DrugProduct(number, name, request.drugClass());
  }

  private static DrugProduct row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new DrugProduct(rs.getString(1), rs.getString(2), DrugClass.valueOf(rs.getString(3)), rs.getBoolean(4));
  }
}
