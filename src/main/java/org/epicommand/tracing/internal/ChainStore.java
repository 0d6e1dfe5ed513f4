package org.epicommand.tracing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.epicommand.cases.CaseNode;
import org.epicommand.cases.Classification;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.tracing.ChainSummary;
import org.epicommand.tracing.TransmissionSetting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chain_member and transmission_link tables. */
@Repository
public class ChainStore {

  /** A chain member as stored. */
  public record Member(UUID caseId, UUID chainId, String label, Classification classification, LocalDate onsetDate,
      LocalDate reportDate, UUID householdId, String jurisdictionPath, String clusterName) {

    /** The date clusters count by: onset, or the report date where the onset is unknown. */
    public LocalDate clusterDate() {
      return onsetDate != null ? onsetDate : reportDate;
    }
  }

  private final JdbcClient jdbc;

  ChainStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Serialises every change of chains: merges and cycle checks must see a stable graph. */
  public void lockChains() {
    jdbc.sql("select pg_advisory_xact_lock(720201)").query(Object.class).list();
  }

  public Optional<Member> member(UUID caseId) {
    return jdbc.sql("select * from chain_member where case_id = :id").param("id", caseId)
        .query(ChainStore::member).optional();
  }

  /** Adds the case as a chain of its own, or refreshes its copy of the case's data. */
  public Member upsert(CaseNode node) {
    UUID caseId = UUID.fromString(node.caseId());
    jdbc.sql("""
        insert into chain_member (case_id, chain_id, label, classification, onset_date, report_date, household_id,
          jurisdiction_path)
        values (:id, :chain, :label, :classification, :onset, :report, :household, :path)
        on conflict (case_id) do update set label = excluded.label, classification = excluded.classification,
          onset_date = excluded.onset_date, report_date = excluded.report_date, household_id = excluded.household_id,
          jurisdiction_path = excluded.jurisdiction_path
        """)
        .param("id", caseId).param("chain", UUID.randomUUID()).param("label", node.label())
        .param("classification", node.classification().name()).param("onset", node.onsetDate())
        .param("report", node.reportDate())
        .param("household", node.householdId() == null ? null : UUID.fromString(node.householdId()))
        .param("path", node.jurisdictionPath()).update();
    return member(caseId).orElseThrow();
  }

  public void setClusterName(UUID caseId, String name) {
    jdbc.sql("update chain_member set cluster_name = :name where case_id = :id").param("name", name)
        .param("id", caseId).update();
  }

  public void updateClassification(UUID caseId, Classification classification) {
    jdbc.sql("update chain_member set classification = :c where case_id = :id").param("c", classification.name())
        .param("id", caseId).update();
  }

  public long size(UUID chainId) {
    return jdbc.sql("select count(*) from chain_member where chain_id = :c").param("c", chainId).query(Long.class)
        .single();
  }

  /** Moves every member and link of chain {@code from} into chain {@code into}. */
  public void merge(UUID from, UUID into) {
    jdbc.sql("update chain_member set chain_id = :into where chain_id = :from").param("into", into)
        .param("from", from).update();
    jdbc.sql("update transmission_link set chain_id = :into where chain_id = :from").param("into", into)
        .param("from", from).update();
  }

  public List<Member> members(UUID chainId) {
    return jdbc.sql("select * from chain_member where chain_id = :c").param("c", chainId).query(ChainStore::member)
        .list();
  }

