package org.epicommand.platform;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.*}: the city's zone and the database. With no {@code epicommand.db.url}
 * (environment {@code EPICOMMAND_DB_URL}) the platform starts its own embedded PostgreSQL.
 */
@ConfigurationProperties("epicommand")
public record PlatformProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue Db db) {

  public record Db(String url, String user, String password, @DefaultValue Embedded embedded) {

    public boolean external() {
      return url != null && !url.isBlank();
    }
  }

  /**
   * The embedded server: its data directory (kept across restarts) or, for tests, an ephemeral
   * directory that is thrown away when the JVM ends. {@code serverConfig} goes to postgresql.conf.
   */
  public record Embedded(
      @DefaultValue("data/pg") Path dataDirectory,
      @DefaultValue("false") boolean ephemeral,
      @DefaultValue("0") int port,
      Map<String, String> serverConfig) {

    public Embedded {
      serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }
  }
}
