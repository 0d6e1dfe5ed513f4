package org.epicommand.person;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.epicommand.platform.DatabaseMaintenance;
import org.epicommand.shared.CopyText;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Loads persons in bulk with PostgreSQL COPY, for the synthetic demo city and the 10 M benchmarks.
 * The rows are trusted (generated, already valid): no per-row rules run here. Households are copied
 * first, then persons, each from its own pass over the source, which must therefore be repeatable.
 * Taking the keys and indexes off, putting them back and vacuuming are the schema owner's to do
 * ({@link DatabaseMaintenance}); the rows are copied on the application's own connections.
 */
@Service
public class PersonBulkLoad {

  /** A generated person; members of one household come one after another. */
  public record BulkPerson(UUID id, String name, IdType idType, String idNumber, Sex sex, LocalDate birthDate,
      String phone, String address, UUID householdId, String jurisdictionCode, String jurisdictionPath) {}

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final DatabaseMaintenance maintenance;
  private final Clock clock;

  PersonBulkLoad(DataSource dataSource, JdbcClient jdbc, DatabaseMaintenance maintenance, Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.maintenance = maintenance;
    this.clock = clock;
  }

  public long count() {
    return jdbc.sql("select count(*) from person").query(Long.class).single();
  }

  /**
   * What a load did: persons copied (and kept), those left out because a person with the same document
   * was registered before, and the seconds spent copying and then rebuilding indexes and vacuuming.
   */
  public record LoadReport(long persons, long leftOut, double copySeconds, double indexSeconds) {}

  /**
   * Copies the households and persons of {@code source} (called twice; about {@code expected} persons).
   * For a first load — into an empty registry, or one holding at most 1 % of what the load brings (the
   * few persons a demo registers through the pages' own services) — the constraints and secondary
   * indexes are dropped first and rebuilt in bulk afterwards, much faster than maintaining them row by
   * row; a loaded person whose document is already registered is then left out before the keys come
   * back, so the registry's uniqueness rule holds as if the keys had been on. Any other load keeps
   * everything on. The definitions are read from the catalogue, so the migrations stay their only source.
   */
  public LoadReport copy(Supplier<Iterator<BulkPerson>> source, long expected) {
    long existing = count();
    boolean bulk = existing * 100 <= expected;
    Deferred deferred = bulk ? dropConstraintsAndIndexes() : new Deferred(List.of(), List.of());
    String now = clock.instant().toString();
    long start = System.nanoTime();
    long persons = 0;
    long leftOut = 0;
    long copied;
    try {
      persons = copyRows(source, bulk, now);
    } finally {
      copied = System.nanoTime();
      if (bulk && existing > 0) {
        leftOut = leaveOutRegistered(now);
      }
      maintenance.run(deferred.constraints());
      maintenance.run(deferred.indexes());
      // vacuum, not only analyze: it sets the visibility map, so that the look-ups by document
      // (tube and scan imports) are answered from the document key alone from the first import on
      maintenance.run(List.of("vacuum analyze household", "vacuum analyze person"));
    }
    return new LoadReport(persons - leftOut, leftOut, (copied - start) / 1e9, (System.nanoTime() - copied) / 1e9);
  }

  /**
   * Deletes the persons of this load (created at {@code now}) whose document an earlier person holds,
   * or another person of the load with a smaller id; their count.
   */
  private long leaveOutRegistered(String now) {
    return jdbc.sql("""
        delete from person p using person q
        where p.id_type = q.id_type and p.id_number = q.id_number and p.id <> q.id
          and p.created_at = cast(:now as timestamptz)
          and (q.created_at <> cast(:now as timestamptz) or q.id < p.id)
        """).param("now", now).update();
  }

  /** Constraints and indexes taken off for a bulk load, to be put back in this order. */
  private record Deferred(List<String> constraints, List<String> indexes) {}

