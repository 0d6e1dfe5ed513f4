package org.epicommand.cases.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.epicommand.cases.CaseHistoryEntry;
import org.epicommand.cases.CaseNode;
import org.epicommand.cases.CaseOutcome;
import org.epicommand.cases.CaseReport;
import org.epicommand.cases.CaseTest;
import org.epicommand.cases.Classification;
import org.epicommand.cases.DiscoveryRoute;
import org.epicommand.cases.Severity;
import org.epicommand.cases.TestResult;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case tables. Every read that returns a case takes a scope and filters on
 * {@code jurisdiction_path} with it.
 */
@Repository
public class CaseStore {

  /** Online direct report within 2 hours of diagnosis (docs/domain.md §4, protocol). */
  public static final Duration REPORT_DEADLINE = Duration.ofHours(2);

  static final String COLUMNS = "c.id, c.person_id, c.person_name, c.id_number, c.household_id, c.age,"
      + " c.jurisdiction_code, c.jurisdiction_path, c.classification, c.severity, c.imported, c.discovery_route,"
      + " c.onset_date, c.sampling_date, c.diagnosed_at, c.reported_at, c.direct_reported_at, c.outcome, c.hospital,"
      + " c.outcome_at, c.home_monitoring_until, c.re_positive_count, c.excluded_at";

  /** A stored case with the columns the registry needs beyond the API view. */
  public record Stored(CaseReport report, String jurisdictionPath, OffsetDateTime excludedAt) {}

  /** A list query: scope, optional classification and report-day range, optionally only overdue direct reports. */
  public record CaseQuery(JurisdictionScope scope, Classification classification, LocalDate reportedOn,
      Instant reportedFrom, Instant reportedTo, boolean overdueOnly, Instant now) {

    String sql(String columns) {
      StringBuilder sql = new StringBuilder("select " + columns + " from case_report c where "
          + inlinedScope(scope, "c.jurisdiction_path"));
      if (classification != null) {
        sql.append(" and c.classification = :classification");
      }
      if (reportedFrom != null) {
        // the day a case counts as reported (a line list of another system: its own report day);
        // cases filed before that day was kept count on the day they were entered
        sql.append(" and (c.counted_on = :day or (c.counted_on is null and c.reported_at >= :from"
            + " and c.reported_at < :to))");
      }
      if (overdueOnly) {
        return sql.append(" and c.direct_reported_at is null and c.diagnosed_at < :dueBefore"
            + " order by c.diagnosed_at, c.id").toString();
      }
      return sql.append(" order by c.reported_at desc, c.id").toString();
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
      if (classification != null) {
        statement = statement.param("classification", classification.name());
      }
      if (reportedFrom != null) {
        statement = statement.param("from", Timestamp.from(reportedFrom)).param("to", Timestamp.from(reportedTo))
            .param("day", reportedOn);
      }
      if (overdueOnly) {
        statement = statement.param("dueBefore", Timestamp.from(now.minus(REPORT_DEADLINE)));
      }
      return statement;
    }
  }

  /**
   * The scope predicate of {@link JurisdictionScope#predicate} with the path written into the SQL
   * instead of bound. A bound prefix is unknown to the generic plan of a server-prepared statement,
   * which then cannot tell a district (walk the report-time index) from a community (read by path)
   * and counts by sequential scan; a literal gives the planner the subtree's real size. Safe to
   * inline: a scope path is validated to {@code (/[0-9A-Za-z]+)+/} (checked again here).
   */
  static String inlinedScope(JurisdictionScope scope, String column) {
    String path = scope.path();
    if (!path.matches("[0-9A-Za-z/]+")) {
      throw new IllegalArgumentException(path);
    }
    return column + " like '" + path + "%'";
  }

  private final JdbcClient jdbc;
  private final java.time.ZoneId zone;

