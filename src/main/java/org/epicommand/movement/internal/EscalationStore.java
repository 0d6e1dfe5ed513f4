package org.epicommand.movement.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The overdue escalations of pushed items: which items became overdue (per kind) and have not been
 * reported yet. Claiming and reading happen in one statement, so two runs never report an item twice.
 */
@Repository
public class EscalationStore {

  /** The kinds of overdue: not signed in time, no feedback in time. */
  public enum Kind { SIGN, FEEDBACK }

  /** Newly overdue items of one list in one jurisdiction, of one kind. */
  public record Batch(Kind kind, String listRef, String jurisdictionCode, long items) {}

  private final JdbcClient jdbc;
  private final MovementProperties properties;

  EscalationStore(JdbcClient jdbc, MovementProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Claims every item overdue at {@code now} that was not yet escalated for that kind; grouped for the notices. */
  public List<Batch> claimOverdue(Instant now) {
    return jdbc.sql("""
        with due as (
          select i.id, 'SIGN' as kind from pushed_item i
          where i.state = 'PUSHED' and i.pushed_at + make_interval(secs => :signSecs) < :now
          union all
          select i.id, 'FEEDBACK' from pushed_item i
          where i.state not in ('FEEDBACK_SENT', 'AUDITED') and i.pushed_at + make_interval(secs => :feedbackSecs) <
            :now
        ), fresh as (
          insert into pushed_item_escalation (item_id, kind, escalated_at)
          select d.id, d.kind, :now from due d
          where not exists (select 1 from pushed_item_escalation e where e.item_id = d.id and e.kind = d.kind)
          on conflict do nothing
          returning item_id, kind
        )
        select f.kind, i.list_ref, i.jurisdiction_code, count(*) as items
        from fresh f join pushed_item i on i.id = f.item_id
        group by f.kind, i.list_ref, i.jurisdiction_code
        order by f.kind, i.list_ref, i.jurisdiction_code
        """).param("signSecs", (double) properties.signWithin().toSeconds())
        .param("feedbackSecs", (double) properties.feedbackWithin().toSeconds())
        .param("now", Timestamp.from(now))
        .query((rs, n) -> new Batch(Kind.valueOf(rs.getString("kind")), rs.getString("list_ref"),
            rs.getString("jurisdiction_code"), rs.getLong("items"))).list();
  }

  /** The kinds an item was escalated for (tests, detail pages). */
  public List<String> kindsOf(java.util.UUID itemId) {
    return jdbc.sql("select kind from pushed_item_escalation where item_id = :id order by kind").param("id", itemId)
        .query(String.class).list();
  }
}
