package org.epicommand.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The operator's commands {@code backup <dir>} and {@code restore <dir> [--force]}, run instead of
 * the platform ({@code java -jar epicommand.jar backup /backups/today}). They read the same
 * configuration as the platform (application.properties, environment, {@code --name=value}) in a
 * small context of their own: no web server, no migrations.
 */
final class DataCommands {

  private static final Logger log = LoggerFactory.getLogger(DataCommands.class);
  private static final String USAGE = "usage: backup <directory> | restore <directory> [--force]  [--name=value ...]";

  private DataCommands() {}

  static boolean handles(String[] args) {
    return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
  }

  /** Runs the command and returns the process's exit status: 0 done, 1 failed, 2 misused. */
  static int run(String[] args) {
    String command = args[0];
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    boolean force = rest.remove("--force");
    List<String> directories = rest.stream().filter(a -> !a.startsWith("--")).toList();
    String[] properties = rest.stream().filter(a -> a.startsWith("--")).toArray(String[]::new);
    if (directories.size() != 1 || force && command.equals("backup")) {
      System.err.println(USAGE);
      return 2;
    }
    Path directory = Path.of(directories.get(0));
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandContext.class)
        .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(properties)) {
      Backups backups = context.getBean(Backups.class);
      Backups.Summary summary = command.equals("backup") ? backups.backup(directory) : backups.restore(directory,
          force);
      System.out.println(command + " done: " + summary.directory() + " (backup of " + summary.created() + ", database "
          + summary.databaseBytes() / (1 << 20) + " MB, " + summary.photos() + " photos, " + summary.importFiles()
          + " import files)");
      return 0;
    } catch (RuntimeException e) {
      log.error("{} failed: {}", command, StartupFailureReport.rootCause(e).getMessage());
      return 1;
    }
  }

  /** The command's context: the settings and the backups, nothing else. */
  @EnableConfigurationProperties({PlatformProperties.class, BackupProperties.class})
  static class CommandContext {

    @Bean
    Backups backups(PlatformProperties platform, BackupProperties settings, Environment environment) {
      return new Backups(platform, settings, environment);
    }
  }
}
