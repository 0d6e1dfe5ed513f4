package org.epicommand.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.*}: the city's zone, the data directory and the database. With no
 * {@code epicommand.db.url} (environment {@code EPICOMMAND_DB_URL}) the platform starts its own
 * embedded PostgreSQL in {@code <data directory>/pg}.
 */
@ConfigurationProperties("epicommand")
public record PlatformProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("data") Path dataDirectory,
    @DefaultValue Db db) {

  /**
   * {@code connectionTimeout}: how long a request waits for a database connection before it is
   * answered 503 (a lost database must not hold requests for long). {@code user}: the runtime role of
   * an external database (rows only); {@code ownerUser}: the role that owns the schema and runs the
   * migrations (unset: the runtime role does both, as before least privilege).
   */
  public record Db(String url, String user, String password, String ownerUser, String ownerPassword,
      @DefaultValue("5s") Duration connectionTimeout, @DefaultValue Embedded embedded) {

    @ConstructorBinding
    public Db {
    }

    public Db(String url, String user, String password, Duration connectionTimeout, Embedded embedded) {
      this(url, user, password, null, null, connectionTimeout, embedded);
    }

    public boolean external() {
      return url != null && !url.isBlank();
    }

    /** Whether an external database has a schema owner of its own, apart from the runtime role. */
    public boolean separateOwner() {
      return ownerUser != null && !ownerUser.isBlank() && !ownerUser.equals(user);
    }
  }

  /**
   * The embedded server: its data directory (kept across restarts; durable: fsync, synchronous
   * commit, full-page writes and data checksums) or, for tests, an ephemeral directory that is
   * thrown away when the JVM ends and runs without those. {@code restartDelay}: the pause before a
   * dead server is started again. {@code serverConfig} goes to the server's command line.
   */
  public record Embedded(
      @DefaultValue("data/pg") Path dataDirectory,
      @DefaultValue("false") boolean ephemeral,
      @DefaultValue("0") int port,
      @DefaultValue("1s") Duration restartDelay,
      Map<String, String> serverConfig) {

    @ConstructorBinding
    public Embedded {
      serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }

    public Embedded(Path dataDirectory, boolean ephemeral, int port, Map<String, String> serverConfig) {
      this(dataDirectory, ephemeral, port, Duration.ofSeconds(1), serverConfig);
    }
  }
}
