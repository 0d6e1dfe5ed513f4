package org.epicommand.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.epicommand.EpiCommandApplication;
import org.epicommand.demo.SyntheticPopulation;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonBulkLoad;
import org.epicommand.person.PersonRegistry;
import org.epicommand.shared.Paging;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark: the synthetic population of {@code -Dbench.persons} (default 100,000; 10,000,000 for
 * the README figures) loaded through the product's COPY path against a bare COPY of the same rows
 * into an index-free table, then the person search of a district user (name, ID-number tail, list)
 * with p50/p95. Prints a table and writes {@code target/bench/persons.json}.
 *
 * <pre>./mvnw test-compile exec:java -Dexec.mainClass=org.epicommand.bench.PersonBenchmark -Dbench.persons=10000000</pre>
 */
public final class PersonBenchmark {

  public static void main(String[] args) throws Exception {
    int size = Integer.getInteger("bench.persons", 100_000);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(EpiCommandApplication.class)
        .properties("epicommand.db.embedded.ephemeral=true", "epicommand.demo.enabled=true",
            "epicommand.demo.population=0", "epicommand.db.embedded.server-config.shared_buffers=2GB",
            "epicommand.db.embedded.server-config.maintenance_work_mem=1GB",
            "epicommand.db.embedded.server-config.max_wal_size=16GB", "logging.level.root=WARN", "server.port=0")
        .run();
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("date", LocalDateTime.now().toString());
    results.put("persons", size);
    results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB heap");
    try {
      Jurisdictions jurisdictions = context.getBean(Jurisdictions.class);
      Jurisdiction city = jurisdictions.find("990100").orElseThrow();
      List<SyntheticPopulation.Community> communities = jurisdictions.descendantsAt(city.scope(),
          JurisdictionLevel.VILLAGE).stream()
          .map(j -> new SyntheticPopulation.Community(j.code(), j.name(), j.path())).toList();
      SyntheticPopulation population = new SyntheticPopulation(communities, size, 20221111L, LocalDate.now());
      Supplier<Iterator<PersonBulkLoad.BulkPerson>> source = population::iterator;

      long t0 = System.nanoTime();
      long generated = 0;
      for (PersonBulkLoad.BulkPerson ignored : population) {
        generated++;
      }
      double generation = seconds(t0);
      results.put("generationPersonsPerSecond", Math.round(generated / generation));

      double baseline = bareCopy(context.getBean(DataSource.class), source);
      results.put("bareCopySeconds", round(baseline));
      results.put("bareCopyPersonsPerSecond", Math.round(size / baseline));

      PersonBulkLoad.LoadReport load = context.getBean(PersonBulkLoad.class).copy(source);
      results.put("productCopySeconds", round(load.copySeconds()));
      results.put("productCopyPersonsPerSecond", Math.round(load.persons() / load.copySeconds()));
      results.put("productCopyVsBareCopy", round(baseline / load.copySeconds()));
      results.put("indexAndConstraintBuildSeconds", round(load.indexSeconds()));
      results.put("productTotalPersonsPerSecond",
          Math.round(load.persons() / (load.copySeconds() + load.indexSeconds())));

      JdbcClient jdbc = context.getBean(JdbcClient.class);
      SecurityContextHolder.getContext().setAuthentication(
          context.getBean(ImportPrincipals.class).authenticationOf("district").orElseThrow());
      PersonRegistry registry = context.getBean(PersonRegistry.class);
      List<String> names = jdbc.sql("select name from person where jurisdiction_path like '/990100/990101/%'"
          + " and random() < 0.01 limit 300").query(String.class).list();
      List<String> tails = jdbc.sql("select right(id_number, 6) from person where random() < 0.001 limit 300")
          .query(String.class).list();
      List<String> surnames = names.stream().map(n -> n.substring(0, 1)).toList();
      results.put("searchByName", latencies(names, q -> registry.search(q, null, Paging.of(0, 50))));
      results.put("searchByIdTail", latencies(tails, q -> registry.search(q, null, Paging.of(0, 50))));
      results.put("searchBySurname", latencies(surnames, q -> registry.search(q, null, Paging.of(0, 50))));
      results.put("listPage", latencies(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
          p -> registry.search(null, null, Paging.of(Integer.parseInt(p), 50))));
    } finally {
      Path out = Path.of("target", "bench", "persons.json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results));
      print(results);
      context.close();
    }
  }

  /** The same rows, COPY'd into a table with no index, no constraint and no household: the floor. */
  private static double bareCopy(DataSource dataSource, Supplier<Iterator<PersonBulkLoad.BulkPerson>> source)
      throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("create table bench_person_bare (like person)");
      long t = System.nanoTime();
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_person_bare (id, name,"
          + " id_type, id_number, sex, birth_date, phone, address, household_id, jurisdiction_code, jurisdiction_path,"
          + " created_at, updated_at) from stdin");
      StringBuilder buffer = new StringBuilder(1 << 18);
      String now = java.time.Instant.now().toString();
      for (Iterator<PersonBulkLoad.BulkPerson> it = source.get(); it.hasNext(); ) {
        PersonBulkLoad.BulkPerson p = it.next();
        buffer.append(p.id()).append('\t').append(p.name()).append('\t').append(p.idType()).append('\t')
            .append(p.idNumber()).append('\t').append(p.sex()).append('\t').append(p.birthDate()).append('\t')
            .append(p.phone() == null ? "\\N" : p.phone()).append('\t').append(p.address()).append('\t')
            .append(p.householdId()).append('\t').append(p.jurisdictionCode()).append('\t')
            .append(p.jurisdictionPath()).append('\t').append(now).append('\t').append(now).append('\n');
        if (buffer.length() > (1 << 18) - 1024) {
          byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          buffer.setLength(0);
        }
      }
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      copy.endCopy();
      double elapsed = seconds(t);
      connection.createStatement().execute("drop table bench_person_bare");
      return elapsed;
    }
  }

  private static Map<String, Object> latencies(List<String> inputs, java.util.function.Consumer<String> query) {
    for (int i = 0; i < Math.min(30, inputs.size()); i++) {
      query.accept(inputs.get(i));
    }
    List<Double> millis = new ArrayList<>();
    for (String input : inputs) {
      long t = System.nanoTime();
      query.accept(input);
      millis.add((System.nanoTime() - t) / 1e6);
    }
    millis.sort(Double::compare);
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("queries", millis.size());
    stats.put("p50Ms", round(percentile(millis, 0.50)));
    stats.put("p95Ms", round(percentile(millis, 0.95)));
    stats.put("maxMs", round(millis.isEmpty() ? 0 : millis.get(millis.size() - 1)));
    return stats;
  }

  private static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static void print(Map<String, Object> results) {
    System.out.println();
    System.out.println("=== PersonBenchmark ===");
    results.forEach((k, v) -> System.out.println(String.format(Locale.ROOT, "%-28s %s", k, v)));
    System.out.println("target: generator via COPY >= 100,000 persons/s; district search p95 < 100 ms");
  }
}
