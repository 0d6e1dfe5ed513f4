package org.epicommand.labtest.internal;

import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The end of a {@code tubes} file ({@link TubeImport#finish}), in the transaction that marks the job done: what
 * its batches stored is rolled up in one set-based statement each, instead of in every batch's transaction — the
 * latest test per person ({@link LatestRollup#SAMPLED}: each person's newest sampling of the file), and every new
 * member once as tested in each campaign whose window holds the sampling and whose scope their path, the
 * population's counters raised by those not tested before. The import's members are read through the ranges of
 * tube ids its batches noted ({@code labtest_tube_pending}, then deleted): the members stored by the import itself,
 * not those stored already by an earlier one. Both statements change nothing when run again, and the ranges are
 * gone once they ran, so a job that resumes after a crash between its last batch and its end finishes once more
 * without counting anyone twice. Until the end of the file, readers of the latest tests and of the campaigns'
 * coverage see the file's members as not yet sampled; the board's hourly rollup moves with every batch.
 */
@Component
class TubeFileEnd {

  /** The import's members with their tube's sampling time (a CTE, parameter {@code import}). */
  private static final String IMPORTED = """
      with imported as (
        select m.person_id, t.collected_at, m.jurisdiction_path
        from labtest_tube_pending r
        join labtest_tube t on t.id between r.first_tube and r.last_tube
        join labtest_tube_member m on m.tube_id between r.first_tube and r.last_tube and m.tube_id = t.id
          and m.source_import_id = r.import_id
        where r.import_id = :import)
      """;

  /** The persons to count as tested in each campaign, with their path (a CTE after {@link #IMPORTED}). */
  private static final String FOUND = """
      , found as materialized (
        select distinct on (c.id, i.person_id) c.id as campaign_id, i.person_id, i.jurisdiction_path
        from imported i
        join labtest_campaign c on c.starts_at <= i.collected_at and c.ends_at > i.collected_at and not c.drill
        join labtest_campaign_scope cs on cs.campaign_id = c.id
          and starts_with(i.jurisdiction_path, cs.jurisdiction_path)
        order by c.id, i.person_id)
      """;

  /** The campaigns' tested persons and their population's counters, from {@link #FOUND}: those not tested before. */
  private static final String TESTED = """
      , inserted as (
        insert into labtest_campaign_tested (campaign_id, person_id) select campaign_id, person_id from found
        on conflict do nothing returning campaign_id, person_id)
      insert into labtest_campaign_population as p (campaign_id, jurisdiction_path, residents, tested)
      select f.campaign_id, f.jurisdiction_path, 0, count(*) from inserted i join found f using (campaign_id, person_id)
      group by f.campaign_id, f.jurisdiction_path
      on conflict (campaign_id, jurisdiction_path) do update set tested = p.tested + excluded.tested""";

  /** As {@link #TESTED}, when none of them was tested before: a plain insert, and every one counted. */
  private static final String TESTED_FIRST = """
      , inserted as (
        insert into labtest_campaign_tested (campaign_id, person_id) select campaign_id, person_id from found)
      insert into labtest_campaign_population as p (campaign_id, jurisdiction_path, residents, tested)
      select campaign_id, jurisdiction_path, 0, count(*) from found group by campaign_id, jurisdiction_path
      on conflict (campaign_id, jurisdiction_path) do update set tested = p.tested + excluded.tested""";

  private final JdbcClient jdbc;

  TubeFileEnd(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void finish(UUID importId) {
    boolean pending = jdbc.sql("select exists (select from labtest_tube_pending where import_id = ?)")
        .param(importId).query(Boolean.class).single();
    if (!pending) {
      return;
    }
    // millions of members sorted and hashed in memory rather than in batches on disk
    jdbc.sql("set local work_mem = '256MB'").update();
    // mostly persons never sampled (or tested in the campaign) before: a plain insert, the upsert only when not
    firstTimeOr("labtest_latest", IMPORTED + LatestRollup.FIRST, IMPORTED + LatestRollup.SAMPLED, importId);
    firstTimeOr("labtest_tested", IMPORTED + FOUND + TESTED_FIRST, IMPORTED + FOUND + TESTED, importId);
    jdbc.sql("delete from labtest_tube_pending where import_id = ?").param(importId).update();
  }

  /**
   * Runs {@code plain}, an insert of rows mostly new (without {@code on conflict}, which probes the index before
   * every insert, and with nothing to match back to what it returns); when one of them is stored already, goes back
   * to a savepoint and runs {@code otherwise}, the statement that copes with rows stored before.
   */
  private void firstTimeOr(String savepoint, String plain, String otherwise, UUID importId) {
    jdbc.sql("savepoint " + savepoint).update();
    try {
      jdbc.sql(plain).param("import", importId).update();
      jdbc.sql("release savepoint " + savepoint).update();
    } catch (DuplicateKeyException storedBefore) {
      jdbc.sql("rollback to savepoint " + savepoint).update();
      jdbc.sql(otherwise).param("import", importId).update();
    }
  }
}
