package org.epicommand.labtest.internal;

/**
 * The campaign board's rollups (migration {@code V202611240600}), kept by the write paths in the
 * data's own transaction from the rows they actually inserted or updated, so a repeated import adds
 * nothing: the tubes and persons sampled by {@link TubeWrites} (the batch's sums), the results by the
 * statements below. {@code labtest_board_hour} holds per UTC hour, sampling site and jurisdiction
 * path the tubes and persons sampled and the results; {@code labtest_turnaround_hour} per UTC hour of result, lab and
 * path a histogram of 5-minute buckets ({@code labtest_turnaround_bucket}). A tube counts at its own
 * path (its first member's) with its member count ({@code labtest_tube.members}), a person sampled
 * at their own path. Each constant is the body of a data-modifying CTE.
 */
final class BoardRollup {

  private BoardRollup() {}

  /**
   * Results, their members (valid results only) and positive tubes, from {@code landed}: the tubes
   * resulted now, with their new columns.
   */
  static final String RESULTS = """
      insert into labtest_board_hour as h (hour, site_id, jurisdiction_path, results, persons_resulted, positives)
      select date_trunc('hour', reported_at, 'UTC'), site_id, jurisdiction_path, count(*),
             coalesce(sum(members) filter (where result <> 'INVALID'), 0),
             count(*) filter (where positive and result <> 'INVALID')
      from landed where jurisdiction_path is not null group by 1, 2, 3
      on conflict (hour, site_id, jurisdiction_path) do update set results = h.results + excluded.results,
        persons_resulted = h.persons_resulted + excluded.persons_resulted, positives = h.positives +
          excluded.positives""";

  /**
   * Turnaround, hand-over, transit and at-lab histograms, from {@code landed} (as {@link #RESULTS}): the
   * turnaround of every tube; hand-over, transit and receipt → result only for the tubes of a transport batch.
   */
  static final String TURNAROUND = """
      insert into labtest_turnaround_hour as h (hour, lab_id, jurisdiction_path, measure, bucket, tubes)
      select date_trunc('hour', l.reported_at, 'UTC'), l.lab_id, l.jurisdiction_path, 'T',
             labtest_turnaround_bucket(l.reported_at - l.collected_at), count(*)
      from landed l where l.jurisdiction_path is not null
      group by 1, 2, 3, 4, 5
      union all
      select date_trunc('hour', l.reported_at, 'UTC'), l.lab_id, l.jurisdiction_path, x.measure,
             labtest_turnaround_bucket(x.d), count(*)
      from landed l join labtest_transport_batch b on b.id = l.transport_batch_id
      cross join lateral (values ('H', b.handed_over_at - l.collected_at), ('X', b.received_at - b.handed_over_at),
                                 ('R', l.reported_at - b.received_at)) x(measure, d)
      where l.jurisdiction_path is not null and x.d is not null
      group by 1, 2, 3, 4, 5
      on conflict (hour, lab_id, jurisdiction_path, measure, bucket) do update set tubes = h.tubes + excluded.tubes""";
}
