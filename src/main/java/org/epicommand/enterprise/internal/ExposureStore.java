package org.epicommand.enterprise.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases and contacts found on ledgers: once per staff member and source. */
@Repository
public class ExposureStore {

  /** An exposure as the organisation's page shows it: when, which kind, which staff member (by id only). */
  public record Exposure(String source, UUID staffId, OffsetDateTime at) {}

  private final JdbcClient jdbc;

  ExposureStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an exposure; false when it was recorded before (a republished event). */
  public boolean insert(UUID organisationId, UUID staffId, String source, String sourceId, Instant at) {
    return jdbc.sql("insert into organisation_exposure (id, organisation_id, staff_id, source, source_id, at)"
            + " values (:id, :org, :staff, :source, :sourceId, :at) on conflict do nothing")
        .param("id", UUID.randomUUID()).param("org", organisationId).param("staff", staffId).param("source", source)
        .param("sourceId", sourceId).param("at", Timestamp.from(at)).update() == 1;
  }

  public List<Exposure> of(UUID organisationId) {
    return jdbc.sql("select source, staff_id, at from organisation_exposure where organisation_id = :org"
            + " order by at desc limit 50").param("org", organisationId)
        .query((rs, n) -> new Exposure(rs.getString(1), rs.getObject(2, UUID.class),
            rs.getObject(3, OffsetDateTime.class))).list();
  }
}
