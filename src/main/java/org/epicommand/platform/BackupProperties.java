package org.epicommand.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.backup.*}: scheduled backups. {@code cron} (a Spring cron expression in the
 * city's zone, e.g. {@code 0 30 2 * * *}; "-" = none) writes a backup into
 * {@code directory/epicommand-<date>-<time>} (default {@code <data directory>/backups}) and keeps
 * the newest {@code retention} of them.
 */
@ConfigurationProperties("epicommand.backup")
public record BackupProperties(@DefaultValue("data/backups") Path directory, @DefaultValue("-") String cron,
    @DefaultValue("7") int retention) {

  public BackupProperties {
    if (retention < 1) {
      throw new IllegalArgumentException("epicommand.backup.retention must be at least 1, not " + retention);
    }
  }
}
