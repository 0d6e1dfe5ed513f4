package org.epicommand.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.epicommand.analytics.Bulletins;
import org.epicommand.imports.ImportPrincipals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: yesterday's bulletin drafted from the data by the demo commander, approved and published by the
 * command office (four eyes), so that {@code /public/bulletins} shows one. Runs once (when no bulletin exists yet).
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class BulletinDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BulletinDemo.class);

  private final Bulletins bulletins;
  private final ImportPrincipals principals;
  private final Clock clock;

  BulletinDemo(Bulletins bulletins, ImportPrincipals principals, Clock clock) {
    this.bulletins = bulletins;
    this.principals = principals;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    LocalDate yesterday = LocalDate.now(clock).minusDays(1);
    boolean[] drafted = new boolean[1];
    principals.runAs("commander", () -> {
      if (bulletins.list().isEmpty()) {
        bulletins.draft(yesterday);
        drafted[0] = true;
      }
    });
    if (drafted[0]) {
      principals.runAs("office", () -> {
        bulletins.approve(yesterday);
        bulletins.publish(yesterday);
      });
      log.info("Demo bulletin of {} published", yesterday);
    }
  }
}