  CaseStore(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  public Optional<Stored> find(UUID id, JurisdictionScope scope, Instant now) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from case_report c where c.id = :id and "
            + scope.predicate("c.jurisdiction_path")))
        .param("id", id).query((rs, n) -> stored(rs, now)).optional();
  }

  /** Locks the case row for a change (read inside the caller's scope). */
  public Optional<Stored> lock(UUID id, JurisdictionScope scope, Instant now) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from case_report c where c.id = :id and "
            + scope.predicate("c.jurisdiction_path") + " for update"))
        .param("id", id).query((rs, n) -> stored(rs, now)).optional();
  }

  /** The case of a person, whatever the caller's scope (for the one-case-per-person check only). */
  public Optional<Stored> findByPerson(UUID personId, Instant now) {
    return jdbc.sql("select " + COLUMNS + " from case_report c where c.person_id = :person")
        .param("person", personId).query((rs, n) -> stored(rs, now)).optional();
  }

  /** The case of a person inside a scope. */
  public Optional<Stored> findByPerson(UUID personId, JurisdictionScope scope, Instant now) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from case_report c where c.person_id = :person and "
            + scope.predicate("c.jurisdiction_path")))
        .param("person", personId).query((rs, n) -> stored(rs, now)).optional();
  }

  /** Cases whose person's name starts with {@code prefix} inside a scope (the case picker), newest first. */
  public List<Stored> byName(String prefix, JurisdictionScope scope, int limit, Instant now) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from case_report c where c.person_name like :prefix and "
            + scope.predicate("c.jurisdiction_path") + " order by c.reported_at desc, c.id limit :limit"))
        .param("prefix", org.epicommand.shared.LikePattern.prefix(prefix)).param("limit", limit)
        .query((rs, n) -> stored(rs, now)).list();
  }

  public List<CaseNode> nodes(Collection<UUID> ids, JurisdictionScope scope) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return scope.bind(jdbc.sql("select " + COLUMNS + " from case_report c where c.id in (:ids) and "
            + scope.predicate("c.jurisdiction_path")))
        .param("ids", ids).query((rs, n) -> node(rs, zone)).list();
  }

  /** Files a case; {@code countedOn} is the day it counts as reported (docs/domain.md §16, counting rules). */
  public void insert(CaseReport c, String jurisdictionPath, String username, LocalDate countedOn) {
    jdbc.sql("""
        insert into case_report (id, person_id, person_name, id_number, household_id, age, jurisdiction_code,
          jurisdiction_path, classification, severity, imported, discovery_route, onset_date, sampling_date,
          diagnosed_at, reported_at, created_by, counted_on)
        values (:id, :person, :name, :idNumber, :household, :age, :code, :path, :classification, :severity,
          :imported, :route, :onset, :sampling, :diagnosed, :reported, :username, :countedOn)
        """).param("countedOn", countedOn)
        .param("id", UUID.fromString(c.id())).param("person", UUID.fromString(c.personId()))
        .param("name", c.personName()).param("idNumber", c.idNumber())
        .param("household", c.householdId() == null ? null : UUID.fromString(c.householdId()))
        .param("age", c.age()).param("code", c.jurisdictionCode()).param("path", jurisdictionPath)
        .param("classification", c.classification().name())
        .param("severity", c.severity() == null ? null : c.severity().name()).param("imported", c.imported())
        .param("route", c.discoveryRoute() == null ? null : c.discoveryRoute().name())
        .param("onset", c.onsetDate()).param("sampling", c.samplingDate()).param("diagnosed",
            timestamp(c.diagnosedAt()))
        .param("reported", timestamp(c.reportedAt())).param("username", username).update();
  }

  public void updateClassification(UUID id, Classification to, Instant excludedAt) {
    jdbc.sql("update case_report set classification = :c, excluded_at = :excluded where id = :id")
        .param("c", to.name()).param("excluded", excludedAt == null ? null : Timestamp.from(excludedAt))
        .param("id", id).update();
  }

  public void updateSeverity(UUID id, Severity severity) {
    jdbc.sql("update case_report set severity = :s where id = :id")
        .param("s", severity == null ? null : severity.name()).param("id", id).update();
  }

  public void updateOutcome(UUID id, CaseOutcome outcome, String hospital, Instant at, LocalDate monitoringUntil,
      boolean rePositive) {
    jdbc.sql("""
        update case_report set outcome = :outcome, hospital = :hospital, outcome_at = :at,
          home_monitoring_until = :until, re_positive_count = re_positive_count + :plus
        where id = :id
        """)
        .param("outcome", outcome == null ? null : outcome.name()).param("hospital", hospital)
        .param("at", Timestamp.from(at)).param("until", monitoringUntil).param("plus", rePositive ? 1 : 0)
        .param("id", id).update();
  }

  public void markDirectReported(UUID id, Instant at) {
    // only the first direct report counts
    jdbc.sql("update case_report set direct_reported_at = :at where id = :id and direct_reported_at is null")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  public void event(UUID caseId, Instant at, String kind, String from, String to, String reason, String username,
      boolean conversion) {
    jdbc.sql("""
        insert into case_event (case_id, at, kind, from_value, to_value, reason, username, conversion)
        values (:case, :at, :kind, :from, :to, :reason, :username, :conversion)
        """)
        .param("case", caseId).param("at", Timestamp.from(at)).param("kind", kind).param("from", from)
        .param("to", to).param("reason", reason).param("username", username).param("conversion", conversion)
        .update();
  }

  public List<CaseHistoryEntry> history(UUID caseId) {
    return jdbc.sql("select * from case_event where case_id = :case order by at, id").param("case", caseId)
        .query((rs, n) -> new CaseHistoryEntry(offset(rs.getTimestamp("at")), rs.getString("kind"),
            rs.getString("from_value"), rs.getString("to_value"), rs.getString("reason"), rs.getString("username"),
            rs.getBoolean("conversion"))).list();
  }

  public void insertTest(UUID caseId, CaseTest test, String username, Instant now) {
    jdbc.sql("""
        insert into case_test (id, case_id, sampled_at, result, ct_orf1ab, ct_n, recorded_by, recorded_at)
        values (:id, :case, :sampled, :result, :orf, :n, :username, :now)
        """)
        .param("id", UUID.fromString(test.id())).param("case", caseId).param("sampled", timestamp(test.sampledAt()))
        .param("result", test.result().name()).param("orf", test.ctOrf1ab()).param("n", test.ctN())
        .param("username", username).param("now", Timestamp.from(now)).update();
  }

  /** Whether a positive result (Ct below 35 unless both values say otherwise) was recorded after {@code after}. */
  public boolean positiveRecordedAfter(UUID caseId, OffsetDateTime after) {
    return jdbc.sql("""
        select exists (select 1 from case_test where case_id = :case and result = 'POSITIVE'
          and not coalesce(ct_orf1ab >= 35 and ct_n >= 35, false) and recorded_at > :after)
        """).param("case", caseId).param("after", Timestamp.from(after == null ? Instant.EPOCH : after.toInstant()))
        .query(Boolean.class).single();
  }

  public List<CaseTest> tests(UUID caseId) {
    return jdbc.sql("select * from case_test where case_id = :case order by sampled_at, recorded_at")
        .param("case", caseId).query((rs, n) -> {
          TestResult result = TestResult.valueOf(rs.getString("result"));
          BigDecimal orf = rs.getBigDecimal("ct_orf1ab");
          BigDecimal ctN = rs.getBigDecimal("ct_n");
          return new CaseTest(rs.getObject("id", UUID.class).toString(), offset(rs.getTimestamp("sampled_at")), result,
              orf, ctN, DischargeRule.qualifies(result, orf, ctN));
        }).list();
  }

  public List<Stored> search(CaseQuery query, long offset, int limit) {
    return query.bind(jdbc.sql(query.sql(COLUMNS) + " offset :offset limit :limit"))
        .param("offset", offset).param("limit", limit).query((rs, n) -> stored(rs, query.now())).list();
  }

  /** The number of matches, or {@code cap + 1} when there are more than {@code cap}. */
  public long count(CaseQuery query, int cap) {
    return query.bind(jdbc.sql("select count(*) from (" + query.sql("1") + " limit :cap) matches"))
        .param("cap", cap + 1).query(Long.class).single();
  }

  public void stream(CaseQuery query, int max, Consumer<CaseReport> consumer) {
    query.bind(jdbc.sql(query.sql(COLUMNS) + " limit :max")).param("max", max)
        .query(rs -> {
          consumer.accept(stored(rs, query.now()).report());
        });
  }

  private static Stored stored(ResultSet rs, Instant now) throws SQLException {
    OffsetDateTime diagnosed = offset(rs.getTimestamp("diagnosed_at"));
    OffsetDateTime direct = offset(rs.getTimestamp("direct_reported_at"));
    OffsetDateTime due = diagnosed == null ? null : diagnosed.plus(REPORT_DEADLINE);
    // overdue = still waiting for the direct report past its deadline; a late report shows in the history
    boolean overdue = due != null && direct == null && now.isAfter(due.toInstant());
    UUID household = rs.getObject("household_id", UUID.class);
    String outcome = rs.getString("outcome");
    String severity = rs.getString("severity");
    String route = rs.getString("discovery_route");
    CaseReport report = new CaseReport(rs.getObject("id", UUID.class).toString(),
        rs.getObject("person_id", UUID.class).toString(), rs.getString("person_name"), rs.getString("id_number"),
        (Integer) rs.getObject("age"), rs.getString("jurisdiction_code"),
        Classification.valueOf(rs.getString("classification")), severity == null ? null : Severity.valueOf(severity),
        rs.getBoolean("imported"), route == null ? null : DiscoveryRoute.valueOf(route),
        rs.getObject("onset_date", LocalDate.class), rs.getObject("sampling_date", LocalDate.class), diagnosed,
        offset(rs.getTimestamp("reported_at")), due, direct, overdue,
        outcome == null ? null : CaseOutcome.valueOf(outcome), rs.getString("hospital"),
        offset(rs.getTimestamp("outcome_at")), rs.getObject("home_monitoring_until", LocalDate.class),
        rs.getInt("re_positive_count"), household == null ? null : household.toString());
    return new Stored(report, rs.getString("jurisdiction_path"), offset(rs.getTimestamp("excluded_at")));
  }

  /** Its report date: the day of diagnosis, or of the report when the diagnosis time is unknown (city zone). */
  private static CaseNode node(ResultSet rs, java.time.ZoneId zone) throws SQLException {
    UUID household = rs.getObject("household_id", UUID.class);
    Timestamp diagnosed = rs.getTimestamp("diagnosed_at");
    LocalDate reportDate = (diagnosed != null ? diagnosed : rs.getTimestamp("reported_at")).toInstant().atZone(zone)
        .toLocalDate();
    return new CaseNode(rs.getObject("id", UUID.class).toString(), rs.getObject("person_id", UUID.class).toString(),
        rs.getString("person_name"), Classification.valueOf(rs.getString("classification")),
        rs.getObject("onset_date", LocalDate.class), reportDate, rs.getString("jurisdiction_code"),
        rs.getString("jurisdiction_path"), household == null ? null : household.toString());
  }

  static OffsetDateTime offset(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
  }

  private static Timestamp timestamp(OffsetDateTime at) {
    return at == null ? null : Timestamp.from(at.toInstant());
  }
}
