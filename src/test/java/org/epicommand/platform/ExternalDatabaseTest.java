package org.epicommand.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.epicommand.EpiCommandApplication;
import org.epicommand.support.CityInstallation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With EPICOMMAND_DB_URL the platform uses that PostgreSQL (here: a second, separate PostgreSQL
 * server) — migrating as the owner role, running as the runtime role —, seeds no demo city, and
 * creates the three first administrators (system, security, audit)
 * with generated passwords that are printed once and must be changed at the first login.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseTest {

  @TempDir
  Path temp;

  @Test
  void anExternalDatabaseGetsNoDemoDataAndAGeneratedAdministratorPassword(CapturedOutput output) throws Exception {
    EmbeddedPostgresServer external = EmbeddedPostgresServer.acquire(
        new PlatformProperties.Embedded(temp.resolve("external"), false, 0, Map.of()));
    // what the database administrator runs (docs/operations.md): two roles, a database the owner role owns
    try (Connection dba = DriverManager.getConnection(external.jdbcUrl());
         Statement statement = dba.createStatement()) {
      statement.execute("create role city_owner login password 'owner-secret'");
      statement.execute("create role city_app login password 'app-secret'");
      statement.execute("create database city owner city_owner encoding 'UTF8' lc_collate 'C' lc_ctype 'C'"
          + " template template0");
      statement.execute("revoke all on database city from public");
      statement.execute("grant connect, temporary on database city to city_app");
    }
    String url = "jdbc:postgresql://localhost:" + external.port() + "/city";
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EpiCommandApplication.class)
        .run("--epicommand.db.url=" + url, "--epicommand.db.user=city_app", "--epicommand.db.password=app-secret",
            "--epicommand.db.owner-user=city_owner", "--epicommand.db.owner-password=owner-secret",
            "--server.port=0", "--epicommand.imports.spool-directory=" + temp.resolve("spool"),
            "--epicommand.tipoff.informant-key=" + CityInstallation.INFORMANT_KEY)) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select current_user || ' ' || pg_get_userbyid(relowner) from pg_class"
          + " where relname = 'audit_event'").query(String.class).single())
          .as("the application runs as the runtime role, the owner role owns the tables")
          .isEqualTo("city_app city_owner");
      assertThatThrownBy(() -> jdbc.sql("drop table audit_event").update()).rootCause()
          .hasMessageContaining("must be owner");
      assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).rootCause()
          .hasMessageContaining("permission denied");
      assertThat(jdbc.sql("select username from account_user where must_change_password order by username")
          .query(String.class).list()).containsExactly("admin", "auditor", "security");
      assertThat(jdbc.sql("select count(*) from jurisdiction where code = '990100'").query(Long.class).single())
          .isZero();
      assertThat(context.getEnvironment().getProperty("epicommand.demo.enabled")).isEqualTo("false");
      assertThat(output.getOut())
          .containsPattern("First administrator created: username 'admin' \\(ADMIN\\), password '[A-Za-z0-9]{14}'")
          .containsPattern("username 'security' \\(SECURITY_ADMIN\\), password '[A-Za-z0-9]{14}'")
          .containsPattern("username 'auditor' \\(AUDITOR\\), password '[A-Za-z0-9]{14}'");
    } finally {
      external.release();
    }
  }
}
