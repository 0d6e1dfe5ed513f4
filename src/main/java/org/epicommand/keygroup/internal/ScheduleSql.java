package org.epicommand.keygroup.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.epicommand.labtest.LatestTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The two set-based statements behind every member's schedule state. {@link #observe} takes the newest
 * sampling of a batch of persons into their open memberships (one statement from arrays): the last sampling
 * and last negative, and the ISO-week counters — a sampling in a later week starts that week with one (the
 * week before keeps its count for the overdue rule), one in the same week counts only when it lies at least
 * the edition's {@code min_interval_h} after the last counted one. {@link #refresh} derives the state and due
 * day of the members a condition selects under the editions in effect on {@code today} (the first edition before
 * any takes effect):
 * <ul>
 *   <li>every N days: due on the day of the last sampling + N (in the city's zone);</li>
 *   <li>k a week: up to date with k counted samplings in today's ISO week; otherwise due from the later of the
 *       week's Monday and the day the last counted sampling + the interval falls on, and due (not overdue) until
 *       the week ends — its Sunday is the due day; overdue when nothing was sampled this week and last week ended
 *       with fewer than k (for a member already in the group then);</li>
 *   <li>overdue once the due day has ended; never sampled, and no negative within the blocking days, come
 *       first.</li>
 * </ul>
 */
@Repository
public class ScheduleSql {

  /** A member whose state the refresh changed: the membership, its organisation, state before and now. */
  public record Changed(UUID memberId, UUID organisationId, String before, String after) {

    /** Whether the member came into or out of a block from duty. */
    public boolean blockMoved() {
      return before.equals(BLOCKED) != after.equals(BLOCKED);
    }
  }

  private static final String BLOCKED = "BLOCKED_FROM_DUTY";

  /** A member newly blocked from duty, not told yet: their organisation, name and group. */
  public record Blocked(UUID memberId, String organisationCode, String personName, String groupCode, UUID personId,
      Integer blocksDays) {}

  /** A member no longer blocked from duty: their organisation (null for a place's member) and person. */
  public record Unblocked(String organisationCode, UUID personId) {}

  private static final String EDITIONS = """
      select distinct on (group_code) group_code, every_days, per_week, min_interval_h, blocks_days
      from keygroup_schedule
      order by group_code, case when effective_from <= :today then version else -version end desc
      """;

  private final JdbcClient jdbc;

  ScheduleSql(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the persons' newest samplings into their open memberships; answers the memberships moved. */
  public int observe(Collection<LatestTest> tests, LocalDate today, ZoneId zone) {
    if (tests.isEmpty()) {
      return 0;
    }
    List<LatestTest> list = List.copyOf(tests);
    return jdbc.sql("""
        with x as (
          select person_id, sampled_at, negative_at,
                 cast(date_trunc('week', sampled_at at time zone :zone) as date) as wk
          from unnest(cast(:persons as uuid[]), cast(:sampled as timestamptz[]), cast(:negative as timestamptz[]))
            as u (person_id, sampled_at, negative_at)),
        s as (""" + EDITIONS + """
        )
        update keygroup_member m set
          last_sampled_at = x.sampled_at,
          last_negative_at = greatest(m.last_negative_at, x.negative_at),
          prev_week_count = case when m.week_start is null or x.wk > m.week_start
            then (case when m.week_start = x.wk - 7 then m.week_count else 0 end) else m.prev_week_count end,
          week_count = case when m.week_start is null or x.wk > m.week_start then 1
            when x.sampled_at >= m.week_last_at + make_interval(hours => coalesce(s.min_interval_h, 0))
              then m.week_count + 1
            else m.week_count end,
          week_last_at = case when m.week_start is null or x.wk > m.week_start then x.sampled_at
            when x.sampled_at >= m.week_last_at + make_interval(hours => coalesce(s.min_interval_h, 0))
              then x.sampled_at
            else m.week_last_at end,
          week_start = greatest(m.week_start, x.wk)
        from x, s
        where m.person_id = x.person_id and m.retired_at is null and s.group_code = m.group_code
          and (m.last_sampled_at is null or x.sampled_at > m.last_sampled_at)
        """).param("zone", zone.getId()).param("today", today)
        .param("persons", list.stream().map(LatestTest::personId).toArray(UUID[]::new))
        .param("sampled", list.stream().map(t -> java.sql.Timestamp.from(t.lastSampledAt()))
            .toArray(java.sql.Timestamp[]::new))
        .param("negative", list.stream().map(t -> t.lastNegativeSampledAt() == null ? null
            : java.sql.Timestamp.from(t.lastNegativeSampledAt())).toArray(java.sql.Timestamp[]::new))
        .update();
  }

  /**
   * Derives state and due day of the open memberships {@code where} selects (a condition on {@code m}, its
   * parameters bound by {@code binder}); answers the memberships whose state changed.
   */
  public List<Changed> refresh(String where, java.util.function.UnaryOperator<JdbcClient.StatementSpec> binder,
      LocalDate today, ZoneId zone) {
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    JdbcClient.StatementSpec spec = jdbc.sql("""
        with s as (""" + EDITIONS + """
        ),
        d as (
          select m.id, m.state as before, m.last_sampled_at, m.last_negative_at, s.blocks_days, m.from_date, s.per_week,
            case when s.every_days is not null
                   then cast(m.last_sampled_at at time zone :zone as date) + s.every_days
                 when (case when m.week_start = :monday then m.week_count else 0 end) >= s.per_week
                   then cast(:monday as date) + 7
                 when coalesce(m.week_start, date '1900-01-01') < :monday
                      and (case when m.week_start = cast(:monday as date) - 7 then m.week_count else 0 end) < s.per_week
                      and m.from_date < :monday
                   then cast(:monday as date) - 1
                 when coalesce(m.week_start, date '1900-01-01') < :monday then cast(:monday as date)
                 else greatest(cast(:monday as date), cast((m.week_last_at + make_interval(hours =>
                   coalesce(s.min_interval_h, 0))) at time zone :zone as date))
            end as due
          from keygroup_member m join s on s.group_code = m.group_code
          where m.retired_at is null and (""" + where + """
          )),
        c as (
          select d.id, d.before,
            case when d.last_sampled_at is null then 'NEVER_TESTED'
                 when d.blocks_days is not null and (d.last_negative_at is null
                   or cast(d.last_negative_at at time zone :zone as date) < cast(:today as date) - d.blocks_days)
                   then 'BLOCKED_FROM_DUTY'
                 when d.due < :today and (d.per_week is null or d.due < :monday) then 'OVERDUE'
                 when d.due <= :today then 'DUE_TODAY'
                 else 'UP_TO_DATE' end as state,
            case when d.last_sampled_at is null then d.from_date else d.due end as due
          from d)
        update keygroup_member m set state = c.state, next_due = c.due
        from c where m.id = c.id and (m.state, m.next_due) is distinct from (c.state, c.due)
        returning m.id, m.organisation_id, c.before, c.state
        """).param("zone", zone.getId()).param("today", today).param("monday", monday);
    return binder.apply(spec).query((rs, n) -> new Changed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
        rs.getString(3), rs.getString(4))).list();
  }

  /**
   * The members {@code where} selects that are blocked from duty and not told of this block yet, marked told now
   * ({@code blocked_notified_at}); those no longer blocked are unmarked first by {@link #unblocked}.
   */
  public List<Blocked> newlyBlocked(String where, java.util.function.UnaryOperator<JdbcClient.StatementSpec> binder,
      java.time.OffsetDateTime now) {
    return binder.apply(jdbc.sql("update keygroup_member m set blocked_notified_at = :now where m.retired_at is null"
        + " and m.state = 'BLOCKED_FROM_DUTY' and m.blocked_notified_at is null and (" + where + ")"
        + " returning m.id, m.organisation_code, m.person_name, m.group_code, m.person_id, (select s.blocks_days"
        + " from keygroup_schedule s where s.group_code = m.group_code and s.effective_from <= current_date"
        + " order by s.version desc limit 1)")).param("now", now)
        .query((rs, n) -> new Blocked(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, UUID.class), (Integer) rs.getObject(6)))
        .list();
  }

  /**
   * The members {@code where} selects that were told of a block and are no longer blocked, unmarked (so that a
   * later block is told again).
   */
  public List<Unblocked> unblocked(String where, java.util.function.UnaryOperator<JdbcClient.StatementSpec> binder) {
    return binder.apply(jdbc.sql("update keygroup_member m set blocked_notified_at = null where"
        + " m.blocked_notified_at is not null and m.state <> 'BLOCKED_FROM_DUTY' and (" + where + ")"
        + " returning m.organisation_code, m.person_id"))
        .query((rs, n) -> new Unblocked(rs.getString(1), rs.getObject(2, UUID.class))).list();
  }
}
