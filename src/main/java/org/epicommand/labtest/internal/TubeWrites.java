package org.epicommand.labtest.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.shared.CopyRows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a checked {@code tubes} batch ({@link TubeChecks.Outcome}) in the batch's transaction: the
 * new tubes, with ids drawn from their identity sequence in one query, and the new members are COPYed
 * straight into {@code labtest_tube} and {@code labtest_tube_member} (a tube created meanwhile by
 * another import makes the COPY fail on the barcode's uniqueness, and the machinery retries the batch
 * row by row); stored tubes' member counts are raised; the board's hourly rollup
 * ({@link BoardRollup}: tubes at their first member's path, persons at their own) is added to with
 * one upsert of the batch's sums; every new member counts once as tested in each campaign whose
 * window holds the sampling and whose scope their path (the campaigns read once per batch, matched
 * in memory), and the population's counters are raised by those not tested before; the new members'
 * samplings go into the latest test per person, one row per person ({@link LatestRollup#FIRST}, or
 * {@link LatestRollup#SAMPLED} when one was sampled before).
 */
@Component
class TubeWrites {

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  TubeWrites(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  private record Campaign(UUID id, Instant startsAt, Instant endsAt, List<String> paths) {}

  private record Cell(Instant hour, long siteId, String path) {}

  void write(TubeChecks.Outcome outcome, UUID importId) {
    if (outcome.tubes().isEmpty()) {
      return;
    }
    List<TubeChecks.Tube> created = outcome.tubes().values().stream().filter(t -> t.stored == null).toList();
    if (!created.isEmpty()) {
      List<Long> ids = jdbc.sql("select nextval('labtest_tube_id_seq'::regclass) from generate_series(1, ?)")
          .param(created.size()).query(Long.class).list();
      CopyRows tubes = new CopyRows();
      for (int i = 0; i < created.size(); i++) {
        TubeChecks.Tube tube = created.get(i);
        tube.id = ids.get(i);
        TubeImport.Member first = tube.first;
        tubes.field(tube.id).field(first.barcode).field(first.kind.name()).field("COLLECTED").field(first.siteId)
            .field(first.collectedAt).field(importId).field(first.path).last(tube.added.size());
      }
      tubes.copy(dataSource, "copy labtest_tube (id, barcode, kind, state, site_id, collected_at, source_import_id,"
          + " jurisdiction_path, members) from stdin");
    }
    String importText = importId.toString();
    CopyRows members = new CopyRows();
    List<Long> grownIds = new ArrayList<>();
    List<Integer> grownBy = new ArrayList<>();
    Map<Cell, long[]> board = new HashMap<>();
    // each person's newest sampling in the batch, by person id (its text sorts as the uuid)
    java.util.TreeMap<String, TubeImport.Member> sampled = new java.util.TreeMap<>();
    for (TubeChecks.Tube tube : outcome.tubes().values()) {
      TubeImport.Member first = tube.first;
      Instant hour = first.collectedAt.truncatedTo(ChronoUnit.HOURS);
      if (tube.stored == null) {
        board.computeIfAbsent(new Cell(hour, first.siteId, first.path), c -> new long[2])[0]++;
      } else {
        grownIds.add(tube.id);
        grownBy.add(tube.added.size());
      }
      for (TubeImport.Member m : tube.added) {
        members.field(tube.id).field(m.personId).field(m.path).field(importText).last(m.line());
        board.computeIfAbsent(new Cell(hour, first.siteId, m.path), c -> new long[2])[1]++;
        // a tube's members agree with its first row's sampling time (TubeChecks)
        sampled.merge(m.personId, m, (a, b) -> b.collectedAt.isAfter(a.collectedAt) ? b : a);
      }
    }
    members.copy(dataSource, "copy labtest_tube_member (tube_id, person_id, jurisdiction_path, source_import_id,"
        + " source_line) from stdin");
    if (!grownIds.isEmpty()) {
      jdbc.sql("""
          update labtest_tube t set members = t.members + g.n
          from unnest(?::bigint[], ?::int[]) as g(id, n) where t.id = g.id
          """).params((Object) grownIds.toArray(Long[]::new), (Object) grownBy.toArray(Integer[]::new)).update();
    }
    board(board);
    if (!sampled.isEmpty()) {
      Object[] latest = {sampled.keySet().toArray(String[]::new),
          sampled.values().stream().map(m -> m.collectedAt.toString()).toArray(String[]::new),
          sampled.values().stream().map(m -> m.path).toArray(String[]::new)};
      // mostly persons never sampled before: a plain insert, the upsert only when one was
      firstTimeOr("labtest_latest", () -> jdbc.sql(LatestRollup.FIRST).params(latest).update(),
          () -> jdbc.sql(LatestRollup.SAMPLED).params(latest).update());
    }
    tested(outcome);
  }

  /** The batch's sums per hour, site and path added to the board's rollup in one upsert. */
  private void board(Map<Cell, long[]> board) {
    int n = board.size();
    String[] hours = new String[n];
    Long[] sites = new Long[n];
    String[] paths = new String[n];
    Long[] tubes = new Long[n];
    Long[] persons = new Long[n];
    int i = 0;
    for (Map.Entry<Cell, long[]> e : board.entrySet()) {
      hours[i] = e.getKey().hour().toString();
      sites[i] = e.getKey().siteId();
      paths[i] = e.getKey().path();
      tubes[i] = e.getValue()[0];
      persons[i] = e.getValue()[1];
      i++;
    }
    jdbc.sql("""
        insert into labtest_board_hour as h (hour, site_id, jurisdiction_path, tubes, persons)
        select cast(x.hour as timestamptz), x.site_id, x.path, x.tubes, x.persons
        from unnest(?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[]) as x(hour, site_id, path, tubes,
          persons)
        on conflict (hour, site_id, jurisdiction_path) do update
          set tubes = h.tubes + excluded.tubes, persons = h.persons + excluded.persons
        """).params((Object) hours, (Object) sites, (Object) paths, (Object) tubes, (Object) persons).update();
  }

  /** Each new member once as tested in every campaign covering their sampling (time window and scope). */
  private void tested(TubeChecks.Outcome outcome) {
    Instant from = null;
    Instant to = null;
    for (TubeChecks.Tube tube : outcome.tubes().values()) {
      Instant at = tube.first.collectedAt;
      from = from == null || at.isBefore(from) ? at : from;
      to = to == null || at.isAfter(to) ? at : to;
    }
    Map<UUID, Campaign> campaigns = new HashMap<>();
    jdbc.sql("""
        select c.id, c.starts_at, c.ends_at, cs.jurisdiction_path from labtest_campaign c
        join labtest_campaign_scope cs on cs.campaign_id = c.id
        where c.starts_at <= ? and c.ends_at > ? and not c.drill
        """).params(OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC),
            OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC)).query(rs -> {
              campaigns.computeIfAbsent(rs.getObject(1, UUID.class), id -> {
                try {
                  return new Campaign(id, rs.getObject(2, OffsetDateTime.class).toInstant(),
                      rs.getObject(3, OffsetDateTime.class).toInstant(), new ArrayList<>());
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              }).paths().add(rs.getString(4));
            });
    for (Campaign c : campaigns.values()) {
      Map<String, String> persons = new HashMap<>();
      for (TubeChecks.Tube tube : outcome.tubes().values()) {
        Instant at = tube.first.collectedAt;
        if (at.isBefore(c.startsAt()) || !at.isBefore(c.endsAt())) {
          continue;
        }
        for (TubeImport.Member m : tube.added) {
          for (String scope : c.paths()) {
            if (m.path.startsWith(scope)) {
              persons.putIfAbsent(m.personId, m.path);
              break;
            }
          }
        }
      }
      if (!persons.isEmpty()) {
        tested(c.id(), persons);
      }
    }
  }

  /**
   * Stores the persons as tested in the campaign and raises its population's counters by those not
   * tested before. Mostly first tests: one plain insert of them all (half the cost of {@code on
   * conflict do nothing}, which probes the index before every insert); only when one is stored already
   * does the batch go back to a savepoint and insert those not yet stored.
   */
  private void tested(UUID campaign, Map<String, String> persons) {
    // in the key's order (a uuid's text sorts as the uuid): neighbouring inserts share the index's pages
    String[] ids = persons.keySet().toArray(String[]::new);
    java.util.Arrays.sort(ids);
    Map<String, Long> byPath = new HashMap<>();
    firstTimeOr("labtest_tested", () -> {
      jdbc.sql("insert into labtest_campaign_tested (campaign_id, person_id) select ?, unnest(?::uuid[])")
          .params(campaign, (Object) ids).update();
      persons.values().forEach(path -> byPath.merge(path, 1L, Long::sum));
    }, () -> jdbc.sql("""
        insert into labtest_campaign_tested (campaign_id, person_id) select ?, unnest(?::uuid[])
        on conflict do nothing returning person_id
        """).params(campaign, (Object) ids).query(rs -> {
          byPath.merge(persons.get(rs.getString(1)), 1L, Long::sum);
        }));
    if (byPath.isEmpty()) {
      return;
    }
    jdbc.sql("""
        insert into labtest_campaign_population as p (campaign_id, jurisdiction_path, residents, tested)
        select ?, x.path, 0, x.n from unnest(?::text[], ?::bigint[]) as x(path, n)
        on conflict (campaign_id, jurisdiction_path) do update set tested = p.tested + excluded.tested
        """).params(campaign, (Object) byPath.keySet().toArray(String[]::new),
            (Object) byPath.values().toArray(Long[]::new)).update();
  }

  /**
   * Runs {@code plain}, an insert of rows mostly new (half the cost of {@code on conflict}, which probes the
   * index before every insert); when one of them is stored already, goes back to a savepoint and runs
   * {@code otherwise}, the statement that copes with rows stored before.
   */
  private void firstTimeOr(String savepoint, Runnable plain, Runnable otherwise) {
    jdbc.sql("savepoint " + savepoint).update();
    try {
      plain.run();
      jdbc.sql("release savepoint " + savepoint).update();
    } catch (DuplicateKeyException storedBefore) {
      jdbc.sql("rollback to savepoint " + savepoint).update();
      otherwise.run();
    }
  }
}
