package org.epicommand.tracing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.cases.CaseNode;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sequencing of cases (溯源) inside the caller's jurisdiction (a case outside it: 404): stored or corrected with
 * {@link #put} (400 naming the fields — a lineage longer than 40 characters among them; every change audited), read
 * per case and for the cases of a chain (the chain page).
 */
@Service
public class CaseSequences {

  static final String SUBJECT = "CASE_SEQUENCE";
  static final int LINEAGE_MAX = 40;

  private final JdbcClient jdbc;
  private final CaseRegistry cases;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  CaseSequences(JdbcClient jdbc, CaseRegistry cases, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Stores or corrects the case's sequencing: 400 naming the fields, 404 for a case outside the jurisdiction. */
  @Transactional
  public CaseSequence put(UUID caseId, NewCaseSequence request) {
    List<FieldProblem> problems = new ArrayList<>();
    String lineage = text(request.lineage());
    if (lineage == null || lineage.length() > LINEAGE_MAX) {
      problems.add(FieldProblem.of("lineage", "tracing.sequence.lineage", LINEAGE_MAX));
    }
    String clade = text(request.clade());
    if (clade != null && clade.length() > 40) {
      problems.add(FieldProblem.of("clade", "tracing.sequence.clade"));
    }
    String lab = text(request.lab());
    if (lab != null && lab.length() > 100) {
      problems.add(FieldProblem.of("lab", "tracing.sequence.lab"));
    }
    if (request.reportedAt() != null && request.reportedAt().isAfter(LocalDate.now(clock))) {
      problems.add(FieldProblem.of("reportedAt", "tracing.sequence.reportedAt"));
    }
    String cluster = text(request.relatedCluster());
    if (cluster != null && cluster.length() > 100) {
      problems.add(FieldProblem.of("relatedCluster", "tracing.sequence.cluster"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    CaseNode node = cases.node(caseId).orElseThrow(() -> new RecordNotFound("CASE"));
    boolean created = jdbc.sql("""
        insert into case_sequence (case_id, lineage, clade, lab, reported_at, related_cluster, updated_at, updated_by)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (case_id) do update set lineage = excluded.lineage, clade = excluded.clade, lab = excluded.lab,
          reported_at = excluded.reported_at, related_cluster = excluded.related_cluster,
          updated_at = excluded.updated_at, updated_by = excluded.updated_by
        returning (xmax = 0)
        """).params(caseId, lineage, clade, lab, request.reportedAt(), cluster, OffsetDateTime.now(clock),
            currentUser.get().username()).query(Boolean.class).single();
    audit.record(created ? AuditAction.CREATE : AuditAction.UPDATE, SUBJECT, caseId.toString(),
        "lineage " + lineage + (clade == null ? "" : " clade " + clade));
    return of(List.of(node)).get(0);
  }

  /** The case's sequencing (404 for a case outside the jurisdiction or not sequenced yet). */
  public CaseSequence get(UUID caseId) {
    CaseNode node = cases.node(caseId).orElseThrow(() -> new RecordNotFound("CASE"));
    return of(List.of(node)).stream().findFirst().orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** The sequencing of those of these cases that lie in the jurisdiction and have one, by lineage and case. */
  public List<CaseSequence> of(Collection<UUID> caseIds) {
    return of(cases.nodes(caseIds));
  }

  private List<CaseSequence> of(List<CaseNode> nodes) {
    if (nodes.isEmpty()) {
      return List.of();
    }
    Map<String, CaseNode> byId = nodes.stream().collect(Collectors.toMap(CaseNode::caseId, Function.identity(),
        (a, b) -> a));
    UUID[] ids = byId.keySet().stream().map(UUID::fromString).toArray(UUID[]::new);
    return jdbc.sql("select case_id, lineage, clade, lab, reported_at, related_cluster from case_sequence"
        + " where case_id = any(:ids) order by lineage, case_id").param("ids", ids)
        .query((rs, n) -> row(rs, byId)).list();
  }

  private static CaseSequence row(ResultSet rs, Map<String, CaseNode> byId) throws SQLException {
    String id = rs.getString(1);
    return new CaseSequence(id, byId.get(id).label(), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, LocalDate.class), rs.getString(6));
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