  private Deferred dropConstraintsAndIndexes() {
    record Constraint(String table, String name, String type, String definition) {}
    List<Constraint> constraints = jdbc.sql("""
        select c.conrelid::regclass::text as tbl, c.conname, c.contype, pg_get_constraintdef(c.oid) as def
        from pg_constraint c
        where c.conrelid in ('person'::regclass, 'household'::regclass) and c.contype in ('p', 'u', 'f')
        order by case c.contype when 'f' then 0 else 1 end
        """).query((rs, n) -> new Constraint(rs.getString("tbl"), rs.getString("conname"), rs.getString("contype"),
            rs.getString("def"))).list();
    List<String> indexes = dropIndexes();
    constraints.forEach(c -> maintenance.run("alter table " + c.table() + " drop constraint " + c.name()));
    List<String> recreate = new java.util.ArrayList<>();
    // keys first (reverse of the drop order), foreign keys last
    for (int i = constraints.size() - 1; i >= 0; i--) {
      Constraint c = constraints.get(i);
      recreate.add("alter table " + c.table() + " add constraint " + c.name() + " " + c.definition());
    }
    return new Deferred(recreate, indexes);
  }

  /** Drops the indexes of persons and households that back no constraint; their DDL. */
  private List<String> dropIndexes() {
    record Index(String name, String definition) {}
    List<Index> indexes = jdbc.sql("""
        select i.indexname, i.indexdef from pg_indexes i
        where i.tablename in ('person', 'household') and i.schemaname = current_schema()
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
        """).query((rs, n) -> new Index(rs.getString(1), rs.getString(2))).list();
    indexes.forEach(index -> maintenance.run("drop index " + index.name()));
    return indexes.stream().map(Index::definition).toList();
  }

  /**
   * Households and persons each in their own COPY. Without constraints (a first load) the two run at
   * once on two connections; otherwise households go first, as persons refer to them.
   */
  private long copyRows(Supplier<Iterator<BulkPerson>> source, boolean parallel, String now) {
    if (!parallel) {
      copyHouseholds(source);
      return copyPersons(source, now);
    }
    java.util.concurrent.CompletableFuture<Void> households =
        java.util.concurrent.CompletableFuture.runAsync(() -> copyHouseholds(source));
    long persons = copyPersons(source, now);
    households.join();
    return persons;
  }

  private void copyHouseholds(Supplier<Iterator<BulkPerson>> source) {
    inCopy("copy household (id, address, jurisdiction_code, jurisdiction_path) from stdin", rows -> {
      UUID last = null;
      long count = 0;
      for (Iterator<BulkPerson> it = source.get(); it.hasNext(); ) {
        BulkPerson p = it.next();
        if (p.householdId() != null && !p.householdId().equals(last)) {
          rows.field(p.householdId().toString()).field(p.address()).field(p.jurisdictionCode())
              .last(p.jurisdictionPath());
          last = p.householdId();
          count++;
        }
      }
      return count;
    });
  }

  private long copyPersons(Supplier<Iterator<BulkPerson>> source, String now) {
    return inCopy("copy person (id, name, id_type, id_number, sex, birth_date, phone, address, household_id,"
        + " jurisdiction_code, jurisdiction_path, created_at, updated_at) from stdin", rows -> {
          long count = 0;
          for (Iterator<BulkPerson> it = source.get(); it.hasNext(); count++) {
            BulkPerson p = it.next();
            rows.field(p.id().toString()).field(p.name()).field(p.idType().name()).field(p.idNumber())
                .field(p.sex().name()).field(p.birthDate() == null ? null : p.birthDate().toString())
                .field(p.phone()).field(p.address()).field(p.householdId() == null ? null : p.householdId().toString())
                .field(p.jurisdictionCode()).field(p.jurisdictionPath()).field(now).last(now);
          }
          return count;
        });
  }

  /** Runs one COPY on its own connection and commits it. */
  private long inCopy(String sql, java.util.function.ToLongFunction<Rows> writer) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      long count;
      try (Rows rows = new Rows(copy)) {
        count = writer.applyAsLong(rows);
      }
      connection.commit();
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException("bulk load failed: " + e.getMessage(), e);
    }
  }

  /** COPY text format, written in 256 KB chunks. */
  private static final class Rows implements AutoCloseable {

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(1 << 18);

    Rows(CopyIn copy) {
      this.copy = copy;
    }

    Rows field(String value) {
      CopyText.append(buffer, value);
      buffer.append('\t');
      return this;
    }

    void last(String value) {
      CopyText.append(buffer, value);
      buffer.append('\n');
      if (buffer.length() >= (1 << 18) - 1024) {
        flush();
      }
    }

    private void flush() {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      try {
        copy.writeToCopy(bytes, 0, bytes.length);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
      flush();
      copy.endCopy();
    }
  }

}
