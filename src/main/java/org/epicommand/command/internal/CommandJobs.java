package org.epicommand.command.internal;

import java.time.Clock;
import org.epicommand.command.CommandTasks;
import org.epicommand.command.ReportReminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The command post's background jobs: overdue tasks to the command office, daily-report reminders. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandProperties.class)
class CommandJobs {

  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @ConditionalOnProperty(name = "epicommand.command.jobs-enabled", havingValue = "true", matchIfMissing = true)
  static class Schedule {

    private static final Logger log = LoggerFactory.getLogger(Schedule.class);

    private final CommandTasks tasks;
    private final ReportReminders reminders;
    private final Clock clock;

    Schedule(CommandTasks tasks, ReportReminders reminders, Clock clock) {
      this.tasks = tasks;
      this.reminders = reminders;
      this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${epicommand.command.job-interval:PT5M}",
        initialDelayString = "${epicommand.command.job-interval:PT5M}")
    void run() {
      int escalated = tasks.escalateOverdue(clock.instant());
      int reminded = reminders.remind(clock.instant());
      if (escalated + reminded > 0) {
        log.info("Command jobs: {} overdue task(s) escalated, {} report notice(s) sent", escalated, reminded);
      }
    }
  }
}
