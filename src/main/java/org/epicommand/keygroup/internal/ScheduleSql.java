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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.epicommand.labtest.LatestTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one set-based statement behind every member's schedule state: it takes the newest samplings of a batch of
 * persons into their open memberships, derives state and due day under the editions in effect on {@code today}
 * (the first edition before any takes effect), marks the members newly blocked from duty as told, and writes only
 * the rows where any of that changed ({@code is distinct from}), answering them ({@code returning}; a batch only
 * those whose block began or ended); a member whose schedule stays as it was is not written. The same statement
 * keeps the members needing action ({@code keygroup_member_action}, which carries the lists' indexes) in step with
 * what it wrote, so that no index of the membership covers a schedule column and its write stays HOT. A batch's
 * statement updates its persons' memberships in place, reading only their open memberships (through the index of
 * {@code (person_id, group_code)}, never the whole table); the sweep's (and an edition's or membership's) reads
 * the members with their state before. The schedule written is computed once per row (see {@link #once}); the
 * {@code is distinct from} check of a batch keeps the inlined form, which stops at the first column that differs.
 * It cannot share the {@code set}'s computation without reading the row a second time in the {@code from} list,
 * and then a concurrent write to the membership would be overwritten from the row as it was: computed from
 * {@code m} itself, both see the row's latest version. Two schedule statements at once (the nightly sweep and a
 * results batch, a ledger's question) may lock the same memberships in different orders; the one PostgreSQL chooses
 * to lose the deadlock runs again after the other (see {@link #again}).
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
 *       when the block ends, so that a later block is told again; the end of a told block is stamped
 *       ({@code block_lifted_at}, from the row as it was) so that the statement can answer which blocks it
 *       lifted.</li>
 * </ul>
 */
@Repository
public class ScheduleSql {

  private static final Logger log = LoggerFactory.getLogger(ScheduleSql.class);

  private static final String BLOCKED = "BLOCKED_FROM_DUTY";

  /** How many times a schedule statement runs before its lost deadlock is given up to its caller. */
  static final int ATTEMPTS = 3;

  /**
   * A member whose schedule the statement wrote: the membership, its organisation (id, code), the person's name,
   * the state before (null for a batch, whose statement does not read it) and now, whether this statement began
   * telling of a block (newly blocked, not told yet), the person, group and its blocking days, and whether this
   * statement lifted a block that was told.
   */
  public record Changed(UUID memberId, UUID organisationId, String organisationCode, String personName,
      String before, String after, boolean newlyBlocked, UUID personId, String groupCode, Integer blocksDays,
      boolean newlyUnblocked) {

    /** Whether the member came into overdue (or blocked) from a state that was neither. */
    public boolean newlyOverdue() {
      return overdue(after) && !overdue(before);
    }

    private static boolean overdue(String state) {
      return "OVERDUE".equals(state) || BLOCKED.equals(state);
    }
  }

  private static final String EDITIONS = """
      select distinct on (group_code) group_code, every_days, per_week, min_interval_h, blocks_days
      from keygroup_schedule
      order by group_code, case when effective_from <= :today then version else -version end desc
      """;

  /**
   * The batch: each person with their newest sampling and negative (null when they have none), its ISO week. The
   * times come as microseconds since the epoch ({@code bigint[]}, which the driver sends in binary; as
   * {@code timestamptz[]} the driver formatted and the server parsed 100,000 timestamps a batch as text).
   */
  private static final String BATCH = """
      x as (
        select person_id, sampled_at, negative_at, cast(date_trunc('week', sampled_at at time zone :zone) as date) as wk
        from unnest(cast(:persons as uuid[]), cast(:sampled as bigint[]), cast(:negative as bigint[]))
          as u (person_id, sampled_us, negative_us)
        cross join lateral (select timestamptz 'epoch' + u.sampled_us * interval '1 microsecond' as sampled_at,
          timestamptz 'epoch' + u.negative_us * interval '1 microsecond' as negative_at) t),
      """;

  /** The samplings after the batch: only a sampling newer than the last one seen moves them. */
  private static final String SAMPLINGS_FROM_BATCH = """
      (select x.sampled_at > coalesce(m.last_sampled_at, '-infinity') as newer) f
      cross join lateral (select
        case when f.newer then x.sampled_at else m.last_sampled_at end as last_sampled_at,
        case when f.newer then greatest(m.last_negative_at, x.negative_at) else m.last_negative_at end
          as last_negative_at,
        case when f.newer and (m.week_start is null or x.wk > m.week_start)
          then (case when m.week_start = x.wk - 7 then m.week_count else 0 end) else m.prev_week_count end
          as prev_week_count,
        case when not coalesce(f.newer, false) then m.week_count when m.week_start is null or x.wk > m.week_start
            then 1
          when x.sampled_at >= m.week_last_at + make_interval(hours => coalesce(s.min_interval_h, 0))
            then m.week_count + 1
          else m.week_count end as week_count,
        case when not coalesce(f.newer, false) then m.week_last_at
          when m.week_start is null or x.wk > m.week_start then x.sampled_at
          when x.sampled_at >= m.week_last_at + make_interval(hours => coalesce(s.min_interval_h, 0))
            then x.sampled_at
          else m.week_last_at end as week_last_at,
        case when f.newer then greatest(m.week_start, x.wk) else m.week_start end as week_start) n
      """;

  /** The samplings as they are (a sweep, an edition or a membership changing). */
  private static final String SAMPLINGS_KEPT = """
      (select m.last_sampled_at, m.last_negative_at, m.prev_week_count, m.week_count, m.week_last_at, m.week_start) n
      """;

  /** The columns the statement derives, in the order {@link #SCHEDULE} answers them. */
  private static final String COLUMNS = "last_sampled_at, last_negative_at, prev_week_count, week_count, week_last_at,"
      + " week_start, state, next_due, blocked_notified_at, block_lifted_at";

  /** The states of the members needing action, who have a row in {@code keygroup_member_action}. */
  public static final String ACTION_STATES = "'BLOCKED_FROM_DUTY', 'DUE_TODAY', 'NEVER_TESTED', 'OVERDUE'";

  /**
   * Keeps {@code keygroup_member_action} in step with the memberships {@code w} wrote (its {@code id, state,
   * next_due, jurisdiction_path}), in the writing statement: a member out of the states needing action loses its
   * row, one in them has it inserted or brought up to date. Only that narrow table's indexes take new entries; the
   * membership's own write stays HOT. A row already as it should be is not written again (a membership mirrored by
   * {@link #sync} right after a schedule statement wrote it costs a read).
   */
  private static final String ACTIONS = """
      gone as (
        delete from keygroup_member_action a using w where a.member_id = w.id and w.state not in (%1$s)),
      kept as (
        insert into keygroup_member_action as a (member_id, state, next_due, jurisdiction_path)
        select w.id, w.state, w.next_due, w.jurisdiction_path from w where w.state in (%1$s)
        on conflict (member_id) do update set state = excluded.state, next_due = excluded.next_due,
          jurisdiction_path = excluded.jurisdiction_path
        where (a.state, a.next_due, a.jurisdiction_path)
          is distinct from (excluded.state, excluded.next_due, excluded.jurisdiction_path))
      """.formatted(ACTION_STATES);

  /** What a schedule statement answers of each member it wrote (see {@link Changed}). */
  private static final String ANSWER = "id, organisation_id, organisation_code, person_name, before, state, began,"
      + " person_id, group_code, blocks_days, lifted";

  /**
   * Member {@code m}'s schedule under edition {@code s} from samplings {@code n} (a from-item, see above): the
   * samplings, due day, state, and the time the member's block was told (now for a block beginning; none when not
   * blocked).
   */
  private static final String SCHEDULE = """
      select n.last_sampled_at, n.last_negative_at, n.prev_week_count, n.week_count, n.week_last_at, n.week_start,
        e.state, e.next_due,
        case when e.state = 'BLOCKED_FROM_DUTY' then coalesce(m.blocked_notified_at, cast(:now as timestamptz)) end,
        case when e.state <> 'BLOCKED_FROM_DUTY' and m.blocked_notified_at is not null then cast(:now as timestamptz)
          else m.block_lifted_at end
      from %s
      cross join lateral (select
        case when s.every_days is not null
               then cast(n.last_sampled_at at time zone :zone as date) + s.every_days
             when (case when n.week_start = :monday then n.week_count else 0 end) >= s.per_week
               then cast(:monday as date) + 7
             when coalesce(n.week_start, date '1900-01-01') < :monday
                  and (case when n.week_start = cast(:monday as date) - 7 then n.week_count else 0 end) < s.per_week
                  and m.from_date < :monday
               then cast(:monday as date) - 1
             when coalesce(n.week_start, date '1900-01-01') < :monday then cast(:monday as date)
             else greatest(cast(:monday as date), cast((n.week_last_at + make_interval(hours =>
               coalesce(s.min_interval_h, 0))) at time zone :zone as date))
        end as due) d
      cross join lateral (select
        cast(case when n.last_sampled_at is null then 'NEVER_TESTED'
               when s.blocks_days is not null and (n.last_negative_at is null
                 or cast(n.last_negative_at at time zone :zone as date) < cast(:today as date) - s.blocks_days)
                 then 'BLOCKED_FROM_DUTY'
               when d.due < :today and (s.per_week is null or d.due < :monday) then 'OVERDUE'
               when d.due <= :today then 'DUE_TODAY'
               else 'UP_TO_DATE' end as varchar(20)) as state,
        case when n.last_sampled_at is null then m.from_date else d.due end as next_due) e
      """;

  /**
   * A batch: the statement updates the memberships of the batch's persons in place (no second read of the table),
   * found by {@code person_id = any(:persons)} in the index of the open memberships — without it the planner joins
   * the batch to a hash of every open membership, a read of the whole table per batch; only a schedule that differs
   * is written. A sampling newer than the member's last always differs (it becomes the last), so for such a row,
   * nearly every row of a batch, the check does not compute the schedule a second time. It answers only the
   * members written whose block began or was lifted (all that a batch tells of), not every member written; the
   * state before is not answered ({@code null}).
   */
  private static final String BATCH_UPDATE = "with s as (" + EDITIONS + "), " + BATCH + "w as ("
      + "\nupdate keygroup_member m set (" + COLUMNS + ") = (" + once(SCHEDULE.formatted(SAMPLINGS_FROM_BATCH)) + """
      )
      from x, s
      where m.person_id = any(cast(:persons as uuid[])) and m.person_id = x.person_id
        and s.group_code = m.group_code and m.retired_at is null
        and (x.sampled_at > coalesce(m.last_sampled_at, '-infinity')
          or exists (select from (""" + SCHEDULE.formatted(SAMPLINGS_FROM_BATCH) + """
        ) k (""" + COLUMNS + ") where (" + COLUMNS.replaceAll("(\\w+)", "m.$1") + ") is distinct from ("
      + COLUMNS.replaceAll("(\\w+)", "k.$1") + """
        )))
      returning m.id, m.organisation_id, m.organisation_code, m.person_name, cast(null as varchar) as before,
        m.state, m.blocked_notified_at = :now as began, m.person_id, m.group_code, s.blocks_days,
        m.block_lifted_at = :now as lifted, m.next_due, m.jurisdiction_path),
      """ + ACTIONS + "select " + ANSWER + " from w where began or lifted";

  /** The members {@code where} selects, read with their state before (the sweep tells of members newly overdue). */
  private static final String REFRESH = "with s as (" + EDITIONS + """
      ), c as (
        select m.id, m.state as before, s.blocks_days, k.*
        from keygroup_member m join s on s.group_code = m.group_code
          cross join lateral (""" + once(SCHEDULE.formatted(SAMPLINGS_KEPT)) + ") k (" + COLUMNS + """
          )
        where m.retired_at is null and (%s)),
      w as (
      update keygroup_member m set (""" + COLUMNS + ") = (" + COLUMNS.replaceAll("(\\w+)", "c.$1") + """
      )
      from c
      where m.id = c.id and (""" + COLUMNS.replaceAll("(\\w+)", "m.$1") + ") is distinct from ("
      + COLUMNS.replaceAll("(\\w+)", "c.$1") + """
      )
      returning m.id, m.organisation_id, m.organisation_code, m.person_name, c.before, m.state,
        m.blocked_notified_at = :now as began, m.person_id, m.group_code, c.blocks_days,
        m.block_lifted_at = :now as lifted, m.next_due, m.jurisdiction_path),
      """ + ACTIONS + "select " + ANSWER + " from w";

  /**
   * Mirrors the memberships named into {@code keygroup_member_action}: their rows there as they stand (none for an
   * up-to-date or retired one).
   */
  private static final String SYNC = """
      with w as (
        select id, case when retired_at is null then state else 'RETIRED' end as state, next_due, jurisdiction_path
        from keygroup_member where id = any(cast(:ids as uuid[]))),
      """ + ACTIONS + "select count(*) from w";

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  /**
   * The schedule's from-items each computed once per row: {@code offset 0} keeps the planner from pulling them up,
   * which would write each derived column's expression out again wherever a later one uses it.
   */
  private static String once(String schedule) {
    return schedule.replaceAll("\\) ([fnde])\\b", " offset 0) $1");
  }

  ScheduleSql(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Takes the persons' newest samplings ({@code tests}, by person; a person without one keeps what was seen) into
   * their open memberships and derives their schedules, in one statement; answers the memberships written whose
   * block from duty it began or lifted.
   */
  public List<Changed> observe(Collection<UUID> persons, Map<UUID, LatestTest> tests, LocalDate today, ZoneId zone,
      OffsetDateTime now) {
    Map<UUID, LatestTest> batch = new LinkedHashMap<>();
    persons.forEach(p -> batch.put(p, tests.get(p)));
    JdbcClient.StatementSpec spec = jdbc.sql(BATCH_UPDATE)
        .param("persons", batch.keySet().toArray(UUID[]::new))
        .param("sampled", batch.values().stream().map(t -> t == null ? null : micros(t.lastSampledAt()))
            .toArray(Long[]::new))
        .param("negative", batch.values().stream().map(t -> t == null ? null : micros(t.lastNegativeSampledAt()))
            .toArray(Long[]::new));
    return run(spec, today, zone, now);
  }

  /** Microseconds since the epoch (the statement's unit for a batch's times); {@code null} stays null. */
  static Long micros(java.time.Instant at) {
    return at == null ? null : java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, at);
  }

  /**
   * Derives the schedules of the open memberships {@code where} selects (a condition on {@code m}, its parameters
   * bound by {@code binder}) from the samplings seen; answers the memberships written.
   */
  public List<Changed> refresh(String where, UnaryOperator<JdbcClient.StatementSpec> binder, LocalDate today,
      ZoneId zone, OffsetDateTime now) {
    return run(binder.apply(jdbc.sql(REFRESH.formatted(where))), today, zone, now);
  }

  /** Which of these persons hold an open membership (through the index of the open memberships by person). */
  public List<UUID> members(Collection<UUID> persons) {
    return persons.isEmpty() ? List.of() : jdbc.sql("""
        select distinct person_id from keygroup_member
        where person_id = any(cast(:persons as uuid[])) and retired_at is null
        """).param("persons", persons.toArray(UUID[]::new)).query(UUID.class).list();
  }

  /**
   * Mirrors these memberships into {@code keygroup_member_action} as they stand, after a change made outside the
   * schedule statements (a membership joining, corrected, retired).
   */
  public void sync(Collection<UUID> members) {
    if (!members.isEmpty()) {
      again(() -> jdbc.sql(SYNC).param("ids", members.toArray(UUID[]::new)).query(Long.class).single());
    }
  }

  /**
   * The open memberships at organisations of these persons that are blocked from duty, with the blocking days of the
   * edition in effect on {@code today}; by organisation, person and group.
   */
  public List<org.epicommand.keygroup.DutyBlock> blocked(Collection<UUID> persons, LocalDate today) {
    return jdbc.sql("with s as (" + EDITIONS + """
        )
        select m.organisation_code, m.person_id::text, m.group_code, s.blocks_days
        from keygroup_member m join s on s.group_code = m.group_code
        where m.person_id = any(cast(:persons as uuid[])) and m.retired_at is null and m.organisation_code is not null
          and m.state = 'BLOCKED_FROM_DUTY'
        order by m.organisation_code, m.person_id, m.group_code
        """).param("persons", persons.toArray(UUID[]::new)).param("today", today)
        .query((rs, n) -> new org.epicommand.keygroup.DutyBlock(rs.getString(1), rs.getString(2), rs.getString(3),
            (Integer) rs.getObject(4))).list();
  }

  private List<Changed> run(JdbcClient.StatementSpec spec, LocalDate today, ZoneId zone, OffsetDateTime now) {
    JdbcClient.MappedQuerySpec<Changed> query = spec.param("zone", zone.getId()).param("today", today)
        .param("monday", today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).param("now", now)
        .query((rs, n) -> new Changed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getObject(8, UUID.class),
            rs.getString(9), (Integer) rs.getObject(10), rs.getBoolean(11)));
    return again(query::list);
  }

  /**
   * Runs a schedule statement in a savepoint of its own, and again (up to {@link #ATTEMPTS} times in all) when
   * PostgreSQL chose it to lose a deadlock: rolling back to the savepoint frees the rows it had locked, so the
   * other transaction goes on and this statement runs after it, from the rows as they then are. Locks its
   * transaction took before the statement stay held (a schedule statement is the only write of its transaction to
   * memberships, but for a membership's own change).
   */
  private <T> T again(Supplier<T> statement) {
    for (int attempt = 1; ; attempt++) {
      try {
        return savepoint.execute(status -> statement.get());
      } catch (PessimisticLockingFailureException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        log.warn("A schedule statement lost a deadlock (attempt {} of {}); running it again", attempt, ATTEMPTS);
      }
    }
  }
}
