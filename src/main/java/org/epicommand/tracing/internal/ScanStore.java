package org.epicommand.tracing.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The venue_scan table, range-partitioned by the city's day. A batch gets its day partitions and
 * goes in with one insert … on conflict do nothing from arrays (so a re-import adds nothing).
 */
@Repository
public class ScanStore {

  /** A scan ready to store, with its line in the import file. */
  public record Scan(UUID venueId, Instant scannedAt, UUID personId, int line) {}

  private static final DateTimeFormatter PARTITION_DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final java.util.Set<LocalDate> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

  ScanStore(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /**
   * Stores scans (in the current transaction) by one insert from arrays into the day partitions,
   * whose key (venue, instant, person) is the index co-presence reads and makes a re-import add
   * nothing. Fresh scans go in by a plain insert under a savepoint; only when that meets a stored
   * key (a re-import, an overlapping file) is the batch redone with {@code on conflict do nothing},
   * which costs a third more. Returns the lines that repeat a scan stored by an earlier batch of the
   * same import (duplicates within the file).
   */
  public List<Integer> store(List<Scan> scans, UUID importId, ZoneId zone) {
    if (scans.isEmpty()) {
      return List.of();
    }
    ensurePartitions(scans.stream().map(s -> s.scannedAt().atZone(zone).toLocalDate()).distinct().toList(), zone);
    Object[] arrays = arrays(scans);
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      Savepoint savepoint = connection.setSavepoint();
      try {
        jdbc.sql("insert into venue_scan (venue_id, scanned_at, person_id, import_id) select v, at, p, ? from "
            + ROWS + " order by v, at, p").params(importId, arrays[0], arrays[1], arrays[2], arrays[3]).update();
        connection.releaseSavepoint(savepoint);
        return List.of();
      } catch (DuplicateKeyException stored) {
        connection.rollback(savepoint);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("savepoint around the scan insert: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    // the rows not inserted: stored before, by an earlier import or by an earlier batch of this one
    List<Integer> conflicts = jdbc.sql("with d as (select * from " + ROWS + """
        ), ins as (
          insert into venue_scan (venue_id, scanned_at, person_id, import_id)
          select v, at, p, ? from d order by v, at, p
          on conflict do nothing
          returning venue_id, scanned_at, person_id)
        select d.l from d left join ins on ins.venue_id = d.v and ins.scanned_at = d.at and ins.person_id = d.p
        where ins.venue_id is null
        """).params(arrays[0], arrays[1], arrays[2], arrays[3], importId).query(Integer.class).list();
    if (conflicts.isEmpty()) {
      return List.of();
    }
    java.util.Set<Integer> conflicted = new java.util.HashSet<>(conflicts);
    Object[] repeats = arrays(scans.stream().filter(s -> conflicted.contains(s.line())).toList());
    return jdbc.sql("select d.l from " + ROWS + """
         join venue_scan s on s.venue_id = d.v and s.scanned_at = d.at and s.person_id = d.p
        where s.import_id = ?
        """).params(repeats[0], repeats[1], repeats[2], repeats[3], importId).query(Integer.class).list();
  }

  /** The rows of a batch as arrays bound in one go: venue ids, instants (µs since the epoch), persons, lines. */
  private static final String ROWS = """
      (select v, timestamptz 'epoch' + m * interval '1 microsecond' as at, p, l
       from unnest(?::uuid[], ?::int8[], ?::uuid[], ?::int4[]) as u(v, m, p, l)) d""";

  private static Object[] arrays(List<Scan> scans) {
    int n = scans.size();
    UUID[] venueIds = new UUID[n];
    long[] micros = new long[n];
    UUID[] personIds = new UUID[n];
    int[] lines = new int[n];
    for (int i = 0; i < n; i++) {
      Scan scan = scans.get(i);
      venueIds[i] = scan.venueId();
      micros[i] = Math.addExact(Math.multiplyExact(scan.scannedAt().getEpochSecond(), 1_000_000L),
          scan.scannedAt().getNano() / 1_000);
      personIds[i] = scan.personId();
      lines[i] = scan.line();
    }
    return new Object[] {venueIds, micros, personIds, lines};
  }

  /** Creates the day partitions that do not exist yet (serialised: two imports may meet the same new day). */
  public void ensurePartitions(List<LocalDate> days, ZoneId zone) {
    // partitions are never dropped by the application: once seen, a day needs no catalogue lookup
    List<LocalDate> missing = days.stream().filter(day -> !known.contains(day))
        .filter(day -> {
          boolean exists = exists(partition(day));
          if (exists) {
            known.add(day);
          }
          return !exists;
        }).toList();
    if (missing.isEmpty()) {
      return;
    }
    jdbc.sql("select pg_advisory_xact_lock(hashtext('venue_scan_partitions'))").query(Object.class).single();
    for (LocalDate day : missing) {
      OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime();
      OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
      // as the schema's owner (the application's role may not create tables): db/migration/tracing
      jdbc.sql("select venue_scan_add_day(:day, :from, :to)").param("day", day).param("from", from).param("to", to)
          .query(Boolean.class).single();
    }
  }

  private boolean exists(String table) {
    return jdbc.sql("select to_regclass(:t) is not null").param("t", table).query(Boolean.class).single();
  }

  static String partition(LocalDate day) {
    return "venue_scan_p" + day.format(PARTITION_DAY);
  }

  /**
   * Persons scanned at a venue whose presence overlaps {@code [from, to]}: several scans of a person
   * span first → last; a single scan lasts {@code singleVisit}. Scans are searched within 12 h
   * around the window, so only a day's partition or two are read.
   */
  public long count() {
    return jdbc.sql("select count(*) from venue_scan").query(Long.class).single();
  }
}
