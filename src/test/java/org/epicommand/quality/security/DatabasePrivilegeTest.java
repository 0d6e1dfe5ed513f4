package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.epicommand.quarantine.internal.doors.DoorEventLog;
import org.epicommand.tracing.internal.ScanStore;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Least privilege inside the database (MLPS 2.0 level 3, 访问控制 最小权限): the application's own
 * connection may read and write rows but not change the schema, and may only add to the audit trail.
 * Every probe runs in a transaction that is rolled back, so a refusal that does not come leaves
 * nothing behind. The flows that need schema changes at run time (day partitions, the bulk load of
 * persons that takes its indexes off and puts them back) still work.
 */
@EpiCommandTest
class DatabasePrivilegeTest {

  private static final String PERMISSION_DENIED = "42501";

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  ScanStore scans;
  @Autowired
  DoorEventLog doorEvents;

  @ParameterizedTest
  @ValueSource(strings = {
      "update audit_event set username = 'nobody'",
      "delete from audit_event",
      "truncate audit_event",
      "alter table audit_event disable trigger audit_event_no_update",
      "drop trigger audit_event_no_update on audit_event"})
  void theRuntimeConnectionCannotChangeOrDeleteAuditEvents(String sql) throws SQLException {
    assertThat(refusal(sql)).as(sql).isEqualTo(PERMISSION_DENIED);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "alter table person add column smuggled text",
      "drop table venue",
      "drop index audit_event_at",
      "create table smuggled (id int)",
      "create or replace function audit_event_append_only() returns trigger language plpgsql as $$ begin return"
          + " new; end $$",
      "alter table person owner to current_user",
      "truncate person cascade"})
  void theRuntimeConnectionCannotChangeTheSchema(String sql) throws SQLException {
    assertThat(refusal(sql)).as(sql).isEqualTo(PERMISSION_DENIED);
  }

  @Test
  void theRuntimeConnectionStillAddsToTheAuditTrailAndReadsIt() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("insert into audit_event (at, username, action, subject_type) values (now(), 'probe',"
            + " 'READ', 'PROBE')");
        statement.execute("select count(*) from audit_event");
      } finally {
        connection.rollback();
      }
    }
    assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
        .query(Boolean.class).single()).as("the runtime role has no special attributes").isFalse();
    assertThat(jdbc.sql("select pg_get_userbyid(relowner) <> current_user from pg_class where relname = 'audit_event'")
        .query(Boolean.class).single()).as("the runtime role does not own the schema").isTrue();
  }

  @Test
  void aNewDayOfVenueScansGetsItsPartition() {
    LocalDate day = LocalDate.of(2031, 3, 14);
    transactions.executeWithoutResult(tx -> scans.ensurePartitions(List.of(day), ZoneId.of("Asia/Shanghai")));
    assertThat(bounds("venue_scan_p20310314")).isEqualTo(
        "FOR VALUES FROM ('2031-03-13 16:00:00+00') TO ('2031-03-14 16:00:00+00')");
    transactions.executeWithoutResult(tx -> scans.ensurePartitions(List.of(day), ZoneId.of("Asia/Shanghai")));
    assertThat(bounds("venue_scan_p20310314")).as("asked again: still the one partition").isNotNull();
  }

  @Test
  void theDoorEventPartitionsAheadAreCreated() {
    assertThat(doorEvents.ensurePartitions(LocalDate.of(2032, 7, 1))).isEqualTo(9);
    assertThat(bounds("quarantine_door_event_20320704")).isEqualTo(
        "FOR VALUES FROM ('2032-07-04 00:00:00+00') TO ('2032-07-05 00:00:00+00')");
    assertThat(doorEvents.ensurePartitions(LocalDate.of(2032, 7, 1))).as("all there already").isZero();
  }

  @Test
  void theDemoCitysBulkLoadPutBackEveryKeyAndIndexAndVacuumedTheRegistry() {
    // the demo city of the test context was loaded by PersonBulkLoad into an empty registry: the path
    // that drops the keys and indexes, copies, rebuilds them and vacuums
    assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isGreaterThan(1000);
    List<String> constraints = jdbc.sql("""
        select conname from pg_constraint where conrelid in ('person'::regclass, 'household'::regclass)
          and contype in ('p', 'f') order by conname""").query(String.class).list();
    assertThat(constraints).contains("person_pkey", "household_pkey", "person_household_id_fkey");
    assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = 'person'").query(Integer.class).single())
        .isGreaterThan(3);
    assertThat(jdbc.sql("select coalesce(last_vacuum, last_autovacuum) is not null from pg_stat_user_tables"
        + " where relname = 'person'").query(Boolean.class).single()).as("the registry was vacuumed").isTrue();
  }

  /** A partition's bounds as PostgreSQL shows them in UTC, or null when there is no such partition. */
  private String bounds(String partition) {
    return transactions.execute(tx -> {
      jdbc.sql("set local time zone 'UTC'").update();
      return jdbc.sql("select pg_get_expr(relpartbound, oid) from pg_class where oid = to_regclass(:p)")
          .param("p", partition).query(String.class).optional().orElse(null);
    });
  }

  /** The SQLSTATE with which the runtime connection refuses {@code sql}, or null when it was allowed. */
  private String refusal(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
        return refused == null ? null : refused.getSQLState();
      } finally {
        connection.rollback();
      }
    }
  }
}
