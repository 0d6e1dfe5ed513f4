package org.epicommand.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.command.internal.CommandProperties;
import org.epicommand.command.internal.DailyReportStore;
import org.epicommand.command.internal.OrganisationStore;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chases daily reports: before the deadline each unit that has not filed is reminded once; after it,
 * the command office is told once which units are missing (escalation of the missing, docs/domain.md §14).
 */
@Service
public class ReportReminders {

  static final String ALL_UNITS = "*";

  private final DailyReporting reporting;
  private final DailyReportStore store;
  private final OrganisationStore organisation;
  private final Notifications notifications;
  private final Duration lead;
  private final Clock clock;

  ReportReminders(DailyReporting reporting, DailyReportStore store, OrganisationStore organisation,
      Notifications notifications, CommandProperties properties, Clock clock) {
    this.reporting = reporting;
    this.store = store;
    this.organisation = organisation;
    this.notifications = notifications;
    this.lead = properties.reportReminderLead();
    this.clock = clock;
  }

  /** Sends what is due at {@code now} and returns how many notices went out (the scheduler passes the clock's instant).
   * */
  @Transactional
  public int remind(Instant now) {
    int sent = 0;
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    for (ReportTemplate template : store.templates()) {
      for (LocalDate day : List.of(today.minusDays(2), today.minusDays(1), today)) {
        Instant deadline = reporting.deadline(template, day);
        boolean beforeDeadline = now.isBefore(deadline) && !now.isBefore(deadline.minus(lead));
        boolean justAfter = !now.isBefore(deadline) && now.isBefore(deadline.plus(Duration.ofDays(1)));
        if (!beforeDeadline && !justAfter) {
          continue;
        }
        List<DailyReporting.Completeness> missing = reporting.completeness(template.id(), day).stream()
            .filter(row -> row.status() == ReportStatus.MISSING).toList();
        if (beforeDeadline) {
          for (DailyReporting.Completeness row : missing) {
            List<String> members = organisation.members(row.unitCode());
            if (!members.isEmpty() && store.markAlert(template.id(), day, row.unitCode(), "REMIND", now)) {
              notifications.send(Notice.toUsers(members, "REPORT_REMINDER", "【日报提醒】" + template.name() + " " + day,
                  "请于 " + day.plusDays(1) + " " + template.deadline() + " 前报送（无情况请零报告）",
                  "/command/reports/file?date=" + day));
              sent++;
            }
          }
        } else if (!missing.isEmpty()) {
          List<String> office = organisation.membersOfKind(UnitKind.OFFICE);
          if (!office.isEmpty() && store.markAlert(template.id(), day, ALL_UNITS, "MISSING", now)) {
            String units = String.join("、", missing.stream().map(DailyReporting.Completeness::unitName).toList());
            notifications.send(Notice.toUsers(office, "REPORT_MISSING",
                "【缺报】" + template.name() + " " + day + "：" + missing.size() + " 个单位未按时报送", units,
                "/command/reports?to=" + day));
            sent++;
          }
        }
      }
    }
    return sent;
  }
}
