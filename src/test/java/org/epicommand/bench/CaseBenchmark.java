package org.epicommand.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.Classification;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Paging;
import org.epicommand.support.DemoPlaces;
import org.epicommand.tracing.ChainFixtures;
import org.epicommand.tracing.Contacts;
import org.epicommand.tracing.TrackingState;
import org.epicommand.tracing.TransmissionChain;
import org.epicommand.tracing.TransmissionChains;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases, contacts and chains: the chain JSON of a 10,000-case chain (read, generations,
 * serialisation; target &lt; 500 ms), the case list of a district user and the contact lists of a
 * district and a community user, all, by tracking state and to locate (p95 &lt; 100 ms at 1 M cases
 * and 5 M contacts). The number of cases is {@code -Dbench.cases} (default: a tenth of the
 * persons), of contacts {@code -Dbench.contacts} (default: five per case).
 */
final class CaseBenchmark {

  static final int CHAIN_SIZE = 10_000;

  private CaseBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) {
    int cases = Integer.getInteger("bench.cases", Math.max(10_000, persons / 10));
    JdbcClient jdbc = BenchDatabase.ownerJdbc(context);
    Jurisdictions jurisdictions = context.getBean(Jurisdictions.class);
    Jurisdiction city = jurisdictions.find(DemoPlaces.CITY).orElseThrow();
    List<Jurisdiction> communities = jurisdictions.descendantsAt(city.scope(), JurisdictionLevel.VILLAGE);

    long t = System.nanoTime();
    jdbc.sql("""
        insert into case_report (id, person_id, person_name, jurisdiction_code, jurisdiction_path, classification,
          onset_date, diagnosed_at, reported_at, direct_reported_at)
        select gen_random_uuid(), gen_random_uuid(), '基准' || i, (:codes::text[])[1 + i % :k],
          (:paths::text[])[1 + i % :k], (array['CONFIRMED', 'ASYMPTOMATIC', 'SUSPECTED', 'EXCLUDED'])[1 + i % 4],
          date '2026-01-01' + (i % 300), now() - make_interval(mins => i % 500000),
          now() - make_interval(mins => i % 500000), now() - make_interval(mins => i % 500000)
        from generate_series(1, :n) i
        """)
        .param("codes", communities.stream().map(Jurisdiction::code).toArray(String[]::new))
        .param("paths", communities.stream().map(Jurisdiction::path).toArray(String[]::new))
        .param("k", communities.size()).param("n", cases).update();
    // steady state: autovacuum has run (visibility map set, so counts can be index-only)
    jdbc.sql("vacuum analyze case_report").update();
    results.figure("cases.bulkInsert", "cases/s", cases / seconds(t), null, null, null);

    int contacts = Integer.getInteger("bench.contacts", cases * 5);
    t = System.nanoTime();
    loadContacts(context, jdbc, communities, contacts);
    results.figure("contacts.bulkInsert", "contacts/s", contacts / seconds(t), null, null, null);

    String root = ChainFixtures.tree(jdbc, CHAIN_SIZE, communities.get(0).code(), "链基准");
    jdbc.sql("vacuum analyze chain_member").update();
    jdbc.sql("vacuum analyze transmission_link").update();

    ImportPrincipals principals = context.getBean(ImportPrincipals.class);
    JsonMapper json = JsonMapper.builder().build();
    try {
      SecurityContextHolder.getContext().setAuthentication(principals.authenticationOf("cdc").orElseThrow());
      TransmissionChains chains = context.getBean(TransmissionChains.class);
      UUID rootId = UUID.fromString(root);
      TransmissionChain first = chains.chain(rootId);
      if (first.nodes().size() != CHAIN_SIZE || first.links().size() != CHAIN_SIZE - 1) {
        throw new IllegalStateException("chain of " + first.nodes().size() + " nodes");
      }
      latency(results, "chains.json10k", 20, 500, i -> json.writeValueAsBytes(chains.chain(rootId)));

      SecurityContextHolder.getContext().setAuthentication(principals.authenticationOf("district").orElseThrow());
      CaseRegistry registry = context.getBean(CaseRegistry.class);
      latency(results, "cases.listPage", 100, 100, i -> registry.list(null, null, null, Paging.of(i % 10, 50)));
      latency(results, "cases.listConfirmed", 100, 100,
          i -> registry.list(Classification.CONFIRMED, null, null, Paging.of(i % 5, 50)));
      latency(results, "cases.listCommunity", 100, 100, i -> registry.list(null, null,
          communities.get(i % 20).code(), Paging.of(0, 50)));

      Contacts contactList = context.getBean(Contacts.class);
      latency(results, "contacts.listPage", 100, 100, i -> contactList.inJurisdiction(null, null, Paging.of(i % 10,
          50)));
      latency(results, "contacts.listLocated", 100, 100,
          i -> contactList.inJurisdiction(null, TrackingState.LOCATED, Paging.of(i % 5, 50)));
      latency(results, "contacts.toLocate", 100, 100, i -> contactList.toLocate(Paging.of(i % 5, 50)));
      latency(results, "contacts.listCommunity", 100, 100, i -> contactList.inJurisdiction(
          communities.get(i % 20).code(), null, Paging.of(0, 50)));
      SecurityContextHolder.getContext().setAuthentication(principals.authenticationOf("community").orElseThrow());
      latency(results, "contacts.communityUser", 100, 100,
          i -> contactList.inJurisdiction(null, null, Paging.of(i % 5, 50)));
      latency(results, "contacts.communityUnderControl", 100, 100,
          i -> contactList.inJurisdiction(null, TrackingState.UNDER_CONTROL, Paging.of(i % 5, 50)));
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /**
   * Investigations for the confirmed and asymptomatic cases (half of them) and {@code count}
   * contacts among them, bulk-inserted: contacts per case skewed (a few cases with hundreds, most
   * with a handful), 70 % living in the case's community and the rest anywhere in the city, tracking
   * states as in a settled outbreak (5 % still to locate, 10 % located, 70 % under control, the rest
   * not found, transferred out or excluded), identified within two days of the case report.
   */
  private static void loadContacts(ConfigurableApplicationContext context, JdbcClient jdbc,
      List<Jurisdiction> communities, int count) {
    jdbc.sql("""
        insert into investigation (id, case_id, case_person_id, case_label, jurisdiction_code, jurisdiction_path,
          classification, onset_date, case_reported_at, investigator, state, core_due_at, report_due_at, core_done_at,
          completed_at, created_at, created_by)
        select gen_random_uuid(), c.id, c.person_id, c.person_name, c.jurisdiction_code, c.jurisdiction_path,
          c.classification, c.onset_date, c.reported_at, 'cdc', 'COMPLETE', c.reported_at + interval '4 hours',
          c.reported_at + interval '24 hours', c.reported_at + interval '3 hours', c.reported_at + interval '20 hours',
          c.reported_at, 'bench'
        from case_report c
        where c.classification in ('CONFIRMED', 'ASYMPTOMATIC') and c.person_name like '基准%'
        on conflict (case_id) do nothing
        """).update();
    jdbc.sql("drop table if exists bench_investigation").update();
    jdbc.sql("""
        create unlogged table bench_investigation as
        select (row_number() over (order by id) - 1)::int as n, id, case_id, jurisdiction_code, jurisdiction_path,
          case_reported_at
        from investigation where created_by = 'bench'
        """).update();
    jdbc.sql("alter table bench_investigation add primary key (n)").update();
    int investigations = jdbc.sql("select count(*)::int from bench_investigation").query(Integer.class).single();
    // like a bulk load: the secondary indexes are dropped and built again afterwards (from their own
    // definitions), the foreign key to investigation is checked once for all rows below
    List<String> indexes = jdbc.sql("""
        select indexrelid::regclass::text, pg_get_indexdef(indexrelid) from pg_index
        where indrelid = 'contact'::regclass and not indisprimary and not indisunique
        """).query((rs, n) -> rs.getString(1) + "\u0000" + rs.getString(2)).list();
    indexes.forEach(index -> jdbc.sql("drop index " + index.substring(0, index.indexOf('\u0000'))).update());
    BenchDatabase.asSuperuser(context, "alter table contact disable trigger all");
    jdbc.sql("""
        insert into contact (id, case_id, investigation_id, person_id, person_name, jurisdiction_code,
          jurisdiction_path,
          category, contact_type, discovery_route, last_exposure_date, tracking_state, outcome, case_reported_at,
          identified_at, located_at, under_control_at, created_by)
        select gen_random_uuid(), i.case_id, i.id, gen_random_uuid(), '接触' || g,
          case when g % 10 < 7 then i.jurisdiction_code else (:codes::text[])[1 + g % :k] end,
          case when g % 10 < 7 then i.jurisdiction_path else (:paths::text[])[1 + g % :k] end,
          (array['CLOSE', 'CLOSE', 'CLOSE', 'CLOSE', 'CLOSE', 'CLOSE', 'CLOSE', 'SECONDARY', 'SECONDARY',
            'GENERAL'])[1 + g % 10],
          (array['HOUSEHOLD', 'MEAL', 'ROOM', 'VEHICLE', 'TREATMENT', 'CARE', 'WARD', 'LEISURE', 'OTHER'])[1 + g % 9],
          case when g % 13 = 0 then 'REQUEST_FROM_ELSEWHERE' else 'OWN_INVESTIGATION' end,
          (i.case_reported_at - make_interval(days => g % 4))::date, s.state,
          case when s.state = 'UNDER_CONTROL' and g % 2 = 0 then 'RELEASED' end,
          i.case_reported_at, i.case_reported_at + make_interval(mins => g % 2880),
          case when s.state in ('LOCATED', 'UNDER_CONTROL') then i.case_reported_at + make_interval(mins => 2880 + g %
            600) end,
          case when s.state = 'UNDER_CONTROL' then i.case_reported_at + make_interval(mins => 3480 + g % 600) end,
          'bench'
        from generate_series(1, :n) g
        cross join lateral (select (array['IDENTIFIED', 'LOCATED', 'LOCATED', 'UNDER_CONTROL', 'UNDER_CONTROL',
          'UNDER_CONTROL', 'UNDER_CONTROL', 'UNDER_CONTROL', 'UNDER_CONTROL', 'UNDER_CONTROL', 'UNDER_CONTROL',
          'UNDER_CONTROL', 'UNDER_CONTROL', 'UNDER_CONTROL', 'UNDER_CONTROL', 'UNDER_CONTROL', 'UNDER_CONTROL',
          'NOT_FOUND', 'TRANSFERRED_OUT', 'EXCLUDED'])[1 + (g * 7) % 20] as state) s
        join bench_investigation i on i.n = floor(:m * power(((g::bigint * 7919) % 100003) / 100003.0, 2))::int
        """)
        .param("codes", communities.stream().map(Jurisdiction::code).toArray(String[]::new))
        .param("paths", communities.stream().map(Jurisdiction::path).toArray(String[]::new))
        .param("k", communities.size()).param("n", count).param("m", investigations).update();
    BenchDatabase.asSuperuser(context, "alter table contact enable trigger all");
    long orphans = jdbc.sql("select count(*) from contact c where not exists (select 1 from investigation i"
        + " where i.id = c.investigation_id)").query(Long.class).single();
    if (orphans > 0) {
      throw new IllegalStateException(orphans + " contacts without their investigation");
    }
    indexes.forEach(index -> jdbc.sql(index.substring(index.indexOf('\u0000') + 1)).update());
    jdbc.sql("drop table bench_investigation").update();
    jdbc.sql("vacuum analyze investigation").update();
    jdbc.sql("vacuum analyze contact").update();
  }

  /** p50 and p95 over {@code runs} after a warm-up; p95 must stay under {@code ceilingMillis}. */
  private static void latency(Benchmarks.Results results, String name, int runs, double ceilingMillis,
      IntConsumer query) {
    for (int i = 0; i < Math.min(10, runs); i++) {
      query.accept(i);
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      query.accept(i);
      millis.add((System.nanoTime() - t) / 1e6);
    }
    millis.sort(Double::compare);
    double p50 = millis.get((int) Math.ceil(0.50 * runs) - 1);
    double p95 = millis.get((int) Math.ceil(0.95 * runs) - 1);
    results.figure(name + ".p50", "ms", p50, null, null, null);
    results.figure(name + ".p95", "ms", p95, "< " + (int) ceilingMillis, null, null);
    results.ceiling(name + ".p95", p95, ceilingMillis);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
