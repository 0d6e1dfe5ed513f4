package org.epicommand.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.epicommand.supervision.ProblemOverdue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes {@link ProblemOverdue} once for each problem whose deadline has passed unsettled. The
 * overdue flag itself is computed on every read; this only feeds notifications.
 */
@Component
public class OverdueSweep {

  private final ProblemStore problems;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OverdueSweep(ProblemStore problems, ApplicationEventPublisher events, Clock clock) {
    this.problems = problems;
    this.events = events;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${epicommand.supervision.overdue-sweep:10m}", initialDelayString = "1m")
  @Transactional
  public int sweep() {
    int published = 0;
    for (ProblemItem item : problems.newlyOverdue(LocalDate.now(clock), 500)) {
      events.publishEvent(new ProblemOverdue(item.id().toString(), item.unitCode(), item.deadline()));
      problems.markOverdueNotified(item.id(), clock.instant());
      published++;
    }
    return published;
  }
}
