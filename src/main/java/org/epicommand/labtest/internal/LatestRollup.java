package org.epicommand.labtest.internal;

/**
 * The latest test per person ({@code labtest_person_latest}, migration {@code V202612062000}), kept
 * like the board's rollups ({@link BoardRollup}) by the write paths in the data's own transaction from
 * the rows they actually inserted or updated, so a repeated import changes nothing. A sampling newer
 * than the stored one becomes the latest (its result pending); a result counts as the latest result
 * only when it belongs to the person's newest sampling — a late positive from an older sampling never
 * overwrites a newer negative —, and every negative raises {@code last_negative_sampled_at}.
 */
final class LatestRollup {

  private LatestRollup() {}

  /**
   * The members sampled now, one row per person (their newest sampling in the batch, gathered in memory,
   * in the key's order): parameters person ids, sampling times (text) and paths, as arrays.
   */
  static final String SAMPLED = """
      insert into labtest_person_latest as p (person_id, last_sampled_at, jurisdiction_path)
      select x.person_id, x.at, x.path from unnest(?::uuid[], ?::timestamptz[], ?::text[]) as x(person_id, at, path)
      on conflict (person_id) do update set last_sampled_at = excluded.last_sampled_at, last_result = null,
        jurisdiction_path = excluded.jurisdiction_path
      where excluded.last_sampled_at > p.last_sampled_at""";

  /** As {@link #SAMPLED}, for persons never sampled before: a plain insert. */
  static final String FIRST = """
      insert into labtest_person_latest (person_id, last_sampled_at, jurisdiction_path)
      select x.person_id, x.at, x.path from unnest(?::uuid[], ?::timestamptz[], ?::text[]) as x(person_id, at, path)""";

  /**
   * The results landed now, for every member of their tubes, from {@code landed} (the body of a
   * data-modifying CTE beside {@link BoardRollup#RESULTS}).
   */
  static final String RESULTS = """
      insert into labtest_person_latest as p (person_id, last_sampled_at, last_result, last_negative_sampled_at,
        jurisdiction_path)
      select m.person_id, max(l.collected_at),
             (array_agg(l.result order by l.collected_at desc, l.positive desc))[1],
             max(l.collected_at) filter (where l.result = 'NEGATIVE'),
             (array_agg(m.jurisdiction_path order by l.collected_at desc))[1]
      from landed l join labtest_tube_member m on m.tube_id = l.id group by m.person_id
      on conflict (person_id) do update set
        last_result = case when excluded.last_sampled_at >= p.last_sampled_at then excluded.last_result
                           else p.last_result end,
        last_sampled_at = greatest(p.last_sampled_at, excluded.last_sampled_at),
        jurisdiction_path = case when excluded.last_sampled_at > p.last_sampled_at then excluded.jurisdiction_path
                                 else p.jurisdiction_path end,
        last_negative_sampled_at = greatest(p.last_negative_sampled_at, excluded.last_negative_sampled_at)
      returning p.person_id""";
}
