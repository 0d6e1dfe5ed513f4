package org.epicommand.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One data root, {@code epicommand.data-directory} (default {@code ./data}), resolved to an
 * absolute path when the application starts, holds everything the platform keeps on disk: the
 * embedded database ({@code pg}), the supervision photos ({@code photos}), the import spool
 * ({@code imports}) and, by default, the backups ({@code backups}). Each can still be set on its
 * own; a relative setting is resolved against the working directory at start, so that a later
 * change of directory cannot make the platform look elsewhere.
 */
public class DataDirectoryDefaults implements EnvironmentPostProcessor {

  static final String ROOT = "epicommand.data-directory";
  private static final String DISK_SPACE = "management.health.diskspace.path";
  static final Map<String, String> PARTS = Map.of(
      "epicommand.db.embedded.data-directory", "pg",
      "epicommand.supervision.photo-directory", "photos",
      "epicommand.imports.spool-directory", "imports",
      "epicommand.backup.directory", "backups");

  private final Log log;

  public DataDirectoryDefaults(DeferredLogFactory logs) {
    this.log = logs.getLog(DataDirectoryDefaults.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Path root = absolute(environment.getProperty(ROOT, "data"));
    Map<String, Object> resolved = new LinkedHashMap<>();
    resolved.put(ROOT, root.toString());
    PARTS.forEach((key, part) -> {
      String explicit = environment.getProperty(key);
      resolved.put(key, (explicit == null || explicit.isBlank() ? root.resolve(part) : absolute(explicit)).toString());
    });
    if (environment.getProperty(DISK_SPACE) == null) {
      // the health check's free-space test looks at the disk that holds the data (it may not exist yet)
      Path existing = root;
      while (existing.getParent() != null && !Files.isDirectory(existing)) {
        existing = existing.getParent();
      }
      resolved.put(DISK_SPACE, existing.toString());
    }
    environment.getPropertySources().addFirst(new MapPropertySource("epicommandDataDirectories", resolved));
    String url = environment.getProperty("epicommand.db.url");
    String database = url == null || url.isBlank() ? resolved.get("epicommand.db.embedded.data-directory").toString()
        : "external";
    log.info("Data directory " + root + " (database " + database + ", photos "
        + resolved.get("epicommand.supervision.photo-directory") + ", import spool "
        + resolved.get("epicommand.imports.spool-directory") + ")");
  }

  private static Path absolute(String path) {
    return Path.of(path).toAbsolutePath().normalize();
  }
}
