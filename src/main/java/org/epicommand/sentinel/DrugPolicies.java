package org.epicommand.sentinel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
 * The dated sales policies per drug class (rule data, like quarantine rule sets; the products and their classes are
 * {@link DrugCatalogue}'s): a policy holds from its day on inside its jurisdiction's subtree; for a sale the newest
 * policy in force wins, then the narrowest jurisdiction; without one a class is sold normally
 * ({@link SalesMode#ALLOWED}). Policies are added, never edited (a later one supersedes); each is audited.
 */
@Service
public class DrugPolicies {

  static final String SUBJECT = "SENTINEL_DRUG_POLICY";
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
