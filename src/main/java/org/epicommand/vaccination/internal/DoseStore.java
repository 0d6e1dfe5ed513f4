package org.epicommand.vaccination.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.vaccination.Dose;
import org.epicommand.vaccination.DoseRole;
import org.epicommand.vaccination.DoseSource;
import org.epicommand.vaccination.VaccinationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Doses, each person's status and the coverage rollup ({@code vaccination_dose}, {@code
 * vaccination_status}, {@code vaccination_coverage}): what the landing reads and writes set-based, one
 * statement per batch each, and a person's doses for their record.
 */
@Repository
public class DoseStore {

  /** A person's status row: where they live (as the rollup counts them), their birth year (0: unknown), the doses. */
  public record StatusRow(UUID personId, String path, int birthYear, int doses, int primaryDoses,
      VaccinationStatus status, LocalDate lastDoseOn) {}

  /** A stored dose as the landing compares a repeated one with it. */
  public record StoredDose(String id, UUID personId, int number, String productCode, LocalDate date, String batch,
      String siteCode, String vaccinatorCode) {}

  /** One key of the coverage rollup. */
  public record Cell(String path, int birthYear, VaccinationStatus status) {}

  private final JdbcClient jdbc;

  DoseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The status rows of these persons, locked for the transaction (two imports of one person take turns). */
  public Map<UUID, StatusRow> lockStatuses(Collection<UUID> persons) {
    return statuses(persons, " order by person_id for update");
  }

  /** The status rows of these persons, without a lock (lists). */
  public Map<UUID, StatusRow> statuses(Collection<UUID> persons) {
    return statuses(persons, "");
  }

  private Map<UUID, StatusRow> statuses(Collection<UUID> persons, String lock) {
    Map<UUID, StatusRow> found = new HashMap<>();
    if (persons.isEmpty()) {
      return found;
    }
    jdbc.sql("""
        select person_id, jurisdiction_path, birth_year, doses, primary_doses, status, last_dose_on
        from vaccination_status where person_id = any(?::uuid[])""" + lock).params((Object) ids(persons)).query(rs -> {
          UUID id = rs.getObject(1, UUID.class);
          found.put(id, new StatusRow(id, rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
              VaccinationStatus.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class)));
        });
    return found;
  }

  /** Every stored dose of these persons. */
  public List<StoredDose> doses(Collection<UUID> persons) {
    List<StoredDose> found = new ArrayList<>();
    if (persons.isEmpty()) {
      return found;
    }
    jdbc.sql("""
        select id, person_id, dose_number, product_code, dose_date, batch, site_code, vaccinator_code
        from vaccination_dose where person_id = any(?::uuid[])
        """).params((Object) ids(persons)).query(rs -> {
          found.add(new StoredDose(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
              rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8)));
        });
    return found;
  }

  /** The new statuses of these persons, in one upsert. */
  public void saveStatuses(List<StatusRow> rows, Instant now) {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    String[] persons = new String[n];
    String[] paths = new String[n];
    Integer[] years = new Integer[n];
    Integer[] doses = new Integer[n];
    Integer[] primary = new Integer[n];
    String[] statuses = new String[n];
    String[] last = new String[n];
    for (int i = 0; i < n; i++) {
      StatusRow row = rows.get(i);
      persons[i] = row.personId().toString();
      paths[i] = row.path();
      years[i] = row.birthYear();
      doses[i] = row.doses();
      primary[i] = row.primaryDoses();
      statuses[i] = row.status().name();
      last[i] = row.lastDoseOn().toString();
    }
    jdbc.sql("""
        insert into vaccination_status as s (person_id, jurisdiction_path, birth_year, doses, primary_doses, status,
          last_dose_on, updated_at)
        select x.person_id, x.path, x.birth_year, x.doses, x.primary_doses, x.status, x.last_dose_on, ?
        from unnest(?::uuid[], ?::text[], ?::smallint[], ?::smallint[], ?::smallint[], ?::text[], ?::date[])
          as x(person_id, path, birth_year, doses, primary_doses, status, last_dose_on)
        on conflict (person_id) do update set jurisdiction_path = excluded.jurisdiction_path,
          birth_year = excluded.birth_year, doses = excluded.doses, primary_doses = excluded.primary_doses,
          status = excluded.status, last_dose_on = excluded.last_dose_on, updated_at = excluded.updated_at
        """).params(MasterRows.utc(now), persons, paths, years, doses, primary, statuses, last).update();
  }

  /** Adds the batch's changes to the coverage rollup in one upsert (a person moves from one cell to another). */
  public void addCoverage(Map<Cell, Long> deltas) {
    Map<Cell, Long> changed = new HashMap<>(deltas);
    changed.values().removeIf(v -> v == 0);
    if (changed.isEmpty()) {
      return;
    }
    int n = changed.size();
    String[] paths = new String[n];
    Integer[] years = new Integer[n];
    String[] statuses = new String[n];
    Long[] counts = new Long[n];
    int i = 0;
    for (Map.Entry<Cell, Long> e : changed.entrySet()) {
      paths[i] = e.getKey().path();
      years[i] = e.getKey().birthYear();
      statuses[i] = e.getKey().status().name();
      counts[i++] = e.getValue();
    }
    jdbc.sql("""
        insert into vaccination_coverage as c (jurisdiction_path, birth_year, status, persons)
        select * from unnest(?::text[], ?::smallint[], ?::text[], ?::bigint[])
        on conflict (jurisdiction_path, birth_year, status) do update set persons = c.persons + excluded.persons
        """).params(paths, years, statuses, counts).update();
  }

  /** A person's doses in order, with their products' and sites' names. */
  public List<Dose> personDoses(UUID person) {
    return jdbc.sql("""
        select d.*, p.name as product_name, p.manufacturer, s.name as site_name
        from vaccination_dose d join vaccination_product p on p.code = d.product_code
        left join vaccination_site s on s.code = d.site_code
        where d.person_id = ? order by d.dose_number
        """).params(person).query((rs, n) -> new Dose(rs.getString("id"), rs.getString("person_id"),
            rs.getInt("dose_number"), DoseRole.valueOf(rs.getString("role")), rs.getString("product_code"),
            rs.getString("product_name"), rs.getString("manufacturer"), rs.getString("batch"),
            rs.getObject("dose_date", LocalDate.class), rs.getString("site_code"), rs.getString("site_name"),
            rs.getString("vaccinator_code"), DoseSource.valueOf(rs.getString("source")),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant())).list();
  }

  /** The person and date of a stored dose (adverse events name their dose). */
  public java.util.Optional<StoredDose> dose(UUID id) {
    return jdbc.sql("""
        select id, person_id, dose_number, product_code, dose_date, batch, site_code, vaccinator_code
        from vaccination_dose where id = ?
        """).params(id).query((rs, n) -> new StoredDose(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3),
            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8)))
        .optional();
  }

  /** Whether any dose is stored. */
  public boolean any() {
    return jdbc.sql("select exists (select 1 from vaccination_dose)").query(Boolean.class).single();
  }

  static String[] ids(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).toArray(String[]::new);
  }
}
