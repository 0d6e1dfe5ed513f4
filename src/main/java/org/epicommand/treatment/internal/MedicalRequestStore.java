package org.epicommand.treatment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.treatment.MedicalRequest;
import org.epicommand.treatment.MedicalRequestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code treatment_medical_request}; read inside a jurisdiction path. */
@Repository
public class MedicalRequestStore {

  /** A stored request (the dispatch deadline is computed by the facade). */
  public record Row(UUID id, UUID personId, String personName, String jurisdictionCode, String jurisdictionPath,
      MedicalRequest.Need need, MedicalRequest.Urgency urgency, MedicalRequest.Channel channel, String phone,
      String context, String hospitalCode, String vehicle, MedicalRequestStatus status, OffsetDateTime requestedAt,
      OffsetDateTime acceptedAt, OffsetDateTime dispatchedAt, OffsetDateTime closedAt, String note) {}

  private static final String SELECT = "select id, person_id, person_name, jurisdiction_code, jurisdiction_path, need,"
      + " urgency, channel, phone, context, hospital_code, vehicle, status, requested_at, accepted_at, dispatched_at,"
      + " closed_at, note from treatment_medical_request";

  private final JdbcClient jdbc;

  MedicalRequestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Row r, String by) {
    jdbc.sql("insert into treatment_medical_request (id, person_id, person_name, jurisdiction_code, jurisdiction_path,"
            + " need, urgency, channel, phone, context, status, requested_at, requested_by) values (:id, :person, :name,"
            + " :code, :path, :need, :urgency, :channel, :phone, :context, :status, :at, :by)")
        .param("id", r.id()).param("person", r.personId()).param("name", r.personName())
        .param("code", r.jurisdictionCode()).param("path", r.jurisdictionPath()).param("need", r.need().name())
        .param("urgency", r.urgency().name()).param("channel", r.channel().name()).param("phone", r.phone())
        .param("context", r.context()).param("status", r.status().name()).param("at", r.requestedAt())
        .param("by", by).update();
  }

  /** Moves the request on, stamping the time of the step. */
  public void move(UUID id, MedicalRequestStatus status, String hospital, String vehicle, String note, Instant at) {
    String stamp = switch (status) {
      case ACCEPTED -> "accepted_at";
      case DISPATCHED -> "dispatched_at";
      default -> "closed_at";
    };
    jdbc.sql("update treatment_medical_request set status = :status, " + stamp + " = :at,"
            + " hospital_code = coalesce(:hospital, hospital_code), vehicle = coalesce(:vehicle, vehicle),"
            + " note = coalesce(:note, note) where id = :id")
        .param("id", id).param("status", status.name()).param("hospital", hospital).param("vehicle", vehicle)
        .param("note", note).param("at", HospitalStore.at(at)).update();
  }

  public Optional<Row> find(UUID id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(MedicalRequestStore::row).optional();
  }

  public Optional<Row> lock(UUID id) {
    return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(MedicalRequestStore::row).optional();
  }

  /** Requests inside the scope path, open ones first (newest first), then the closed ones. */
  public List<Row> list(String scopePath, boolean open, long offset, int limit) {
    return jdbc.sql(SELECT + " where jurisdiction_path like :scope" + (open ? " and closed_at is null" : "")
            + " order by closed_at is not null, requested_at desc, id offset :offset limit :limit")
        .param("scope", scopePath + "%").param("offset", offset).param("limit", limit)
        .query(MedicalRequestStore::row).list();
  }

  /**
   * Marks the requests of an urgency still waiting for dispatch since before {@code before} as reported at
   * {@code now} and returns them (each once; rows another sweep holds are skipped).
   */
  public List<Row> markOverdue(MedicalRequest.Urgency urgency, OffsetDateTime before, OffsetDateTime now,
      int limit) {
    List<Row> due = jdbc.sql(SELECT + " where overdue_notified_at is null and status in ('REQUESTED', 'ACCEPTED')"
            + " and urgency = :urgency and requested_at < :before order by requested_at limit :limit"
            + " for update skip locked")
        .param("urgency", urgency.name()).param("before", before).param("limit", limit)
        .query(MedicalRequestStore::row).list();
    if (!due.isEmpty()) {
      jdbc.sql("update treatment_medical_request set overdue_notified_at = :now where id in (:ids)")
          .param("now", now).param("ids", due.stream().map(Row::id).toList()).update();
    }
    return due;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
        rs.getString(5), MedicalRequest.Need.valueOf(rs.getString(6)), MedicalRequest.Urgency.valueOf(rs.getString(7)),
        MedicalRequest.Channel.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getString(12), MedicalRequestStatus.valueOf(rs.getString(13)), rs.getObject(14, OffsetDateTime.class),
        rs.getObject(15, OffsetDateTime.class), rs.getObject(16, OffsetDateTime.class),
        rs.getObject(17, OffsetDateTime.class), rs.getString(18));
  }
}
