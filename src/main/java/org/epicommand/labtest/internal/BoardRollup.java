package org.epicommand.labtest.internal;

/**
 * The campaign board's rollups (migration {@code V202611240600}), kept by the write paths in the
 * data's own transaction from the rows they actually inserted or updated, so a repeated import adds
 * nothing. {@code labtest_board_hour} holds per UTC hour, sampling site and jurisdiction path the tubes
 * and persons sampled and the results; {@code labtest_turnaround_hour} per UTC hour of result, lab and
 * path a histogram of 5-minute buckets ({@code labtest_turnaround_bucket}). A tube counts at its own
 * path (its first member's), a person at theirs. Each constant is the body of a data-modifying CTE.
 */
final class BoardRollup {

  private BoardRollup() {}

  /** Tubes sampled, from {@code new_tubes(site_id, collected_at, jurisdiction_path)}: the tubes inserted. */
  static final String TUBES = """
      insert into labtest_board_hour as h (hour, site_id, jurisdiction_path, tubes)
      select date_trunc('hour', collected_at, 'UTC'), site_id, jurisdiction_path, count(*)
      from new_tubes where jurisdiction_path is not null group by 1, 2, 3
      on conflict (hour, site_id, jurisdiction_path) do update set tubes = h.tubes + excluded.tubes""";

  /** Persons sampled, from {@code added(tube_id, person_id, jurisdiction_path)}: the members inserted. */
  static final String PERSONS = """
      insert into labtest_board_hour as h (hour, site_id, jurisdiction_path, persons)
      select date_trunc('hour', t.collected_at, 'UTC'), t.site_id, a.jurisdiction_path, count(*)
      from added a join labtest_tube t on t.id = a.tube_id group by 1, 2, 3
      on conflict (hour, site_id, jurisdiction_path) do update set persons = h.persons + excluded.persons""";

  /**
   * Results, persons resulted (valid results) and positive tubes, from {@code landed}: the tubes
   * resulted now, with their new columns.
   */
  static final String RESULTS = """
      insert into labtest_board_hour as h (hour, site_id, jurisdiction_path, results, persons_resulted, positives)
      select hour, site_id, path, sum(results), sum(persons), sum(positives) from (
        select date_trunc('hour', reported_at, 'UTC') as hour, site_id, jurisdiction_path as path, 1 as results,
               0 as persons, case when positive and result <> 'INVALID' then 1 else 0 end as positives
        from landed where jurisdiction_path is not null
        union all
        select date_trunc('hour', l.reported_at, 'UTC'), l.site_id, m.jurisdiction_path, 0, 1, 0
        from landed l join labtest_tube_member m on m.tube_id = l.id where l.result <> 'INVALID') x
      group by hour, site_id, path
      on conflict (hour, site_id, jurisdiction_path) do update set results = h.results + excluded.results,
        persons_resulted = h.persons_resulted + excluded.persons_resulted, positives = h.positives + excluded.positives""";

  /** Turnaround, hand-over and transit histograms, from {@code landed} (as {@link #RESULTS}). */
  static final String TURNAROUND = """
      insert into labtest_turnaround_hour as h (hour, lab_id, jurisdiction_path, measure, bucket, tubes)
      select date_trunc('hour', l.reported_at, 'UTC'), l.lab_id, l.jurisdiction_path, x.measure,
             labtest_turnaround_bucket(x.d), count(*)
      from landed l left join labtest_transport_batch b on b.id = l.transport_batch_id
      cross join lateral (values ('T', l.reported_at - l.collected_at), ('H', b.handed_over_at - l.collected_at),
                                 ('X', b.received_at - b.handed_over_at)) x(measure, d)
      where l.jurisdiction_path is not null and x.d is not null
      group by 1, 2, 3, 4, 5
      on conflict (hour, lab_id, jurisdiction_path, measure, bucket) do update set tubes = h.tubes + excluded.tubes""";
}
