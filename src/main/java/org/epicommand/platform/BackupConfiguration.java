package org.epicommand.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The backups of the running platform (scheduled by {@code epicommand.backup.cron}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(BackupProperties.class)
class BackupConfiguration {

  @Bean
  Backups backups(PlatformProperties platform, BackupProperties settings, Environment environment) {
    return new Backups(platform, settings, environment);
  }
}
