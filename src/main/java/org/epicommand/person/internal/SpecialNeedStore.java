package org.epicommand.person.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.person.SpecialNeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code special_needs_person}: the special-needs ledger, read inside a jurisdiction path. */
@Repository
public class SpecialNeedStore {

  private static final String SELECT = "select id, person_id, name, household_id, address, need, due_date,"
      + " care_provider, phone, note, state, jurisdiction_code, area_id, created_at, removed_at, jurisdiction_path"
      + " from special_needs_person";

  private final JdbcClient jdbc;

  SpecialNeedStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An entry as stored, with its jurisdiction path. */
  public record Row(SpecialNeed entry, String path) {}

  /** Inserts an ACTIVE entry. */
  public void insert(UUID id, UUID personId, String name, UUID householdId, String address, SpecialNeed.Need need,
      LocalDate dueDate, String careProvider, String phone, String note, String code, String path, UUID areaId,
      String by, Instant now) {
    jdbc.sql("""
        insert into special_needs_person (id, person_id, name, household_id, address, need, due_date, care_provider,
          phone, note, state, jurisdiction_code, jurisdiction_path, area_id, created_at, created_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)""").params(id, personId, name, householdId,
        address, need.name(), dueDate, careProvider, phone, note, code, path, areaId, Timestamp.from(now), by)
        .update();
  }

  public Optional<Row> find(UUID id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> row(rs)).optional();
  }

  /** The active entry of the person for the need, if any. */
  public Optional<UUID> active(UUID personId, SpecialNeed.Need need) {
    return jdbc.sql("select id from special_needs_person where person_id = ? and need = ? and state = 'ACTIVE'")
        .params(personId, need.name()).query(UUID.class).optional();
  }

  /** The ledger inside the path (removed entries too when {@code all}), by community, address and name. */
  public List<SpecialNeed> inside(String path, SpecialNeed.Need need, boolean all, int limit) {
    return jdbc.sql(SELECT + " where jurisdiction_path like ?" + (all ? "" : " and state = 'ACTIVE'")
            + (need == null ? "" : " and need = '" + need.name() + "'")
            + " order by state, jurisdiction_path, address, name limit ?").params(path + "%", limit)
        .query((rs, n) -> row(rs).entry()).list();
  }

  /**
   * Entries a sealed area's register shows: those its staff registered, and those of households under the
   * area's path that no area registered (the caller keeps the ones whose household lies inside the area).
   */
  public List<Row> forArea(UUID areaId, String areaPath, boolean all) {
    return jdbc.sql(SELECT + " where (area_id = ? or area_id is null and household_id is not null"
            + " and jurisdiction_path like ?)" + (all ? "" : " and state = 'ACTIVE'")
            + " order by state, address, name limit 1000").params(areaId, areaPath + "%")
        .query((rs, n) -> row(rs)).list();
  }

  public void remove(UUID id, Instant now) {
    jdbc.sql("update special_needs_person set state = 'REMOVED', removed_at = ? where id = ?")
        .params(Timestamp.from(now), id).update();
  }

  /** Whether someone of the household is on the ledger. */
  public boolean householdOnLedger(UUID householdId) {
    return jdbc.sql("select exists (select 1 from special_needs_person where household_id = ? and state = 'ACTIVE')")
        .param(householdId).query(Boolean.class).single();
  }

  /** The active needs of each of the persons. */
  public Map<UUID, List<SpecialNeed.Need>> needs(Collection<UUID> personIds) {
    Map<UUID, List<SpecialNeed.Need>> needs = new HashMap<>();
    if (personIds.isEmpty()) {
      return needs;
    }
    jdbc.sql("select person_id, need from special_needs_person where state = 'ACTIVE' and person_id in (:ids)"
            + " order by need").param("ids", List.copyOf(personIds))
        .query(rs -> {
          needs.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
              .add(SpecialNeed.Need.valueOf(rs.getString(2)));
        });
    return needs;
  }

  private static Row row(ResultSet rs) throws SQLException {
    Timestamp removed = rs.getTimestamp(15);
    return new Row(new SpecialNeed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), SpecialNeed.Need.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class),
        rs.getString(8), rs.getString(9), rs.getString(10), SpecialNeed.State.valueOf(rs.getString(11)),
        rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
        removed == null ? null : removed.toInstant()), rs.getString(16));
  }
}
