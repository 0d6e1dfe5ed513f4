package org.epicommand.labtest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PersonReference;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tubes and retest lists as users see them, inside their jurisdiction. A tube none of whose members
 * lies in the caller's jurisdiction does not exist for them — except for lab operators (holders of
 * {@code LAB_RESULT_WRITE}), who handle tubes physically and see every tube, with the members still
 * limited to their own jurisdiction.
 */
@Service
public class Tubes {

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final PersonLookup persons;
  private final org.epicommand.audit.AuditTrail audit;

  Tubes(JdbcClient jdbc, CurrentUser currentUser, Jurisdictions jurisdictions, PersonLookup persons,
      org.epicommand.audit.AuditTrail audit) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.persons = persons;
    this.audit = audit;
  }

  public TubeView tube(String barcode) {
    UserContext user = currentUser.get();
    record Row(long id, TubeKind kind, TubeState state, String result) {}
    Row tube = jdbc.sql("select id, kind, state, result from labtest_tube where barcode = ?").param(barcode)
        .query((rs, n) -> new Row(rs.getLong(1), TubeKind.valueOf(rs.getString(2)), TubeState.valueOf(rs.getString(3)),
            rs.getString(4))).optional().orElseThrow(() -> new RecordNotFound("tube"));
    JurisdictionScope scope = user.scope();
    List<TubeView.Member> members = scope.bind(jdbc.sql("""
        select person_id, retest_state from labtest_tube_member
        where tube_id = :tube and %s order by person_id
        """.formatted(scope.predicate("jurisdiction_path"))).param("tube", tube.id()))
        .query((rs, n) -> new TubeView.Member(rs.getObject(1, UUID.class), RetestState.valueOf(rs.getString(2))))
        .list();
    if (members.isEmpty() && !user.has(Permission.LAB_RESULT_WRITE)) {
      throw new RecordNotFound("tube");
    }
    return new TubeView(barcode, tube.kind(), tube.state(), tube.result(), members);
  }

  /** Persons awaiting a single-tube retest inside the caller's jurisdiction (or a part of it), oldest first. */
  public PageResult<RetestItem> retests(String jurisdictionCode, Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdictionCode);
    record Row(UUID personId, String path, String pool, java.time.LocalDate day, java.time.Instant since) {}
    List<Row> rows = scope.bind(jdbc.sql("""
        select r.person_id, r.jurisdiction_path, t.barcode, r.sampling_date, r.created_at
        from labtest_retest r join labtest_tube t on t.id = r.pool_tube_id
        where r.outcome is null and %s
        order by r.created_at, r.person_id, r.pool_tube_id
        offset :offset limit :limit
        """.formatted(scope.predicate("r.jurisdiction_path"))).param("offset", paging.offset())
        .param("limit", paging.fetchSize()))
        .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getObject(4, java.time.LocalDate.class), rs.getTimestamp(5).toInstant())).list();
    Map<UUID, PersonReference> who = persons.byIds(rows.stream().map(Row::personId).distinct().toList(), scope);
    List<RetestItem> items = rows.stream().map(r -> {
      PersonReference person = who.get(r.personId());
      return new RetestItem(r.personId(), person == null ? null : person.name(),
          person == null ? lastCode(r.path()) : person.jurisdictionCode(), r.pool(), r.day(), r.since());
    }).toList();
    return paging.toResult(items, null);
  }

  /** A tube a person was sampled into, as the person page shows it; {@code result} null until resulted. */
  public record PersonTube(String barcode, TubeKind kind, TubeState state, java.time.Instant collectedAt, String result,
      RetestState retestState) {}

  /** A single-tube retest of a person after a positive pool; {@code outcome} null while it is open. */
  public record PersonRetest(String poolBarcode, java.time.LocalDate samplingDate, java.time.Instant since,
      String outcome, java.time.Instant resolvedAt) {}

  public record OfPerson(List<PersonTube> tubes, List<PersonRetest> retests) {}

  /**
   * A person's tubes (newest first, at most 30) and retests, where the person lies in the caller's
   * jurisdiction; the read is audited.
   */
  @org.springframework.transaction.annotation.Transactional
  public OfPerson ofPerson(UUID personId) {
    JurisdictionScope scope = currentUser.get().scope();
    List<PersonTube> tubes = scope.bind(jdbc.sql("""
        select t.barcode, t.kind, t.state, t.collected_at, t.result, m.retest_state
        from labtest_tube_member m join labtest_tube t on t.id = m.tube_id
        where m.person_id = :person and %s order by t.collected_at desc limit 30
        """.formatted(scope.predicate("m.jurisdiction_path"))).param("person", personId))
        .query((rs, n) -> new PersonTube(rs.getString(1), TubeKind.valueOf(rs.getString(2)),
            TubeState.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5),
            RetestState.valueOf(rs.getString(6)))).list();
    List<PersonRetest> retests = scope.bind(jdbc.sql("""
        select t.barcode, r.sampling_date, r.created_at, r.outcome, r.resolved_at
        from labtest_retest r join labtest_tube t on t.id = r.pool_tube_id
        where r.person_id = :person and %s order by r.created_at desc limit 30
        """.formatted(scope.predicate("r.jurisdiction_path"))).param("person", personId))
        .query((rs, n) -> new PersonRetest(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
            rs.getTimestamp(3).toInstant(), rs.getString(4),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).list();
    audit.record(org.epicommand.audit.AuditAction.READ, "TUBE", personId.toString(),
        "person page: " + tubes.size() + " tubes, " + retests.size() + " retests");
    return new OfPerson(tubes, retests);
  }

  private static String lastCode(String path) {
    String[] parts = path.split("/");
    return parts[parts.length - 1];
  }

}
