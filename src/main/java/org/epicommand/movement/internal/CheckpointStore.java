package org.epicommand.movement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.movement.Checkpoints.Checkpoint;
import org.epicommand.movement.Checkpoints.Kind;
import org.epicommand.movement.Checkpoints.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The checkpoint table: tens of checkpoints and stations per city, never deleted. */
@Repository
public class CheckpointStore {

  private static final String COLUMNS = "id, code, name, kind, jurisdiction_code, latitude, longitude, retired_at";

  private final JdbcClient jdbc;

  CheckpointStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a new checkpoint; false when its code is taken. */
  public boolean insert(Checkpoint c, Instant now) {
    return jdbc.sql("""
        insert into checkpoint (id, code, name, kind, jurisdiction_code, latitude, longitude, created_at)
        values (:id, :code, :name, :kind, :jc, :lat, :lon, :now) on conflict (code) do nothing
        """).param("id", UUID.fromString(c.id())).param("code", c.code()).param("name", c.name())
        .param("kind", c.kind().name()).param("jc", c.jurisdictionCode()).param("lat", c.lat()).param("lon", c.lon())
        .param("now", now.atOffset(ZoneOffset.UTC)).update() == 1;
  }

  /** Stores corrected fields (the code and the state stay). */
  public void update(Checkpoint c, Instant now) {
    jdbc.sql("""
        update checkpoint set name = :name, kind = :kind, jurisdiction_code = :jc, latitude = :lat, longitude = :lon,
               updated_at = :now
        where id = :id
        """).param("id", UUID.fromString(c.id())).param("name", c.name()).param("kind", c.kind().name())
        .param("jc", c.jurisdictionCode()).param("lat", c.lat()).param("lon", c.lon())
        .param("now", now.atOffset(ZoneOffset.UTC)).update();
  }

  /** Retires (at {@code now}) or reactivates a checkpoint; false when it already was in that state. */
  public boolean changeState(String id, State state, Instant now) {
    return jdbc.sql("update checkpoint set retired_at = :retiredAt, updated_at = :now where id = :id and "
            + (state == State.RETIRED ? "retired_at is null" : "retired_at is not null"))
        .param("id", UUID.fromString(id)).param("now", now.atOffset(ZoneOffset.UTC))
        .param("retiredAt", state == State.RETIRED ? now.atOffset(ZoneOffset.UTC) : null).update() == 1;
  }

  public Optional<Checkpoint> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from checkpoint where code = :code").param("code", code)
        .query(CheckpointStore::checkpoint).optional();
  }

  /** In code order; {@code state}: null for all. */
  public List<Checkpoint> list(State state) {
    return jdbc.sql("select " + COLUMNS + " from checkpoint"
            + (state == null ? "" : state == State.RETIRED ? " where retired_at is not null"
                : " where retired_at is null")
            + " order by code")
        .query(CheckpointStore::checkpoint).list();
  }

  private static Checkpoint checkpoint(ResultSet rs, int n) throws SQLException {
    OffsetDateTime retiredAt = rs.getObject(8, OffsetDateTime.class);
    return new Checkpoint(rs.getString(1), rs.getString(2), rs.getString(3), Kind.valueOf(rs.getString(4)),
        rs.getString(5), rs.getObject(6, Double.class), rs.getObject(7, Double.class),
        retiredAt == null ? State.ACTIVE : State.RETIRED, retiredAt);
  }
}
