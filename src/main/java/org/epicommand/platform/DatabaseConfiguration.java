package org.epicommand.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's DataSource: the external PostgreSQL named by {@code EPICOMMAND_DB_URL}, or else the
 * embedded server, as the runtime role (rows only); the schema owner's connections apart from it
 * ({@link DatabaseMaintenance}). The pool is closed before the embedded server stops. A request waits at most
 * {@code epicommand.db.connection-timeout} for a connection; an external database that cannot be
 * reached at start-up stops the start with the database's own words.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  DatabaseAvailability databaseAvailability() {
    return new DatabaseAvailability();
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(PlatformProperties properties, DatabaseAvailability availability) {
    HikariConfig config = poolConfig("epicommand", 20, properties.db());
    PlatformProperties.Db db = properties.db();
    if (db.external()) {
      checkReachable(db.url(), db.user(), db.password());
      config.setJdbcUrl(db.url());
      config.setUsername(db.user());
      config.setPassword(db.password());
      availability.probes(db.url(), db.user(), db.password());
      return evictedOnOutage(new HikariDataSource(config), availability);
    }
    EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(db.embedded());
    try {
      DatabaseRoles.prepareEmbedded(server.jdbcUrl());
      String url = server.jdbcUrl(DatabaseRoles.EMBEDDED_RUNTIME);
      config.setJdbcUrl(url);
      config.setUsername(DatabaseRoles.EMBEDDED_RUNTIME);
      availability.probes(url, DatabaseRoles.EMBEDDED_RUNTIME, null);
      return evictedOnOutage(new EmbeddedPoolDataSource(config, server, availability), availability);
    } catch (RuntimeException e) {
      server.release();
      throw e;
    }
  }

  /**
   * The schema owner's connections (a pool of at most two, none kept idle), made after the
   * application's pool and closed before it; with an external database without an owner role of its
   * own, the application's pool.
   */
  @Bean(destroyMethod = "close")
  DatabaseMaintenance databaseMaintenance(PlatformProperties properties, DataSource dataSource) {
    PlatformProperties.Db db = properties.db();
    HikariConfig config = poolConfig("epicommand-owner", 2, db);
    config.setMinimumIdle(0);
    config.setIdleTimeout(10_000);
    if (db.external()) {
      if (!db.separateOwner()) {
        log.warn("No epicommand.db.owner-user: the role {} both owns the schema and runs the application"
            + " (least privilege needs two roles, see docs/operations.md)", db.user());
        return new DatabaseMaintenance(dataSource, null, () -> { });
      }
      checkReachable(db.url(), db.ownerUser(), db.ownerPassword());
      config.setJdbcUrl(db.url());
      config.setUsername(db.ownerUser());
      config.setPassword(db.ownerPassword());
      HikariDataSource owner = new HikariDataSource(config);
      return new DatabaseMaintenance(owner, db.user(), owner::close);
    }
    EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(db.embedded());
    config.setJdbcUrl(server.jdbcUrl(DatabaseRoles.EMBEDDED_OWNER));
    config.setUsername(DatabaseRoles.EMBEDDED_OWNER);
    HikariDataSource owner = new HikariDataSource(config);
    return new DatabaseMaintenance(owner, DatabaseRoles.EMBEDDED_RUNTIME, () -> {
      try {
        owner.close();
      } finally {
        server.release();
      }
    });
  }

  /**
   * Flyway migrates as the schema's owner; the runtime role's rights follow every migration. A migration that
   * turns times into the city's days names the zone as {@code ${zone}}.
   */
  @Bean
  FlywayConfigurationCustomizer ownerMigrates(DatabaseMaintenance maintenance, PlatformProperties properties) {
    return configuration -> configuration.dataSource(maintenance.dataSource())
        .placeholders(java.util.Map.of("zone", properties.zone().getId()));
  }

  @Bean
  FlywayMigrationStrategy migrateThenGrant(DatabaseMaintenance maintenance) {
    return flyway -> {
      flyway.migrate();
      maintenance.grantRuntime();
    };
  }

  private static HikariConfig poolConfig(String name, int size, PlatformProperties.Db db) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(db.connectionTimeout().toMillis());
    config.setValidationTimeout(Math.min(2000, db.connectionTimeout().toMillis() - 1));
    config.addDataSourceProperty("connectTimeout", "5");
    config.addDataSourceProperty("tcpKeepAlive", "true");
    return config;
  }

  /** The pooled connections of a lost server are dropped at once, not found broken one by one. */
  private static HikariDataSource evictedOnOutage(HikariDataSource pool, DatabaseAvailability availability) {
    availability.onOutage(() -> {
      if (pool.getHikariPoolMXBean() != null) {
        pool.getHikariPoolMXBean().softEvictConnections();
      }
    });
    return pool;
  }

  /** The health check's "db": DOWN at once while the database is known to be unavailable. */
  @Bean
  HealthIndicator dbHealthIndicator(DataSource dataSource, DatabaseAvailability availability) {
    return () -> {
      if (!availability.available()) {
        return Health.down().withDetail("error", availability.outage().orElse("unavailable")).build();
      }
      try (Connection connection = dataSource.getConnection()) {
        return connection.isValid(2) ? Health.up().withDetail("database", "PostgreSQL").build() : Health.down().build();
      } catch (SQLException | RuntimeException e) {
        availability.reportFailure(e);
        return Health.down(e).build();
      }
    };
  }

  /** One connection before the pool is made, so that a wrong password or host is the first and only error. */
  static void checkReachable(String url, String user, String password) {
    Properties login = new Properties();
    if (user != null && !user.isBlank()) {
      login.setProperty("user", user);
    }
    if (password != null) {
      login.setProperty("password", password);
    }
    login.setProperty("connectTimeout", "10");
    try (Connection ignored = DriverManager.getConnection(url, login)) {
      // reachable
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to the database " + url
          + (user == null || user.isBlank() ? "" : " as " + user) + ": " + e.getMessage()
          + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), e);
    }
  }

  /** A pool that releases its embedded server after its own connections are closed. */
  static final class EmbeddedPoolDataSource extends HikariDataSource {

    private final EmbeddedPostgresServer server;
    private final DatabaseAvailability availability;

    EmbeddedPoolDataSource(HikariConfig config, EmbeddedPostgresServer server, DatabaseAvailability availability) {
      super(config);
      this.server = server;
      this.availability = availability;
      server.addListener(availability);
    }

    @Override
    public void close() {
      server.removeListener(availability);
      try {
        super.close();
      } finally {
        server.release();
      }
    }
  }
}
