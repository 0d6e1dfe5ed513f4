package org.epicommand.treatment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.shared.EntityBindings;
import org.epicommand.treatment.AdmissionStatus;
import org.epicommand.treatment.BedType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code treatment_admission}: one row per stay in a hospital; open while {@code left_at} is null. */
@Repository
public class AdmissionStore {

  /** A stored admission with its hospital's name and jurisdiction path. */
  public record Row(UUID id, UUID caseId, String hospitalCode, String hospitalName, String hospitalPath,
      BedType bedType, AdmissionStatus status, OffsetDateTime admittedAt, UUID transferredFrom, OffsetDateTime leftAt,
      String placementReason) {}

  private static final String SELECT = "select a.id, a.case_id, a.hospital_code, h.name, h.jurisdiction_path,"
      + " a.bed_type, a.status, a.admitted_at, a.transferred_from, a.left_at, a.placement_reason"
      + " from treatment_admission a join treatment_hospital h on h.code = a.hospital_code";

  private final JdbcClient jdbc;

  AdmissionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, UUID caseId, String hospital, BedType type, Instant at, UUID from, String reason,
      String by) {
    jdbc.sql("insert into treatment_admission (id, case_id, hospital_code, bed_type, status, admitted_at,"
            + " transferred_from, placement_reason, admitted_by) values (:id, :caseId, :hospital, :type, 'ADMITTED',"
            + " :at, :from, :reason, :by)")
        .param("id", id).param("caseId", caseId).param("hospital", hospital).param("type", type.name())
        .param("at", HospitalStore.at(at)).param("from", from).param("reason", reason).param("by", by).update();
  }

  /** Closes an open admission; false when it was closed already. */
  public boolean close(UUID id, AdmissionStatus status, Instant at) {
    return jdbc.sql("update treatment_admission set status = :status, left_at = :at where id = :id"
            + " and left_at is null").param("id", id).param("status", status.name()).param("at", HospitalStore.at(at))
        .update() == 1;
  }

  public Optional<Row> find(UUID id) {
    return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(AdmissionStore::row).optional();
  }

  /** The case's open admission, locked. */
  public Optional<Row> openOf(UUID caseId) {
    return jdbc.sql(SELECT + " where a.case_id = :caseId and a.left_at is null for update of a")
        .param("caseId", caseId).query(AdmissionStore::row).optional();
  }

  /** Admissions in hospitals inside the scope path (and a bound user's hospitals), newest first. */
  public List<Row> list(String scopePath, String boundUser, String hospital, boolean open, long offset, int limit) {
    return jdbc.sql(SELECT + " where h.jurisdiction_path like :scope"
            + (boundUser == null ? "" : " and " + HospitalBindings.TABLE.boundTo("a.hospital_code"))
            + (hospital == null ? "" : " and a.hospital_code = :hospital")
            + (open ? " and a.left_at is null" : "") + " order by a.admitted_at desc, a.id offset :offset limit :limit")
        .param("scope", scopePath + "%").param(EntityBindings.USER, boundUser == null ? "" : boundUser)
        .param("hospital", hospital == null ? "" : hospital).param("offset", offset).param("limit", limit)
        .query(AdmissionStore::row).list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
        rs.getString(5), BedType.valueOf(rs.getString(6)), AdmissionStatus.valueOf(rs.getString(7)),
        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, UUID.class), rs.getObject(10, OffsetDateTime.class),
        rs.getString(11));
  }
}
