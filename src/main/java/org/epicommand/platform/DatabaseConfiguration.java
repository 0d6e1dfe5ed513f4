package org.epicommand.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: the external PostgreSQL named by {@code EPICOMMAND_DB_URL}, or else the
 * embedded server. The pool is closed before the embedded server stops. A request waits at most
 * {@code epicommand.db.connection-timeout} for a connection; an external database that cannot be
 * reached at start-up stops the start with the database's own words.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  DatabaseAvailability databaseAvailability() {
    return new DatabaseAvailability();
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(PlatformProperties properties, DatabaseAvailability availability) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("epicommand");
    config.setMaximumPoolSize(20);
    config.setConnectionTimeout(properties.db().connectionTimeout().toMillis());
    config.setValidationTimeout(Math.min(2000, properties.db().connectionTimeout().toMillis() - 1));
    config.addDataSourceProperty("connectTimeout", "5");
    config.addDataSourceProperty("tcpKeepAlive", "true");
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
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername("postgres");
    availability.probes(server.jdbcUrl(), "postgres", null);
    try {
      return evictedOnOutage(new EmbeddedPoolDataSource(config, server, availability), availability);
    } catch (RuntimeException e) {
      server.release();
      throw e;
    }
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
