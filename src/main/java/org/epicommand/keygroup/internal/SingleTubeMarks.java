package org.epicommand.keygroup.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.epicommand.labtest.SingleTubeGroups;
import org.epicommand.labtest.SingleTubeMembersPooled;
import org.epicommand.labtest.SingleTubeMembership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The single-tube rule of the groups whose edition requires it (e.g. cold-chain workers): tells the tubes import
 * which of a batch's pooled members hold such a membership ({@link SingleTubeGroups}) — for the days on which both
 * the membership holds and an edition requiring single tubes is in force, so that each tube is judged by the edition
 * in effect on its sampling day, not today's — and marks the member's organisation for each of them found in a pool
 * ({@link SingleTubeMembersPooled}): once per tube, person and group, so that a re-import marks nothing again.
 */
@Component
class SingleTubeMarks implements SingleTubeGroups {

  /**
   * The days each edition requiring single tubes is in force: from its {@code effective_from} (the first edition also
   * before, as the schedules take it when none is in effect yet) to the day before the next edition's; an edition
   * superseded on its own first day is never in force. The same editions as {@link ScheduleSql}'s on each day.
   */
  private static final String REQUIRING = """
      select group_code, valid_from, valid_to from (
        select group_code, single_tube_required,
          case when row_number() over w > 1 then effective_from end as valid_from,
          lead(effective_from) over w - 1 as valid_to
        from keygroup_schedule window w as (partition by group_code order by version)) e
      where e.single_tube_required and (e.valid_from is null or e.valid_to is null or e.valid_to >= e.valid_from)
      """;

  private final JdbcClient jdbc;
  private final Clock clock;

  SingleTubeMarks(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public boolean anyRequired() {
    return jdbc.sql("select exists (select from keygroup_schedule where single_tube_required)").query(Boolean.class)
        .single();
  }

  @Override
  public List<SingleTubeMembership> memberships(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("with r as (" + REQUIRING + """
        )
        select m.person_id, m.group_code, g.name, greatest(m.from_date, r.valid_from), least(m.to_date, r.valid_to)
        from keygroup_member m join r on r.group_code = m.group_code join keygroup_group g on g.code = m.group_code
        where m.person_id = any(cast(:persons as uuid[])) and m.retired_at is null
          and (r.valid_to is null or r.valid_to >= m.from_date)
          and (r.valid_from is null or m.to_date is null or r.valid_from <= m.to_date)
        """).param("persons", personIds.toArray(String[]::new))
        .query((rs, n) -> new SingleTubeMembership(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
        .list();
  }

  /** One mark per tube, person and group on the member's organisation; those marked before are left alone. */
  @ApplicationModuleListener
  void on(SingleTubeMembersPooled event) {
    List<SingleTubeMembersPooled.Pooled> pooled = event.members();
    jdbc.sql("""
        insert into keygroup_single_tube_mark (tube_barcode, person_id, group_code, member_id, organisation_id,
          organisation_code, organisation_name, jurisdiction_path, collected_at, marked_at)
        select x.barcode, m.person_id, m.group_code, m.id, m.organisation_id, m.organisation_code,
          m.organisation_name, m.jurisdiction_path, cast(x.collected_at as timestamptz), :now
        from unnest(cast(:persons as uuid[]), cast(:groups as text[]), cast(:barcodes as text[]),
          cast(:collected as text[])) as x(person_id, group_code, barcode, collected_at)
        join keygroup_member m on m.person_id = x.person_id and m.group_code = x.group_code and m.retired_at is null
        on conflict do nothing
        """)
        .param("persons", pooled.stream().map(SingleTubeMembersPooled.Pooled::personId).toArray(String[]::new))
        .param("groups", pooled.stream().map(SingleTubeMembersPooled.Pooled::groupCode).toArray(String[]::new))
        .param("barcodes", pooled.stream().map(SingleTubeMembersPooled.Pooled::barcode).toArray(String[]::new))
        .param("collected", pooled.stream().map(p -> p.collectedAt().toString()).toArray(String[]::new))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }
}
