package org.epicommand.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data directory from before the owner and runtime roles (every object the superuser's) is handed
 * over at its first start: tables, partitions, sequences, functions and types change hands, and the
 * hand-over can run again without harm.
 */
class DatabaseRolesTest {

  @TempDir
  Path temp;

  @Test
  void theSuperusersObjectsOfAnOlderDataDirectoryPassToTheOwnerRole() {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(
        new PlatformProperties.Embedded(temp.resolve("pg"), false, 0, Map.of()));
    try (SingleConnectionDataSource superuser = new SingleConnectionDataSource(server.jdbcUrl(), true)) {
      JdbcClient jdbc = JdbcClient.create(superuser);
      jdbc.sql("""
          create type old_state as enum ('A', 'B');
          create sequence old_counter;
          create table old_table (id bigint generated always as identity primary key, state old_state,
            n serial);
          create table old_day (at timestamptz not null) partition by range (at);
          create table old_day_p1 partition of old_day for values from ('2026-01-01') to ('2026-01-02');
          create function old_function() returns int language sql as 'select 1';
          create view old_view as select id from old_table""").update();

      DatabaseRoles.prepareEmbedded(server.jdbcUrl());
      DatabaseRoles.prepareEmbedded(server.jdbcUrl());

      assertThat(jdbc.sql("""
          select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace
            and c.relowner <> 'epicommand_owner'::regrole""").query(String.class).list())
          .as("tables, partitions, indexes, sequences, views").isEmpty();
      assertThat(jdbc.sql("select count(*) from pg_class where relnamespace = 'public'::regnamespace")
          .query(Integer.class).single()).as("2 tables, a partition, a view, an index, 3 sequences").isEqualTo(8);
      assertThat(jdbc.sql("select pg_get_userbyid(proowner) from pg_proc where proname = 'old_function'")
          .query(String.class).single()).isEqualTo("epicommand_owner");
      assertThat(jdbc.sql("select pg_get_userbyid(typowner) from pg_type where typname = 'old_state'")
          .query(String.class).single()).isEqualTo("epicommand_owner");
      assertThat(jdbc.sql("select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'public'")
          .query(String.class).single()).isEqualTo("epicommand_owner");
      assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = 'epicommand_app'").query(Boolean.class)
          .single()).isFalse();
    } finally {
      server.release();
    }
  }
}
