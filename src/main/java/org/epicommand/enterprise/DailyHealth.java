package org.epicommand.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.command.ReportStatus;
import org.epicommand.enterprise.internal.EnterpriseProperties;
import org.epicommand.enterprise.internal.HealthStore;
import org.epicommand.enterprise.internal.OrganisationAccess;
import org.epicommand.enterprise.internal.Reach;
import org.epicommand.enterprise.internal.Reaches;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Sector;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily health reports of organisations (晨午检日报告), by the rule of the command's daily reports: a day's
 * report is due the next day at the configured time (10:00); filed after it, it is LATE whatever it holds;
 * on time it is ZERO (nothing abnormal: no fever, no sick absence, nobody under quarantine) or SUBMITTED;
 * an active organisation without one is MISSING. One report per organisation and day (409 naming it).
 */
@Service
public class DailyHealth {

  static final String SUBJECT = "DAILY_HEALTH";

  /** An organisation's status for a day, as the completeness list shows it. */
  public record Completeness(String organisationId, String creditCode, String name, OrganisationKind kind,
      Sector sector, ReportStatus status) {}

  /** The completeness of a day: how many organisations are in each status, and a page of them. */
  public record CompletenessPage(LocalDate date, Map<ReportStatus, Long> counts, List<Completeness> items, int page,
      int size, boolean hasMore) {}

  private final HealthStore store;
  private final OrganisationAccess access;
  private final Reaches reaches;
  private final Jurisdictions jurisdictions;
  private final EnterpriseProperties properties;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  DailyHealth(HealthStore store, OrganisationAccess access, Reaches reaches, Jurisdictions jurisdictions,
      EnterpriseProperties properties, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.access = access;
    this.reaches = reaches;
    this.jurisdictions = jurisdictions;
    this.properties = properties;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** When a day's report is due: the next day at the configured time, in the city's zone. */
  public Instant deadline(LocalDate day) {
    return day.plusDays(1).atTime(properties.dailyHealthDeadline()).atZone(clock.getZone()).toInstant();
  }

  /** Files the organisation's report for a day: 400 naming the fields, 409 with existingId for a second one. */
  @Transactional
  public DailyHealthReport submit(String organisation, NewDailyHealth request) {
    OrganisationSnapshot org = access.writable(organisation);
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    if (request.date() == null) {
      problems.add(FieldProblem.of("date", "resumption.health.date"));
    } else if (request.date().isAfter(today)) {
      problems.add(FieldProblem.of("date", "resumption.health.future"));
    }
    int present = count(request.present(), "present", problems);
    int fever = request.fever() == null ? 0 : count(request.fever(), "fever", problems);
    int sick = request.absentSick() == null ? 0 : count(request.absentSick(), "absentSick", problems);
    int quarantine = request.underQuarantine() == null ? 0 : count(request.underQuarantine(), "underQuarantine",
        problems);
    Integer visitors = request.visitors() == null ? null : count(request.visitors(), "visitors", problems);
    boolean zero = Boolean.TRUE.equals(request.zero());
    if (zero && fever + sick + quarantine > 0) {
      problems.add(FieldProblem.of("zero", "resumption.health.notZero"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Instant now = clock.instant();
    ReportStatus status = now.isAfter(deadline(request.date())) ? ReportStatus.LATE
        : zero ? ReportStatus.ZERO : ReportStatus.SUBMITTED;
    DailyHealthReport report = new DailyHealthReport(org.id(), request.date(), present, fever, sick, quarantine,
        visitors, zero, status, currentUser.get().username(), null);
    if (!store.insert(report, org.path(), now)) {
      throw Conflict.duplicate("resumption.health.duplicate", org.id() + "/" + request.date());
    }
    audit.record(AuditAction.CREATE, SUBJECT, org.id(), request.date() + " " + status);
    return store.find(UUID.fromString(org.id()), request.date()).orElseThrow();
  }

  /** The organisation's reports of a period (at most 62 days back from {@code to}), latest first. */
  public List<DailyHealthReport> list(String organisation, LocalDate from, LocalDate to) {
    OrganisationSnapshot org = access.reachable(organisation);
    LocalDate last = to == null ? LocalDate.now(clock) : to;
    LocalDate first = from == null || from.isBefore(last.minusDays(62)) ? last.minusDays(62) : from;
    return store.list(UUID.fromString(org.id()), first, last);
  }

  /** Every active organisation of the caller's reach (or a part of it, or a sector) with its status for the day. */
  public CompletenessPage completeness(LocalDate date, Sector sector, String jurisdiction, ReportStatus status,
      Paging paging) {
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    Reach reach = reaches.current();
    reach = new Reach(jurisdictions.narrow(reach.scope(), jurisdiction), reach.sectors());
    List<HealthStore.StatusRow> rows = store.statuses(day, reach, sector, status, paging.offset(), paging.fetchSize());
    boolean more = rows.size() > paging.size();
    List<Completeness> items = rows.stream().limit(paging.size()).map(r -> new Completeness(
        r.organisationId().toString(), r.creditCode(), r.name(), r.kind(), r.sector(), r.status())).toList();
    return new CompletenessPage(day, store.counts(day, reach, sector), items, paging.page(), paging.size(), more);
  }

  private static int count(Integer value, String field, List<FieldProblem> problems) {
    if (value == null || value < 0 || value > 1_000_000) {
      problems.add(FieldProblem.of(field, "organisation.range", 0, 1_000_000));
      return 0;
    }
    return value;
  }
}
