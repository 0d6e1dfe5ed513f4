package org.epicommand.quarantine.internal;

import java.time.Clock;
import java.time.Instant;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.quarantine.SiteActivation;
import org.epicommand.quarantine.SitePosts;
import org.epicommand.quarantine.Transfers;
import org.springframework.context.ApplicationContext;

/**
 * The quarantine module's scheduled jobs, run by a test the way the scheduler runs them (they are off in the tests'
 * application: {@code epicommand.quarantine.jobs=false}).
 */
public final class QuarantineJobRuns {

  private QuarantineJobRuns() {}

  /**
   * The nightly end of the site posts whose planned last day passed ({@code epicommand.quarantine.planned-end}), run as
   * the scheduler would run it {@code at} that moment; the application's clock is not moved.
   */
  public static void endPlannedLoops(ApplicationContext context, Instant at) {
    jobs(context).endPlannedLoops(at);
  }

  /** The start-up step that brings site staff's key-group memberships in line with their posts. */
  public static void alignSiteStaffMemberships(ApplicationContext context) {
    jobs(context).alignSiteStaffMemberships();
  }

  private static QuarantineJobs jobs(ApplicationContext context) {
    return new QuarantineJobs(context.getBean(HealthChecks.class), context.getBean(Transfers.class),
        context.getBean(Clock.class), context.getBean(SiteActivation.class), context.getBean(SitePosts.class),
        context.getBean(org.epicommand.platform.DailyRuns.class));
  }
}
