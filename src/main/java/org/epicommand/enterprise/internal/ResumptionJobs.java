package org.epicommand.enterprise.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLAs: an application past the day of its stage (material review, site inspection) is reported to
 * the command office's inbox once per stage; the sweep runs every {@code epicommand.enterprise.overdue-sweep}.
 */
@Component
class ResumptionJobs {

  static final int BATCH = 500;

  private final ApplicationStore applications;
  private final ResumptionNotices notices;
  private final Clock clock;

  ResumptionJobs(ApplicationStore applications, ResumptionNotices notices, Clock clock) {
    this.applications = applications;
    this.notices = notices;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${epicommand.enterprise.overdue-sweep:10m}", initialDelayString = "PT1M")
  @Transactional
  public int reportOverdue() {
    int reported = 0;
    for (ApplicationRow row : applications.overdueToReport(LocalDate.now(clock), BATCH)) {
      String stage = row.state().name().equals("SITE_INSPECTION") ? "现场验收" : "材料审核";
      notices.toOffice(row.organisationPath(), "RESUMPTION_OVERDUE", stage + "超期：" + row.organisationName(),
          "期限 " + (row.inspectionDue() != null && stage.equals("现场验收") ? row.inspectionDue() : row.reviewDue()),
          "/enterprise/applications/" + row.id());
      reported++;
    }
    return reported;
  }
}
