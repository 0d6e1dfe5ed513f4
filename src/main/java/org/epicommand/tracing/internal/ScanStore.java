package org.epicommand.tracing.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The venue_scan table, range-partitioned by the city's day. Rows arrive by COPY into
 * venue_scan_staging on the caller's transaction, get their day partitions, and move on with one
 * insert … on conflict do nothing (so a re-import adds nothing).
 */
@Repository
public class ScanStore {

  /** A scan ready to store, with its line in the import file. */
  public record Scan(UUID venueId, Instant scannedAt, UUID personId, int line) {}

  /** A person's scans at one venue around a visit. */
  public record Presence(UUID personId, OffsetDateTime firstScanAt, OffsetDateTime lastScanAt, int scans) {}

  private static final DateTimeFormatter PARTITION_DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final java.util.Set<LocalDate> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

  ScanStore(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /**
   * Stores scans (in the current transaction). Returns the lines that repeat a scan stored by an
   * earlier batch of the same import (duplicates within the file); they are not stored again.
   */
  public List<Integer> store(List<Scan> scans, UUID importId, ZoneId zone) {
    if (scans.isEmpty()) {
      return List.of();
    }
    copyToStaging(scans, importId);
    ensurePartitions(scans.stream().map(s -> s.scannedAt().atZone(zone).toLocalDate()).distinct().toList(), zone);
    List<Integer> repeated = jdbc.sql("""
        select s.line from venue_scan_staging s
        join venue_scan v on v.venue_id = s.venue_id and v.scanned_at = s.scanned_at and v.person_id = s.person_id
        where s.import_id = :i and v.import_id = :i
        """).param("i", importId).query(Integer.class).list();
    jdbc.sql("""
        insert into venue_scan (venue_id, scanned_at, person_id, import_id)
        select venue_id, scanned_at, person_id, import_id from venue_scan_staging where import_id = :i
        order by venue_id, scanned_at, person_id
        on conflict do nothing
        """).param("i", importId).update();
    jdbc.sql("delete from venue_scan_staging where import_id = :i").param("i", importId).update();
    return repeated;
  }

  private void copyToStaging(List<Scan> scans, UUID importId) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("copy venue_scan_staging (import_id, line, venue_id, scanned_at, person_id) from stdin");
      StringBuilder text = new StringBuilder(scans.size() * 120);
      String batch = importId.toString();
      for (Scan scan : scans) {
        text.append(batch).append('\t').append(scan.line()).append('\t').append(scan.venueId()).append('\t').append(scan.scannedAt()).append('\t')
            .append(scan.personId()).append('\n');
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      copy.endCopy();
    } catch (SQLException e) {
      throw new IllegalStateException("COPY of venue scans failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
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
      jdbc.sql("create table if not exists " + partition(day) + " partition of venue_scan for values from ('"
          + from + "') to ('" + to + "')").update();
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
  public List<Presence> presences(UUID venueId, Instant from, Instant to, java.time.Duration singleVisit,
      UUID exceptPerson) {
    return jdbc.sql("""
        select person_id, min(scanned_at), max(scanned_at), count(*)::int
        from venue_scan
        where venue_id = :v and scanned_at >= :searchFrom and scanned_at <= :searchTo and person_id <> :except
        group by person_id
        having min(scanned_at) <= :to
           and (case when count(*) = 1 then min(scanned_at) + make_interval(secs => :visit) else max(scanned_at) end) >= :from
        order by min(scanned_at), person_id
        """).param("v", venueId).param("searchFrom", from.minus(java.time.Duration.ofHours(12)).atOffset(ZoneOffset.UTC))
        .param("searchTo", to.atOffset(ZoneOffset.UTC)).param("except", exceptPerson)
        .param("to", to.atOffset(ZoneOffset.UTC)).param("from", from.atOffset(ZoneOffset.UTC))
        .param("visit", (double) singleVisit.toSeconds())
        .query((rs, n) -> new Presence(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
            rs.getObject(3, OffsetDateTime.class), rs.getInt(4))).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from venue_scan").query(Long.class).single();
  }
}
