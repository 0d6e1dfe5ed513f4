package org.epicommand.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.EpiCommandApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A city's own installation for tests that must start from nothing: the application outside demo
 * mode (no seeder, no demo accounts) on a PostgreSQL server of its own, thrown away afterwards —
 * as a city CDC runs it against its own database. The first administrators' passwords are chosen here.
 */
public final class CityInstallation implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "Start2022setup";
  public static final String SECURITY_PASSWORD = "Guard2022setup";
  public static final String AUDITOR_PASSWORD = "Audit2022setup";
  /** A fixed key for the informants' details (32 bytes in Base64): a city sets its own. */
  public static final String INFORMANT_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  private final EmbeddedPostgres database;
  private final ConfigurableApplicationContext context;
  private final MovableClock clock;
  private final Api api;

  private CityInstallation(EmbeddedPostgres database, ConfigurableApplicationContext context, MovableClock clock) {
    this.database = database;
    this.context = context;
    this.clock = clock;
    this.api = new Api(context.getEnvironment());
  }

  /** Starts a new installation; {@code properties} are extra {@code --name=value} arguments. */
  public static CityInstallation start(Path workDirectory, String... properties) {
    EmbeddedPostgres database;
    try {
      Files.createDirectories(workDirectory);
      database = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> arguments = new ArrayList<>(List.of(
        "--epicommand.db.url=" + database.getJdbcUrl("postgres", "postgres"), "--epicommand.db.user=postgres",
        "--epicommand.account.admin-password=" + ADMIN_PASSWORD,
        "--epicommand.account.security-password=" + SECURITY_PASSWORD,
        "--epicommand.account.auditor-password=" + AUDITOR_PASSWORD, "--server.port=0",
        "--epicommand.tipoff.informant-key=" + INFORMANT_KEY,
        "--epicommand.data-directory=" + workDirectory.resolve("data"),
        "--epicommand.quarantine.mqtt.enabled=false", "--epicommand.quarantine.jobs=false",
        "--epicommand.movement.jobs=false"));
    arguments.addAll(List.of(properties));
    MovableClock clock = new MovableClock(java.time.ZoneId.of("Asia/Shanghai"));
    try {
      return new CityInstallation(database,
          new SpringApplicationBuilder(EpiCommandApplication.class)
              .initializers(context -> context.getBeanFactory().registerSingleton("cityClock", clock))
              .run(arguments.toArray(String[]::new)), clock);
    } catch (RuntimeException failed) {
      closeQuietly(database);
      throw failed;
    }
  }

  /** The installation's clock: the system's, until a test lets time pass. */
  public MovableClock clock() {
    return clock;
  }

  /** HTTP to this installation; {@code as(user, password)} for its accounts. */
  public Api api() {
    return api;
  }

  /** The first administrator, as created on the empty database. */
  public Api.Caller admin() {
    return api.as("admin", ADMIN_PASSWORD);
  }

  /** The first security administrator ({@code security}), as created on the empty database. */
  public Api.Caller security() {
    return api.as("security", SECURITY_PASSWORD);
  }

  /** The first audit administrator ({@code auditor}), as created on the empty database. */
  public Api.Caller auditor() {
    return api.as("auditor", AUDITOR_PASSWORD);
  }

  public JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
  }

  @Override
  public void close() {
    context.close();
    closeQuietly(database);
  }

  private static void closeQuietly(EmbeddedPostgres database) {
    try {
      database.close();
    } catch (IOException ignored) {
      // the server's files go with the JVM's temporary directory
    }
  }
}
