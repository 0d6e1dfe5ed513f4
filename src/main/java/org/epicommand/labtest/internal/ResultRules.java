package org.epicommand.labtest.internal;

import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.epicommand.labtest.PositivePoolFound;
import org.epicommand.labtest.PositivePoolsFound;
import org.epicommand.labtest.RetestNegative;
import org.epicommand.labtest.SingleTubePositive;
import org.epicommand.labtest.TubesResulted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a result means (docs/domain.md §7), set-based over the tubes just resulted, in the result's own
 * transaction: a positive pool puts every member in AWAITING_RETEST and a single-tube retest task on
 * their community's list; a single tube of a member awaiting retest resolves the task (negative →
 * RETESTED_NEGATIVE, positive → CONFIRMED_POSITIVE); every positive single tube is published for
 * the case flow.
 */
@Component
class ResultRules {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ResultRules(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  void apply(List<Long> resultedTubeIds) {
    if (resultedTubeIds.isEmpty()) {
      return;
    }
    String ids = resultedTubeIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{",
        "}"));
    OffsetDateTime now = OffsetDateTime.now(clock);
    String zone = clock.getZone().getId();
    jdbc.sql("""
        with pools as (
          select id, collected_at from labtest_tube
          where id = any(cast(:ids as bigint[])) and kind <> 'SINGLE' and positive),
        awaiting as (
          update labtest_tube_member m set retest_state = 'AWAITING_RETEST'
          from pools p where m.tube_id = p.id and m.retest_state = 'NONE'
          returning m.tube_id, m.person_id, m.jurisdiction_path, p.collected_at)
        insert into labtest_retest (pool_tube_id, person_id, jurisdiction_path, sampling_date, created_at)
        select tube_id, person_id, jurisdiction_path, (collected_at at time zone :zone)::date, :now from awaiting
        on conflict do nothing
        """).param("ids", ids).param("zone", zone).param("now", now).update();
    // a single tube sampled on or after the pool's day settles the member's open retests
    List<RetestNegative> cleared = jdbc.sql("""
        with singles as (
          select distinct on (m.person_id) m.person_id, t.positive, (t.collected_at at time zone :zone)::date as day
          from labtest_tube t join labtest_tube_member m on m.tube_id = t.id
          where t.id = any(cast(:ids as bigint[])) and t.kind = 'SINGLE' and t.result <> 'INVALID'
          order by m.person_id, t.positive desc),
        resolved as (
          update labtest_retest r
          set outcome = case when s.positive then 'CONFIRMED_POSITIVE' else 'RETESTED_NEGATIVE' end, resolved_at = :now
          from singles s where r.person_id = s.person_id and r.outcome is null and r.sampling_date <= s.day
          returning r.pool_tube_id, r.person_id, r.outcome)
        update labtest_tube_member m set retest_state = r.outcome
        from resolved r, labtest_tube pool
        where m.tube_id = r.pool_tube_id and m.person_id = r.person_id and pool.id = r.pool_tube_id
        returning pool.barcode, m.person_id, r.outcome
        """).param("ids", ids).param("zone", zone).param("now", now)
        .query((rs, n) -> "RETESTED_NEGATIVE".equals(rs.getString(3))
            ? new RetestNegative(rs.getString(1), rs.getObject(2, UUID.class)) : null)
        .list().stream().filter(java.util.Objects::nonNull).toList();
    cleared.forEach(events::publishEvent);
    List<PositivePoolFound> pools = jdbc.sql("""
        select t.barcode, t.collected_at, array_agg(m.person_id order by m.person_id)
        from labtest_tube t join labtest_tube_member m on m.tube_id = t.id
        where t.id = any(cast(:ids as bigint[])) and t.kind <> 'SINGLE' and t.positive
        group by t.id
        order by t.barcode
        """).param("ids", ids).query((rs, n) -> new PositivePoolFound(rs.getString(1), uuids(rs.getArray(3)),
            day(rs.getObject(2, OffsetDateTime.class)))).list();
    if (!pools.isEmpty()) {
      events.publishEvent(new PositivePoolsFound(pools));
    }
    jdbc.sql("""
        select t.barcode, m.person_id, t.collected_at
        from labtest_tube t join labtest_tube_member m on m.tube_id = t.id
        where t.id = any(cast(:ids as bigint[])) and t.kind = 'SINGLE' and t.positive
        """).param("ids", ids).query(rs -> {
          events.publishEvent(new SingleTubePositive(rs.getString(1), rs.getObject(2, UUID.class),
              day(rs.getObject(3, OffsetDateTime.class))));
        });
  }

  /** Publishes the persons of the tubes resulted now, once for the stored batch ({@link TubesResulted}). */
  void resulted(List<Long> resultedTubeIds) {
    if (resultedTubeIds.isEmpty()) {
      return;
    }
    List<UUID> persons = jdbc.sql("select distinct person_id from labtest_tube_member where tube_id = any(?::bigint[])")
        .params((Object) resultedTubeIds.toArray(Long[]::new)).query(UUID.class).list();
    events.publishEvent(new TubesResulted(persons));
  }

  private LocalDate day(OffsetDateTime at) {
    return at.atZoneSameInstant(clock.getZone()).toLocalDate();
  }

  private static List<UUID> uuids(Array array) throws java.sql.SQLException {
    return List.of((UUID[]) array.getArray());
  }
}
