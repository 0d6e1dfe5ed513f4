package org.epicommand.treatment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.treatment.DeploymentStatus;
import org.epicommand.treatment.StaffDeployment;
import org.epicommand.treatment.StaffKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code treatment_staff_deployment}; lists are read inside a jurisdiction path (the target's). */
@Repository
public class DeploymentStore {

  private static final String SELECT = "select d.id, d.staff_kind, d.headcount, d.source_hospital_code, s.name,"
      + " d.source_team, d.target_hospital_code, t.name, d.starts_on, d.ends_on, d.status, d.note, d.created_at,"
      + " d.deployed_at, d.returned_at, d.cancelled_at from treatment_staff_deployment d"
      + " join treatment_hospital t on t.code = d.target_hospital_code"
      + " left join treatment_hospital s on s.code = d.source_hospital_code";

  private final JdbcClient jdbc;

  DeploymentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, StaffDeployment.New d, String path, String by, Instant now) {
    jdbc.sql("insert into treatment_staff_deployment (id, staff_kind, headcount, source_hospital_code, source_team,"
            + " target_hospital_code, jurisdiction_path, starts_on, ends_on, status, note, created_by, created_at)"
            + " values (:id, :kind, :count, :source, :team, :target, :path, :starts, :ends, 'PLANNED', :note, :by, :now)")
        .param("id", id).param("kind", d.staffKind().name()).param("count", d.headcount())
        .param("source", d.sourceHospitalCode()).param("team", d.sourceTeam()).param("target", d.targetHospitalCode())
        .param("path", path).param("starts", d.startsOn()).param("ends", d.endsOn()).param("note", d.note())
        .param("by", by).param("now", HospitalStore.at(now)).update();
  }

  /** The aggregate, its row locked; with the path of its target for the scope check. */
  public Optional<Map.Entry<Deployment, String>> lock(UUID id) {
    return jdbc.sql("select id, status, ends_on, deployed_at, returned_at, cancelled_at, jurisdiction_path"
            + " from treatment_staff_deployment where id = :id for update").param("id", id)
        .query((rs, n) -> Map.entry(new Deployment(rs.getObject(1, UUID.class),
            DeploymentStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), instant(rs, 4),
            instant(rs, 5), instant(rs, 6)), rs.getString(7))).optional();
  }

  public void save(Deployment d) {
    jdbc.sql("update treatment_staff_deployment set status = :status, ends_on = :ends, deployed_at = :deployed,"
            + " returned_at = :returned, cancelled_at = :cancelled where id = :id")
        .param("id", d.id()).param("status", d.status().name()).param("ends", d.endsOn())
        .param("deployed", at(d.deployedAt())).param("returned", at(d.returnedAt()))
        .param("cancelled", at(d.cancelledAt())).update();
  }

  /** One deployment with the path of its target. */
  public Optional<Map.Entry<StaffDeployment, String>> find(UUID id) {
    return jdbc.sql(SELECT.replace("select d.id", "select d.jurisdiction_path, d.id") + " where d.id = :id")
        .param("id", id).query((rs, n) -> Map.entry(view(rs, 1), rs.getString(1))).optional();
  }

  /**
   * Deployments inside the scope path, open ones first then newest first; optionally of one hospital, and
   * only to or from the {@code bound} hospitals when given (a hospital operator's).
   */
  public List<StaffDeployment> list(String scopePath, String hospital, Collection<String> bound,
      DeploymentStatus status, long offset, int limit) {
    return jdbc.sql(SELECT + " where d.jurisdiction_path like :scope"
            + (hospital == null ? ""
                : " and (d.target_hospital_code = :hospital or d.source_hospital_code = :hospital)")
            + (bound == null ? ""
                : " and (d.target_hospital_code = any(:bound) or d.source_hospital_code = any(:bound))")
            + (status == null ? "" : " and d.status = :status")
            + " order by d.status in ('RETURNED', 'CANCELLED'), d.starts_on desc, d.id offset :offset limit :limit")
        .param("scope", scopePath + "%").param("hospital", hospital)
        .param("bound", bound == null ? new String[0] : bound.toArray(String[]::new))
        .param("status", status == null ? null : status.name()).param("offset", offset).param("limit", limit)
        .query((rs, n) -> view(rs, 0)).list();
  }

  /** Staff on site (DEPLOYED) by target hospital code. */
  public Map<String, Integer> deployed(Collection<String> codes) {
    Map<String, Integer> counts = new HashMap<>();
    if (codes.isEmpty()) {
      return counts;
    }
    jdbc.sql("select target_hospital_code, sum(headcount) from treatment_staff_deployment where status = 'DEPLOYED'"
            + " and target_hospital_code in (:codes) group by target_hospital_code")
        .param("codes", List.copyOf(codes)).query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
    return counts;
  }

  /** Names a worker of the deployment; false when the person is named on it already. */
  public boolean addWorker(UUID deployment, UUID person, String name, StaffKind role, String by, Instant now) {
    return jdbc.sql("insert into treatment_deployment_worker (deployment_id, person_id, name, role, added_by,"
            + " added_at) values (:d, :p, :name, :role, :by, :now) on conflict do nothing")
        .param("d", deployment).param("p", person).param("name", name).param("role", role.name())
        .param("by", by).param("now", HospitalStore.at(now)).update() == 1;
  }

  /** Ends the person's open naming on the deployment; false when they are not named on it (any more). */
  public boolean endWorker(UUID deployment, UUID person, String by, Instant now) {
    return jdbc.sql("update treatment_deployment_worker set ended_at = :now, ended_by = :by where deployment_id = :d"
            + " and person_id = :p and ended_at is null").param("d", deployment).param("p", person)
        .param("by", by).param("now", HospitalStore.at(now)).update() == 1;
  }

  /** The named workers of the deployment: those still on it first, by name; then those taken off, latest first. */
  public List<org.epicommand.treatment.DeployedWorker> workers(UUID deployment) {
    return jdbc.sql("select deployment_id, person_id, name, role, added_at, ended_at from treatment_deployment_worker"
            + " where deployment_id = :d order by ended_at is not null, ended_at desc, name, person_id")
        .param("d", deployment)
        .query((rs, n) -> new org.epicommand.treatment.DeployedWorker(rs.getString(1), rs.getString(2),
            rs.getString(3), StaffKind.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class),
            rs.getObject(6, OffsetDateTime.class))).list();
  }

  private static StaffDeployment view(ResultSet rs, int o) throws SQLException {
    return new StaffDeployment(rs.getObject(o + 1, UUID.class).toString(), StaffKind.valueOf(rs.getString(o + 2)),
        rs.getInt(o + 3), rs.getString(o + 4), rs.getString(o + 5), rs.getString(o + 6), rs.getString(o + 7),
        rs.getString(o + 8), rs.getObject(o + 9, LocalDate.class), rs.getObject(o + 10, LocalDate.class),
        DeploymentStatus.valueOf(rs.getString(o + 11)), rs.getString(o + 12),
        rs.getObject(o + 13, OffsetDateTime.class), rs.getObject(o + 14, OffsetDateTime.class),
        rs.getObject(o + 15, OffsetDateTime.class), rs.getObject(o + 16, OffsetDateTime.class));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : HospitalStore.at(instant);
  }
}
