package org.epicommand.labtest.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.shared.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a checked {@code tubes} batch ({@link TubeChecks.Outcome}) in the batch's transaction: the
 * new tubes, with ids drawn from their identity sequence in one query, and the new members are COPYed
 * straight into {@code labtest_tube} and {@code labtest_tube_member} (a tube created meanwhile by
 * another import makes the COPY fail on the barcode's uniqueness, and the machinery retries the batch
 * row by row); stored tubes' member counts are raised; the board's hourly rollup
 * ({@link BoardRollup}: tubes at their first member's path, persons at their own) is added to with
 * one upsert of the batch's sums; and the ranges of the tube ids that gained members are noted in
 * {@code labtest_tube_pending}, for the end of the file ({@link TubeFileEnd}) to roll the latest test per
 * person and the campaigns' tested persons up from.
 */
@Component
class TubeWrites {

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  TubeWrites(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

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
    pending(outcome, importId);
  }

  /** The ids of the tubes that gained members, as runs of consecutive ids, noted for the end of the file. */
  private void pending(TubeChecks.Outcome outcome, UUID importId) {
    long[] ids = outcome.tubes().values().stream().mapToLong(t -> t.id).sorted().toArray();
    List<Long> firsts = new ArrayList<>();
    List<Long> lasts = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (i == 0 || ids[i] != ids[i - 1] + 1) {
        firsts.add(ids[i]);
        lasts.add(ids[i]);
      } else {
        lasts.set(lasts.size() - 1, ids[i]);
      }
    }
    jdbc.sql("""
        insert into labtest_tube_pending (import_id, first_tube, last_tube)
        select ?, r.first_tube, r.last_tube from unnest(?::bigint[], ?::bigint[]) as r(first_tube, last_tube)
        """).params(importId, (Object) firsts.toArray(Long[]::new), (Object) lasts.toArray(Long[]::new)).update();
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
}
