package org.epicommand.bench;

import java.io.BufferedWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.internal.ImportJobs;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Treatment: 200 hospitals with 100,000 beds (a tenth of the hospitals and a hundredth of the beds on small runs,
 * see {@link CapabilityBench}) through the {@code hospitals} import — designated, sub-designated, shelter, backup
 * and general hospitals over the districts — and, as a volume fixture, stays filling about 70 % of the beds of the
 * active hospitals plus twice as many ended ones; then the hospital and bed board over HTTP as the commander: the
 * JSON API ({@code /api/v1/treatment/board}) beside {@code /api/v1/me} and the page ({@code /treatment}, every
 * hospital with its occupancy bars) beside a static file (p95 < 300 ms).
 */
final class TreatmentBenchmark {

  private static final String[] KINDS = {"DESIGNATED", "SUB_DESIGNATED", "GENERAL", "SHELTER", "BACKUP"};

  private TreatmentBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    int hospitals = CapabilityBench.side(200, persons);
    int beds = CapabilityBench.volume(100_000, persons);
    int perHospital = beds / hospitals;
    Map<String, List<String>> byDistrict = CapabilityBench.communitiesByDistrict(jdbc);
    List<String> districts = new ArrayList<>(byDistrict.keySet());
    Path file = Files.createDirectories(Path.of("target", "bench")).resolve("hospitals.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("code,name,kind,jurisdictionCode,generalBeds,icuBeds,shelterBeds\n");
      for (int h = 0; h < hospitals; h++) {
        String kind = KINDS[h % KINDS.length];
        String district = districts.get(h % districts.size());
        // a shelter hospital has shelter beds only; the others a tenth of theirs in ICU
        int icu = kind.equals("SHELTER") ? 0 : perHospital / 10;
        out.write(hospital(h) + ",基准医院" + h + "," + kind + ","
            + byDistrict.get(district).get(h % byDistrict.get(district).size()) + ","
            + (kind.equals("SHELTER") ? 0 : perHospital - icu) + "," + icu + ","
            + (kind.equals("SHELTER") ? perHospital : 0) + "\n");
      }
    }
    DataSource dataSource = BenchDatabase.owner(context);
    double bare = LabtestBenchmark.bareCopy(dataSource, file, "code text, name text, kind text, jurisdiction text,"
        + " general text, icu text, shelter text");
    double seconds = LabtestBenchmark.importFile(context.getBean(ImportJobs.class),
        context.getBean(ImportPrincipals.class).authenticationOf("commander").orElseThrow(), "hospitals", file);
    results.figure("treatment.hospitalsImport", "rows/s", hospitals / seconds, hospitals + " hospitals, " + beds
        + " beds, vs bare COPY", hospitals / bare, null);

    // the stays: about 70 % of every active hospital's beds taken, twice as many stays already ended
    long t = System.nanoTime();
    int stays = jdbc.sql("""
        insert into treatment_admission (id, case_id, hospital_code, bed_type, status, admitted_at, left_at,
          admitted_by)
        select gen_random_uuid(), gen_random_uuid(), b.hospital_code, b.bed_type,
          case when g % 3 = 0 then 'ADMITTED' else 'DISCHARGED' end, now() - (g % 20 + 1) * interval '1 day',
          case when g % 3 = 0 then null else now() - (g % 5) * interval '1 hour' end, 'bench'
        from treatment_bed b join treatment_hospital h on h.code = b.hospital_code and h.status = 'ACTIVE'
        cross join lateral generate_series(1, (b.total - b.out_of_service) * 7 / 10 * 3) g
        where b.hospital_code like 'BH%'""").update();
    BenchDatabase.ownerJdbc(context).sql("analyze treatment_admission").update();
    results.figure("treatment.staysLoaded", "stays", stays, null, null, null);
    results.figure("treatment.staysLoad", "s", CapabilityBench.seconds(t), null, null, null);

    String base = CapabilityBench.base(context);
    HttpClient client = HttpClient.newHttpClient();
    String auth = CapabilityBench.basic("commander");
    CapabilityBench.latency(results, "treatment.boardApi", client, base + "/api/v1/treatment/board",
        base + "/api/v1/me", auth, "\"occupiedBeds\"", 300);
    CapabilityBench.latency(results, "treatment.boardPage", client, base + "/treatment", base + "/js/app.js", auth,
        "基准医院" + (hospitals - 1), 300);
  }

  private static String hospital(int h) {
    return String.format("BH%04d", h);
  }
}
