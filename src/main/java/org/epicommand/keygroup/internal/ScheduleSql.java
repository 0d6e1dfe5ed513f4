package org.epicommand.keygroup.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.epicommand.labtest.LatestTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one set-based statement behind every member's schedule state: it takes the newest samplings of a batch of
 * persons into their open memberships, derives state and due day under the editions in effect on {@code today}
 * (the first edition before any takes effect), marks the members newly blocked from duty as told, and writes only
 * the rows where any of that changed ({@code is distinct from}), answering them ({@code returning}) — nothing is
 * read twice and a member whose schedule stays as it was is not written.
 * <ul>
 *   <li>samplings: the last sampling and last negative, and the ISO-week counters — a sampling in a later week
 *       starts that week with one (the week before keeps its count for the overdue rule), one in the same week
 *       counts only when it lies at least the edition's {@code min_interval_h} after the last counted one;</li>
 *   <li>every N days: due on the day of the last sampling + N (in the city's zone);</li>
 *   <li>k a week: up to date with k counted samplings in today's ISO week; otherwise due from the later of the
 *       week's Monday and the day the last counted sampling + the interval falls on, and due (not overdue) until
 *       the week ends — its Sunday is the due day; overdue when nothing was sampled this week and last week ended
 *       with fewer than k (for a member already in the group then);</li>
 *   <li>overdue once the due day has ended; never sampled, and no negative within the blocking days, come
 *       first;</li>
 *   <li>a member blocked from duty is marked told ({@code blocked_notified_at}) once per block, the mark cleared
 *       when the block ends, so that a later block is told again.</li>
 * </ul>
 */
@Repository
public class ScheduleSql {

  private static final String BLOCKED = "BLOCKED_FROM_DUTY";

  /**
   * A member whose schedule the statement wrote: the membership, its organisation (id, code), the person's name,
   * the state before and now, and whether this statement began telling of a block (newly blocked, not told yet).
   */
  public record Changed(UUID memberId, UUID organisationId, String organisationCode, String personName,
      String before, String after, boolean newlyBlocked) {

    /** Whether the member came into overdue (or blocked) from a state that was neither. */
    public boolean newlyOverdue() {
      return overdue(after) && !overdue(before);
    }

    private static boolean overdue(String state) {
      return state.equals("OVERDUE") || state.equals(BLOCKED);
    }
  }

  private static final String EDITIONS = """
      select distinct on (group_code) group_code, every_days, per_week, min_interval_h, blocks_days
      from keygroup_schedule
      order by group_code, case when effective_from <= :today then version else -version end desc
      """;

  /** The batch: each person with their newest sampling and negative (null when they have none), its ISO week. */
  private static final String BATCH = """
      x as (
        select person_id, sampled_at, negative_at, cast(date_trunc('week', sampled_at at time zone :zone) as date) as wk
        from unnest(cast(:persons as uuid[]), cast(:sampled as timestamptz[]), cast(:negative as timestamptz[]))
          as u (person_id, sampled_at, negative_at)),
      """;

  /** The samplings after the batch: only a sampling newer than the last one seen moves them. */
  private static final String SAMPLINGS_FROM_BATCH = """
      case when f.newer then x.sampled_at else m.last_sampled_at end as last_sampled_at,
      case when f.newer then greatest(m.last_negative_at, x.negative_at) else m.last_negative_at end
        as last_negative_at,
      case when f.newer and (m.week_start is null or x.wk > m.week_start)
        then (case when m.week_start = x.wk - 7 then m.week_count else 0 end) else m.prev_week_count end
        as prev_week_count,
      case when not coalesce(f.newer, false) then m.week_count when m.week_start is null or x.wk > m.week_start then 1
        when x.sampled_at >= m.week_last_at + make_interval(hours => coalesce(s.min_interval_h, 0))
          then m.week_count + 1
        else m.week_count end as week_count,
      case when not coalesce(f.newer, false) then m.week_last_at
        when m.week_start is null or x.wk > m.week_start then x.sampled_at
        when x.sampled_at >= m.week_last_at + make_interval(hours => coalesce(s.min_interval_h, 0)) then x.sampled_at
        else m.week_last_at end as week_last_at,
      case when f.newer then greatest(m.week_start, x.wk) else m.week_start end as week_start
      from keygroup_member m join s on s.group_code = m.group_code join x on x.person_id = m.person_id
        cross join lateral (select x.sampled_at > coalesce(m.last_sampled_at, '-infinity') as newer) f
      """;

  /** The samplings as they are (a sweep, an edition or a membership changing). */
  private static final String SAMPLINGS_KEPT = """
      m.last_sampled_at, m.last_negative_at, m.prev_week_count, m.week_count, m.week_last_at, m.week_start
      from keygroup_member m join s on s.group_code = m.group_code
      """;

  private static final String SCHEDULE = """
      d as (
        select n.*,
          case when n.every_days is not null
                 then cast(n.last_sampled_at at time zone :zone as date) + n.every_days
               when (case when n.week_start = :monday then n.week_count else 0 end) >= n.per_week
                 then cast(:monday as date) + 7
               when coalesce(n.week_start, date '1900-01-01') < :monday
                    and (case when n.week_start = cast(:monday as date) - 7 then n.week_count else 0 end) < n.per_week
                    and n.from_date < :monday
                 then cast(:monday as date) - 1
               when coalesce(n.week_start, date '1900-01-01') < :monday then cast(:monday as date)
               else greatest(cast(:monday as date), cast((n.week_last_at + make_interval(hours =>
                 coalesce(n.min_interval_h, 0))) at time zone :zone as date))
          end as due
        from n),
      c as (
        select e.*, case when e.state = 'BLOCKED_FROM_DUTY' then coalesce(e.told, :now) end as told_at
        from (select d.*,
            case when d.last_sampled_at is null then 'NEVER_TESTED'
                 when d.blocks_days is not null and (d.last_negative_at is null
                   or cast(d.last_negative_at at time zone :zone as date) < cast(:today as date) - d.blocks_days)
                   then 'BLOCKED_FROM_DUTY'
                 when d.due < :today and (d.per_week is null or d.due < :monday) then 'OVERDUE'
                 when d.due <= :today then 'DUE_TODAY'
                 else 'UP_TO_DATE' end as state,
            case when d.last_sampled_at is null then d.from_date else d.due end as next_due
          from d) e)
      update keygroup_member m set last_sampled_at = c.last_sampled_at, last_negative_at = c.last_negative_at,
        prev_week_count = c.prev_week_count, week_count = c.week_count, week_last_at = c.week_last_at,
        week_start = c.week_start, state = c.state, next_due = c.next_due, blocked_notified_at = c.told_at
      from c
      where m.id = c.id and (m.last_sampled_at, m.last_negative_at, m.prev_week_count, m.week_count, m.week_last_at,
          m.week_start, m.state, m.next_due, m.blocked_notified_at)
        is distinct from (c.last_sampled_at, c.last_negative_at, c.prev_week_count, c.week_count, c.week_last_at,
          c.week_start, c.state, c.next_due, c.told_at)
      returning m.id, m.organisation_id, m.organisation_code, m.person_name, c.before, c.state,
        c.told is null and c.told_at is not null
      """;

  private final JdbcClient jdbc;

  ScheduleSql(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the persons' newest samplings ({@code tests}, by person; a person without one keeps what was seen) into
   * their open memberships and derives their schedules, in one statement; answers the memberships written.
   */
  public List<Changed> observe(Collection<UUID> persons, Map<UUID, LatestTest> tests, LocalDate today, ZoneId zone,
      OffsetDateTime now) {
    Map<UUID, LatestTest> batch = new LinkedHashMap<>();
    persons.forEach(p -> batch.put(p, tests.get(p)));
    JdbcClient.StatementSpec spec = jdbc.sql(statement(BATCH, SAMPLINGS_FROM_BATCH, "true"))
        .param("persons", batch.keySet().toArray(UUID[]::new))
        .param("sampled", batch.values().stream().map(t -> t == null ? null : java.sql.Timestamp.from(
            t.lastSampledAt())).toArray(java.sql.Timestamp[]::new))
        .param("negative", batch.values().stream().map(t -> t == null || t.lastNegativeSampledAt() == null ? null
            : java.sql.Timestamp.from(t.lastNegativeSampledAt())).toArray(java.sql.Timestamp[]::new));
    return run(spec, today, zone, now);
  }

  /**
   * Derives the schedules of the open memberships {@code where} selects (a condition on {@code m}, its parameters
   * bound by {@code binder}) from the samplings seen; answers the memberships written.
   */
  public List<Changed> refresh(String where, UnaryOperator<JdbcClient.StatementSpec> binder, LocalDate today,
      ZoneId zone, OffsetDateTime now) {
    return run(binder.apply(jdbc.sql(statement("", SAMPLINGS_KEPT, where))), today, zone, now);
  }

  private static String statement(String batch, String samplings, String where) {
    return "with s as (" + EDITIONS + "),\n" + batch + """
        n as (
          select m.id, m.state as before, m.blocked_notified_at as told, m.from_date, s.every_days, s.per_week,
            s.min_interval_h, s.blocks_days,
        """ + samplings + " where m.retired_at is null and (" + where + ")),\n" + SCHEDULE;
  }

  private static List<Changed> run(JdbcClient.StatementSpec spec, LocalDate today, ZoneId zone, OffsetDateTime now) {
    return spec.param("zone", zone.getId()).param("today", today)
        .param("monday", today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).param("now", now)
        .query((rs, n) -> new Changed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7))).list();
  }
}
