package org.epicommand.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: the external PostgreSQL named by {@code EPICOMMAND_DB_URL}, or else the
 * embedded server. The pool is closed before the embedded server stops.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  DataSource dataSource(PlatformProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("epicommand");
    config.setMaximumPoolSize(20);
    PlatformProperties.Db db = properties.db();
    if (db.external()) {
      config.setJdbcUrl(db.url());
      config.setUsername(db.user());
      config.setPassword(db.password());
      return new HikariDataSource(config);
    }
    EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(db.embedded());
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername("postgres");
    return new EmbeddedPoolDataSource(config, server);
  }

  /** A pool that releases its embedded server after its own connections are closed. */
  static final class EmbeddedPoolDataSource extends HikariDataSource {

    private final EmbeddedPostgresServer server;

    EmbeddedPoolDataSource(HikariConfig config, EmbeddedPostgresServer server) {
      super(config);
      this.server = server;
    }

    @Override
    public void close() {
      try {
        super.close();
      } finally {
        server.release();
      }
    }
  }
}
