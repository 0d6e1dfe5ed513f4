package org.epicommand.sentinel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.labtest.LatestTest;
import org.epicommand.labtest.LatestTests;
import org.epicommand.labtest.TubesResulted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer → test → community-verification loop, set-based and idempotent. Every sweep (and on demand):
 * the REAL_NAME_TEST_72H purchases whose window has passed are looked at in batches — a buyer sampled
 * at or after the purchase ({@link LatestTests}) needs nothing, any other gets one verification item on
 * their community's list (one per purchase: a repeated sweep adds none) with the SLA as its due time —,
 * and open items close themselves (outcome SAMPLED) when the buyer's sampling at or after the purchase
 * has landed: at once for each batch of results ({@link TubesResulted}), and at the next sweep for a
 * sampling whose result is pending. The same batch event gives waiting clinic visits their result.
 */
@Component
public class VerificationJob {

  static final int BATCH = 5_000;

  private record Due(UUID purchase, UUID person, Instant purchasedAt, String path) {}

  private final JdbcClient jdbc;
  private final LatestTests latest;
  private final SentinelProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  VerificationJob(JdbcClient jdbc, LatestTests latest, SentinelProperties properties, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.latest = latest;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /** Opens the items that are due and closes those whose buyer was sampled since; the items opened. */
  @Scheduled(fixedDelayString = "${epicommand.sentinel.sweep:5m}", initialDelayString = "PT1M")
  @Transactional
  public int sweep() {
    Instant now = clock.instant();
    int opened = 0;
    List<Due> due;
    do {
      due = jdbc.sql("""
          select id, person_id, purchased_at, buyer_path from sentinel_purchase
          where test_due_at is not null and not checked and test_due_at <= ? order by test_due_at limit ?
          """).params(utc(now), BATCH).query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
              rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4))).list();
      opened += open(due, now);
    } while (due.size() == BATCH);
    List<UUID> waiting = jdbc.sql("select distinct person_id from sentinel_verification where state <> 'CLOSED'")
        .query(UUID.class).list();
    for (int i = 0; i < waiting.size(); i += BATCH) {
      close(waiting.subList(i, Math.min(waiting.size(), i + BATCH)));
    }
    return opened;
  }

  /**
   * A batch of results landed: the open items of its persons sampled since their purchase close, and
   * their waiting clinic visits take the result. Only the batch's persons with an open item or a visit
   * waiting are looked up in the latest tests (a pooled batch names up to ten persons a tube, nearly
   * all of them with neither).
   */
  @ApplicationModuleListener
  void on(TubesResulted event) {
    List<UUID> waiting = jdbc.sql("""
        select person_id from sentinel_verification where state <> 'CLOSED' and person_id = any(?::uuid[])
        union
        select person_id from sentinel_clinic_visit where result is null and person_id = any(?::uuid[])
        """).params(event.persons().toArray(UUID[]::new), event.persons().toArray(UUID[]::new))
        .query(UUID.class).list();
    if (waiting.isEmpty()) {
      return;
    }
    Map<UUID, LatestTest> tests = latest.of(waiting);
    close(tests);
    results(tests);
  }

  /**
   * Clinic visits waiting for a result take their patient's latest result when that sampling was at
   * or after the visit (less an hour: a tube labelled just before the patient was registered).
   */
  private void results(Map<UUID, LatestTest> tests) {
    List<LatestTest> resulted = tests.values().stream().filter(t -> t.lastResult() != null).toList();
    if (resulted.isEmpty()) {
      return;
    }
    jdbc.sql("""
        update sentinel_clinic_visit v set result = x.result
        from unnest(?::uuid[], ?::text[], ?::text[]) as x(person_id, sampled_at, result)
        where v.person_id = x.person_id and v.result is null
          and cast(x.sampled_at as timestamptz) >= v.visited_at - interval '1 hour'
        """).params((Object) resulted.stream().map(t -> t.personId().toString()).toArray(String[]::new),
            (Object) resulted.stream().map(t -> t.lastSampledAt().toString()).toArray(String[]::new),
            (Object) resulted.stream().map(LatestTest::lastResult).toArray(String[]::new)).update();
  }

  private int open(List<Due> due, Instant now) {
    if (due.isEmpty()) {
      return 0;
    }
    Map<UUID, LatestTest> tests = latest.of(due.stream().map(Due::person).distinct().toList());
    List<Due> untested = due.stream().filter(d -> {
      LatestTest test = tests.get(d.person());
      return test == null || !test.sampledSince(d.purchasedAt());
    }).toList();
    List<String> ids = new ArrayList<>();
    if (!untested.isEmpty()) {
      String[] purchases = untested.stream().map(d -> d.purchase().toString()).toArray(String[]::new);
      ids = jdbc.sql("""
          insert into sentinel_verification (id, purchase_id, person_id, jurisdiction_path, source, purchased_at,
            created_at, due_at, state)
          select gen_random_uuid(), p.id, p.person_id, p.buyer_path,
            case when p.source = 'PLATFORM_PUSH' then 'PLATFORM_PUSH' else 'BUYER_UNTESTED' end, p.purchased_at, ?, ?,
            'OPEN'
          from sentinel_purchase p where p.id = any(?::uuid[])
          on conflict (purchase_id) do nothing returning id::text
          """).params(utc(now), utc(now.plus(properties.verificationSla())), (Object) purchases)
          .query(String.class).list();
    }
    jdbc.sql("update sentinel_purchase set checked = true where id = any(?::uuid[])")
        .params((Object) due.stream().map(d -> d.purchase().toString()).toArray(String[]::new)).update();
    ids.forEach(id -> audit.recordAs("system", AuditAction.CREATE, "SENTINEL_VERIFICATION", id, "buyer untested"));
    return ids.size();
  }

  private void close(Collection<UUID> persons) {
    if (!persons.isEmpty()) {
      close(latest.of(persons));
    }
  }

  private void close(Map<UUID, LatestTest> tests) {
    if (tests.isEmpty()) {
      return;
    }
    String[] who = new String[tests.size()];
    String[] sampled = new String[tests.size()];
    int i = 0;
    for (LatestTest test : tests.values()) {
      who[i] = test.personId().toString();
      sampled[i++] = test.lastSampledAt().toString();
    }
    List<String> closed = jdbc.sql("""
        update sentinel_verification v set state = 'CLOSED', outcome = 'SAMPLED', closed_at = ?, closed_by = 'system'
        from unnest(?::uuid[], ?::text[]) as x(person_id, sampled_at)
        where v.person_id = x.person_id and v.state <> 'CLOSED' and v.purchased_at <= cast(x.sampled_at as timestamptz)
        returning v.id::text
        """).params(utc(clock.instant()), (Object) who, (Object) sampled).query(String.class).list();
    closed.forEach(id -> audit.recordAs("system", AuditAction.UPDATE, "SENTINEL_VERIFICATION", id, "closed SAMPLED"));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
