package org.epicommand.bench;

import java.io.BufferedWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.internal.ImportJobs;
import org.epicommand.keygroup.KeyGroups;
import org.epicommand.keygroup.MemberSchedules;
import org.epicommand.keygroup.NewKeyGroup;
import org.epicommand.keygroup.NewSchedule;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Key groups: a tenth of the residents ({@code -Dbench.persons}; 1,000,000 members at 10 M) as members of three
 * groups — every 3 days with 14 blocking days (cold chain), twice a week 48 h apart (delivery), every 7 days — at
 * organisations of the directory (one per 100 members, registered through the {@code organisations} import, spread
 * over every district's communities). The rosters are a volume fixture written set-based, as are the results: one
 * per member in the latest test per person ({@code labtest_person_latest}), as the {@code results} import lands
 * them, sampled over the last ten days, one in fifty positive. Then:
 * <ul>
 *   <li>the recomputation the results set off: {@link MemberSchedules#observe}, what the handler of
 *       {@code TubesResulted} calls, for the persons of each import batch (50,000, the results import's batch),
 *       {@link #WORKERS} batches at a time as the handlers run on the task executor, beside a bare {@code update}
 *       of the same rows in the same batches, as many at a time (target < 30 s at 1 M members);</li>
 *   <li>the next day's sweep over every member ({@link MemberSchedules#refreshAll}), the day passing moving
 *       members to due and overdue;</li>
 *   <li>the overdue list (应检未检) of each district in turn over HTTP as the commander, beside {@code /api/v1/me}
 *       (p95 < 100 ms);</li>
 *   <li>a routine day: every member's next result, sampled in the last 24 hours, lands on the schedules the first
 *       results left, and the recomputation runs again in the same batches (the same target). The first results of
 *       whole rosters move most members from never sampled to needing action; a routine day moves most of them
 *       back to up to date.</li>
 * </ul>
 */
final class KeyGroupBenchmark {

  static final int MEMBERS_PER_ORGANISATION = 100;
  static final int BATCH = 50_000;

  /**
   * How many batches are recomputed at once ({@code -Dbench.keygroup.workers}): each stored batch of results is
   * handled after its commit on the task executor, several at a time while the import goes on; two here, one per
   * core of the reference machine (one: batch after batch, as measured until 2026-12-07).
   */
  static final int WORKERS = Integer.getInteger("bench.keygroup.workers", 2);
  private static final String[] GROUPS = {"BENCH_COLD", "BENCH_DELIVERY", "BENCH_WEEKLY"};
  private static final String[] KINDS = {"WAREHOUSE", "LOGISTICS", "MARKET", "HOSPITAL"};

  private KeyGroupBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    JdbcClient owner = BenchDatabase.ownerJdbc(context);
    // -Dbench.keygroupMembers sets the members apart from the residents (at most all of them)
    int members = Math.min(persons, Integer.getInteger("bench.keygroupMembers",
        Math.max(MEMBERS_PER_ORGANISATION, persons / 10)));
    int organisations = Math.max(1, members / MEMBERS_PER_ORGANISATION);
    Map<String, List<String>> byDistrict = CapabilityBench.communitiesByDistrict(jdbc);
    List<String> districts = new ArrayList<>(byDistrict.keySet());

    // the organisations, through the directory's import; the groups through the facade
    Path file = Files.createDirectories(Path.of("target", "bench")).resolve("keygroup-organisations.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("creditCode,name,kind,jurisdictionCode,headcount\n");
      for (int o = 0; o < organisations; o++) {
        // the districts in turn, each district's communities in turn, so that every district has members
        List<String> communities = byDistrict.get(districts.get(o % districts.size()));
        out.write(CapabilityBench.creditCode('K', o) + ",基准重点单位" + o + "," + KINDS[o % KINDS.length] + ","
            + communities.get(o / districts.size() % communities.size()) + "," + MEMBERS_PER_ORGANISATION + "\n");
      }
    }
    LabtestBenchmark.importFile(context.getBean(ImportJobs.class),
        context.getBean(ImportPrincipals.class).authenticationOf("commander").orElseThrow(), "organisations", file);
    CapabilityBench.as(context, "commander", () -> {
      KeyGroups groups = context.getBean(KeyGroups.class);
      groups.define(new NewKeyGroup(GROUPS[0], "基准冷链从业人员",
          new NewSchedule(null, 3, null, null, 14, true, false, true, null)));
      groups.define(new NewKeyGroup(GROUPS[1], "基准快递外卖从业人员",
          new NewSchedule(null, null, 2, 48, null, false, false, true, null)));
      groups.define(new NewKeyGroup(GROUPS[2], "基准每周一检人员",
          new NewSchedule(null, 7, null, null, null, false, false, false, null)));
      return null;
    });

    // the rosters: the first tenth of the registry in id order, a hundred to an organisation, the groups in turn
    long t = System.nanoTime();
    int loaded = jdbc.sql("""
        with p as (select id, name, row_number() over (order by id) - 1 as j
                   from (select id, name from person order by id limit :members) x),
             o as (select id, credit_code, name, path, row_number() over (order by credit_code) - 1 as k
                   from organisation where credit_code like '91990100K%')
        insert into keygroup_member (id, group_code, person_id, person_name, organisation_id, organisation_code,
          organisation_name, jurisdiction_path, post, from_date, created_at, updated_at)
        select gen_random_uuid(), (cast(:groups as text[]))[1 + p.j % 3], p.id, p.name, o.id, o.credit_code, o.name,
          o.path, '岗位' || p.j % 7, current_date - 30, now(), now()
        from p join o on o.k = p.j % (select count(*) from o)""")
        .param("members", members).param("groups", GROUPS).update();
    // each new member needs action (never sampled), as the roster import's statement leaves them
    jdbc.sql("""
        insert into keygroup_member_action (member_id, state, next_due, jurisdiction_path)
        select id, state, next_due, jurisdiction_path from keygroup_member
        where group_code like 'BENCH\\_%' and retired_at is null""").update();
    owner.sql("analyze keygroup_member").update();
    owner.sql("analyze keygroup_member_action").update();
    results.figure("keygroup.membersLoaded", "members", loaded, members + " wanted (a tenth of the residents; "
        + organisations + " organisations)", null, null);
    results.figure("keygroup.membersLoad", "s", CapabilityBench.seconds(t), null, null, null);

    // the results, landed as the results import lands them: one per member, the last ten days, 1 in 50 positive
    t = System.nanoTime();
    int landed = jdbc.sql("""
        insert into labtest_person_latest (person_id, last_sampled_at, last_result, last_negative_sampled_at,
          jurisdiction_path)
        select m.person_id, s.at, case when s.n % 50 = 0 then 'POSITIVE' else 'NEGATIVE' end,
          case when s.n % 50 = 0 then null else s.at end, p.jurisdiction_path
        from keygroup_member m join person p on p.id = m.person_id
        cross join lateral (select hashtext(m.person_id::text) & 2147483647 as n) h
        cross join lateral (select h.n as n, now() - (h.n % 240) * interval '1 hour' as at) s
        where m.group_code like 'BENCH\\_%'
        on conflict (person_id) do update set last_sampled_at = excluded.last_sampled_at,
          last_result = excluded.last_result,
          last_negative_sampled_at = coalesce(excluded.last_negative_sampled_at,
            labtest_person_latest.last_negative_sampled_at),
          jurisdiction_path = excluded.jurisdiction_path""").update();
    owner.sql("analyze labtest_person_latest").update();
    results.figure("keygroup.resultsLanded", "results", landed, null, null, null);
    results.figure("keygroup.resultsLand", "s", CapabilityBench.seconds(t), null, null, null);

    // the batches as an import's would hold them: the persons in no order of the roster's
    List<UUID[]> batches = batches(jdbc.sql("select person_id from keygroup_member where group_code like 'BENCH\\_%'"
        + " order by md5(person_id::text)").query(UUID.class).list());
    MemberSchedules schedules = context.getBean(MemberSchedules.class);
    JdbcClient superuser = BenchDatabase.superuserJdbc(context);
    StatementTimings.init(superuser);
    recompute(jdbc, owner, superuser, schedules, batches, results, "keygroup.recompute", "< 30 at 1 M members ("
        + loaded + " members, " + batches.size() + " batches, " + WORKERS + " at a time; their first results,"
        + " sampled over ten days), vs bare update");
    Map<String, Object> states = states(jdbc);
    if (((Number) states.get("never")).longValue() > loaded / 100) {
      throw new IllegalStateException("the recomputation left members untested: " + states);
    }
    results.figure("keygroup.overdueMembers", "members", ((Number) states.get("overdue")).doubleValue(), null, null,
        null);

    // the next day's sweep: the day passing moves members to due and overdue (their organisations told)
    t = System.nanoTime();
    int moved = schedules.refreshAll(java.time.LocalDate.now(context.getBean(java.time.Clock.class)).plusDays(1));
    results.figure("keygroup.dailySweep", "s", CapabilityBench.seconds(t), loaded + " members, " + moved + " moved",
        null, null);
    Benchmarks.settle(context);

    String base = CapabilityBench.base(context);
    List<String> urls = new ArrayList<>();
    for (String district : districts) {
      urls.add(base + "/api/v1/key-groups/overdue?jurisdiction=" + district);
    }
    CapabilityBench.latency(results, "keygroup.overdueList", HttpClient.newHttpClient(), urls, base + "/api/v1/me",
        CapabilityBench.basic("commander"), "\"items\":[{", 100, Math.max(30, 3 * urls.size()));

    // a routine day: every member's next result, sampled in the last 24 hours (one in a thousand positive),
    // lands on the schedules the first results left
    t = System.nanoTime();
    int next = jdbc.sql("""
        update labtest_person_latest l set last_sampled_at = s.at,
          last_result = case when s.n % 1000 = 0 then 'POSITIVE' else 'NEGATIVE' end,
          last_negative_sampled_at = case when s.n % 1000 = 0 then l.last_negative_sampled_at else s.at end
        from keygroup_member m
        cross join lateral (select hashtext(m.person_id::text || 'next') & 2147483647 as n) h
        cross join lateral (select h.n as n, now() - (h.n % 24) * interval '1 hour' as at) s
        where m.group_code like 'BENCH\\_%' and m.retired_at is null and l.person_id = m.person_id""").update();
    owner.sql("analyze labtest_person_latest").update();
    results.figure("keygroup.nextResultsLand", "s", CapabilityBench.seconds(t), next + " results", null, null);
    Map<String, Object> before = states(jdbc);
    recompute(jdbc, owner, superuser, schedules, batches, results, "keygroup.recomputeRoutine",
        "< 30 at 1 M members (" + next + " members' next results, sampled in the last 24 hours; " + WORKERS
        + " batches at a time), vs bare update");
    Map<String, Object> after = states(jdbc);
    if (((Number) after.get("up")).longValue() <= ((Number) before.get("up")).longValue()) {
      throw new IllegalStateException("the next results moved no member up to date: " + before + " -> " + after);
    }
    results.figure("keygroup.upToDateAfterRoutine", "members", ((Number) after.get("up")).doubleValue(),
        before.get("up") + " before", null, null);
  }

  /**
   * The recomputation of every batch through {@link MemberSchedules#observe}, {@link #WORKERS} at a time, beside a
   * bare {@code update} of the same rows in the same batches run before it, as many at a time; the recomputation
   * starts after a {@code vacuum analyze} of the memberships. The autovacuum runs that finished during it (its own
   * writes set them off, as a city's would), and those running at its start and end, are printed with its
   * statements.
   */
  private static void recompute(JdbcClient jdbc, JdbcClient owner, JdbcClient superuser, MemberSchedules schedules,
      List<UUID[]> batches, Benchmarks.Results results, String name, String target) throws Exception {
    long t = System.nanoTime();
    inTurn(batches, batch -> jdbc.sql("update keygroup_member set updated_at = now() where person_id = any(:persons)"
        + " and retired_at is null").param("persons", batch).update());
    double bare = CapabilityBench.seconds(t);
    owner.sql("vacuum analyze keygroup_member").update();
    Map<String, Long> vacuumed = autovacuums(jdbc);
    System.out.println("--- autovacuum running as the " + name + " starts: " + runningAutovacuum(superuser)
        + " ---");
    StatementTimings.reset();
    t = System.nanoTime();
    inTurn(batches, batch -> schedules.observe(List.of(batch)));
    double recompute = CapabilityBench.seconds(t);
    StatementTimings.print(name);
    Map<String, Long> after = autovacuums(jdbc);
    after.replaceAll((table, runs) -> runs - vacuumed.getOrDefault(table, 0L));
    after.values().removeIf(runs -> runs == 0);
    System.out.println("--- autovacuum and autoanalyze runs finished during the " + name + ": " + after
        + "; still running at its end: " + runningAutovacuum(superuser) + " ---");
    Double statement = StatementTimings.seconds("%update keygroup_member m set (last_sampled_at%");
    if (statement != null) {
      results.figure(name + "Statement", "s", statement, "in the schedule statement, summed over the batches"
          + " (timed with -Dbench.statements=true)", null, null);
    }
    results.figure(name, "s", recompute, target, bare, null);
    results.ceiling(name, recompute, 30);
  }

  /** What autovacuum workers are doing now ("none" when none runs; only the superuser sees their statements). */
  private static String runningAutovacuum(JdbcClient superuser) {
    return superuser.sql("select coalesce(string_agg(query, '; '), 'none') from pg_stat_activity"
        + " where backend_type = 'autovacuum worker'").query(String.class).single();
  }

  /** How many times autovacuum and autoanalyze have run on the tables the recomputation reads and writes. */
  private static Map<String, Long> autovacuums(JdbcClient jdbc) {
    Map<String, Long> runs = new java.util.TreeMap<>();
    jdbc.sql("""
        select relname, autovacuum_count, autoanalyze_count from pg_stat_user_tables
        where relname in ('keygroup_member', 'keygroup_member_action', 'labtest_person_latest')""")
        .query(rs -> {
          runs.put(rs.getString(1) + " vacuum", rs.getLong(2));
          runs.put(rs.getString(1) + " analyze", rs.getLong(3));
        });
    return runs;
  }

  /** Every batch through {@code work}, {@link #WORKERS} at a time; the first failure fails the run. */
  private static void inTurn(List<UUID[]> batches, java.util.function.Consumer<UUID[]> work) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(WORKERS);
    try {
      List<java.util.concurrent.Future<?>> running = new ArrayList<>();
      for (UUID[] batch : batches) {
        running.add(pool.submit(() -> work.accept(batch)));
      }
      for (java.util.concurrent.Future<?> done : running) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, Object> states(JdbcClient jdbc) {
    return jdbc.sql("""
        select count(*) filter (where state = 'OVERDUE') as overdue, count(*) filter (where state = 'UP_TO_DATE') as up,
          count(*) filter (where state = 'NEVER_TESTED') as never from keygroup_member""").query().singleRow();
  }

  private static List<UUID[]> batches(List<UUID> persons) {
    List<UUID[]> batches = new ArrayList<>();
    for (int i = 0; i < persons.size(); i += BATCH) {
      batches.add(persons.subList(i, Math.min(persons.size(), i + BATCH)).toArray(UUID[]::new));
    }
    return batches;
  }
}
