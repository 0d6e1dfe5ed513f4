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
import org.epicommand.tracing.ChainFixtures;
import org.epicommand.tracing.TransmissionChain;
import org.epicommand.tracing.TransmissionChains;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases and chains: the chain JSON of a 10,000-case chain (read, generations, serialisation;
 * target &lt; 500 ms) and the case list of a district user (p95 &lt; 100 ms at 1 M cases). The number
 * of cases is {@code -Dbench.cases} (default: a tenth of the persons).
 */
final class CaseBenchmark {

  static final int CHAIN_SIZE = 10_000;

  private CaseBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) {
    int cases = Integer.getInteger("bench.cases", Math.max(10_000, persons / 10));
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    Jurisdictions jurisdictions = context.getBean(Jurisdictions.class);
    Jurisdiction city = jurisdictions.find("990100").orElseThrow();
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
    } finally {
      SecurityContextHolder.clearContext();
    }
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
