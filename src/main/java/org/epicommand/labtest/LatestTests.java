package org.epicommand.labtest;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest test per person (SHARED §3), for every "tested within N hours" rule of other modules:
 * one index probe per person of {@code labtest_person_latest}, which the tubes and results imports
 * keep in their own transactions. Persons never sampled are absent from the answer.
 */
@Service
public class LatestTests {

  private final JdbcClient jdbc;

  LatestTests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest tests of the persons, by person id (those never sampled are missing). */
  @Transactional(readOnly = true)
  public Map<UUID, LatestTest> of(Collection<UUID> persons) {
    Map<UUID, LatestTest> latest = new HashMap<>(persons.size() * 2);
    if (persons.isEmpty()) {
      return latest;
    }
    jdbc.sql("""
        select person_id, last_sampled_at, last_result, last_negative_sampled_at, jurisdiction_path
        from labtest_person_latest where person_id = any(?::uuid[])
        """).params((Object) persons.toArray(UUID[]::new)).query(rs -> {
          OffsetDateTime negative = rs.getObject(4, OffsetDateTime.class);
          UUID id = rs.getObject(1, UUID.class);
          latest.put(id, new LatestTest(id, rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
              negative == null ? null : negative.toInstant(), rs.getString(5)));
        });
    return latest;
  }
}
