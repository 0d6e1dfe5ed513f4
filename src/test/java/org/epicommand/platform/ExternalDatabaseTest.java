package org.epicommand.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.epicommand.EpiCommandApplication;
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
 * server), seeds no demo city, and creates the three first administrators (system, security, audit)
 * with generated passwords that are printed once and must be changed at the first login.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseTest {

  @TempDir
  Path temp;

  @Test
  void anExternalDatabaseGetsNoDemoDataAndAGeneratedAdministratorPassword(CapturedOutput output) {
    EmbeddedPostgresServer external = EmbeddedPostgresServer.acquire(
        new PlatformProperties.Embedded(temp.resolve("external"), false, 0, Map.of()));
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EpiCommandApplication.class)
        .run("--epicommand.db.url=" + external.jdbcUrl(), "--epicommand.db.user=postgres", "--server.port=0",
            "--epicommand.imports.spool-directory=" + temp.resolve("spool"))) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
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