  public List<Generations.Edge> edges(UUID chainId) {
    return jdbc.sql("select infector_case_id, infectee_case_id from transmission_link where chain_id = :c")
        .param("c", chainId).query((rs, n) -> new Generations.Edge(rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class))).list();
  }

  /** Infector → infectee links with both cases inside the scope, with their onset dates (null where unknown). */
  public List<org.epicommand.tracing.LinkedOnsets> linkedOnsets(JurisdictionScope scope, int limit) {
    return scope.bind(jdbc.sql("select l.infector_case_id, l.infectee_case_id, a.onset_date, b.onset_date"
        + " from transmission_link l join chain_member a on a.case_id = l.infector_case_id"
        + " join chain_member b on b.case_id = l.infectee_case_id"
        + " where " + scope.predicate("a.jurisdiction_path") + " and " + scope.predicate("b.jurisdiction_path")
        + " order by l.infectee_case_id, l.infector_case_id limit :limit")).param("limit", limit)
        .query((rs, n) -> new org.epicommand.tracing.LinkedOnsets(rs.getString(1), rs.getString(2),
            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))).list();
  }

  public Optional<UUID> link(UUID infector, UUID infectee) {
    return jdbc.sql("select id from transmission_link where infector_case_id = :a and infectee_case_id = :b")
        .param("a", infector).param("b", infectee).query(UUID.class).optional();
  }

  public void insertLink(UUID id, UUID chainId, UUID infector, UUID infectee, TransmissionSetting setting,
      Instant at, String username) {
    jdbc.sql("""
        insert into transmission_link (id, chain_id, infector_case_id, infectee_case_id, setting, created_at,
          created_by)
        values (:id, :chain, :a, :b, :setting, :at, :username)
        """)
        .param("id", id).param("chain", chainId).param("a", infector).param("b", infectee)
        .param("setting", setting == null ? null : setting.name()).param("at", Timestamp.from(at))
        .param("username", username).update();
  }

  /** Chains with at least {@code minSize} members in the scope, largest first. */
  public List<ChainSummary> chains(JurisdictionScope scope, int minSize, long offset, int limit) {
    return scope.bind(jdbc.sql("select m.chain_id, count(*) as cases,"
        + " min(coalesce(m.onset_date, m.report_date)) as first_date,"
        + " max(coalesce(m.onset_date, m.report_date)) as last_date,"
        + " (array_agg(m.case_id order by coalesce(m.onset_date, m.report_date), m.case_id))[1] as first_case,"
        + " (array_agg(m.label order by coalesce(m.onset_date, m.report_date), m.case_id))[1] as first_label"
        + " from chain_member m where " + scope.predicate("m.jurisdiction_path")
        + " group by m.chain_id having count(*) >= :minSize"
        + " order by count(*) desc, m.chain_id offset :offset limit :limit"))
        .param("minSize", minSize).param("offset", offset).param("limit", limit)
        .query((rs, n) -> new ChainSummary(rs.getObject("chain_id", UUID.class).toString(),
            rs.getObject("first_case", UUID.class).toString(), rs.getString("first_label"), rs.getLong("cases"),
            rs.getObject("first_date", LocalDate.class), rs.getObject("last_date", LocalDate.class))).list();
  }

  /** The in-scope members of chains with at least {@code minSize} of them in the scope, chain by chain. */
  public List<Member> membersOfChainsInScope(JurisdictionScope scope, int minSize) {
    return scope.bind(jdbc.sql("select m.* from chain_member m where " + scope.predicate("m.jurisdiction_path")
        + " and m.chain_id in (select c.chain_id from chain_member c where " + scope.predicate("c.jurisdiction_path")
        + " group by c.chain_id having count(*) >= :minSize) order by m.chain_id"))
        .param("minSize", minSize).query(ChainStore::member).list();
  }

  /** The setting each infectee of these chains was infected in, where one was recorded. */
  public Map<UUID, TransmissionSetting> infectionSettings(java.util.Collection<UUID> chainIds) {
    Map<UUID, TransmissionSetting> settings = new java.util.HashMap<>();
    if (!chainIds.isEmpty()) {
      jdbc.sql("select infectee_case_id, setting from transmission_link where chain_id in (:chains)"
          + " and setting is not null").param("chains", chainIds)
          .query(rs -> {
            settings.put(rs.getObject(1, UUID.class), TransmissionSetting.valueOf(rs.getString(2)));
          });
    }
    return settings;
  }

  public List<Member> namedClusterMembers(JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select m.* from chain_member m where m.cluster_name is not null and "
            + scope.predicate("m.jurisdiction_path") + " order by m.cluster_name"))
        .query(ChainStore::member).list();
  }

  private static Member member(ResultSet rs, int row) throws SQLException {
    return new Member(rs.getObject("case_id", UUID.class), rs.getObject("chain_id", UUID.class),
        rs.getString("label"), Classification.valueOf(rs.getString("classification")),
        rs.getObject("onset_date", LocalDate.class), rs.getObject("report_date", LocalDate.class),
        rs.getObject("household_id", UUID.class), rs.getString("jurisdiction_path"), rs.getString("cluster_name"));
  }
}
