package org.epicommand.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.epicommand.command.CommandOrganisation;
import org.epicommand.command.DailyReporting;
import org.epicommand.command.ReportTemplate;
import org.epicommand.command.ReportTemplates;
import org.epicommand.command.UnitKind;
import org.epicommand.imports.ImportPrincipals;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Daily reports: {@code -Dbench.command.units} reporting units (default 200) × 30 days of filed
 * reports (about 1 in 20 missing), then the completeness matrix over the 30 days as the command
 * office asks for it over HTTP — the JSON API and the rendered page — with p50/p95.
 */
final class CommandBenchmark {

  static final int DAYS = 30;

  private CommandBenchmark() {}

  static void run(ConfigurableApplicationContext context, Benchmarks.Results results) throws Exception {
    int units = Integer.getInteger("bench.command.units", 200);
    SecurityContextHolder.getContext().setAuthentication(
        context.getBean(ImportPrincipals.class).authenticationOf("commander").orElseThrow());
    UUID template;
    List<String> codes = new ArrayList<>();
    try {
      CommandOrganisation organisation = context.getBean(CommandOrganisation.class);
      for (int i = 0; i < units; i++) {
        String code = String.format("BENCH-%04d", i);
        organisation.createUnit(code, "基准单位" + i, UnitKind.DEPARTMENT, null, true, 1000 + i);
        codes.add(code);
      }
      // a city-wide special report: every reporting unit owes it
      template = context.getBean(ReportTemplates.class).create(new ReportTemplates.NewTemplate("基准日报模板",
          List.of(new ReportTemplate.Field("n", "数量", ReportTemplate.FieldType.INTEGER)), "10:00")).id();
    } finally {
      SecurityContextHolder.clearContext();
    }
    LocalDate last = LocalDate.now().minusDays(1);
    LocalDate first = last.minusDays(DAYS - 1);
    List<Object[]> rows = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (String code : codes) {
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        int roll = random.nextInt(20);
        if (roll == 0) {
          continue;
        }
        String status = roll == 1 ? "LATE" : roll < 6 ? "ZERO" : "SUBMITTED";
        rows.add(new Object[] {UUID.randomUUID(), template, code, day, status.equals("ZERO"),
            status.equals("ZERO") ? "{}" : "{\"n\": " + random.nextInt(100) + "}", status, "bench",
            Timestamp.valueOf(day.plusDays(1).atTime(status.equals("LATE") ? 15 : 9, 0))});
      }
    }
    long t = System.nanoTime();
    context.getBean(JdbcTemplate.class).batchUpdate("insert into command_daily_report (id, template_id, unit_code,"
        + " report_date, zero, values, status, submitted_by, submitted_at) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)",
        rows);
    results.figure("command.reportsLoaded", "reports", rows.size(), null, null, null);
    results.figure("command.reportsLoad", "s", (System.nanoTime() - t) / 1e9, null, null, null);

    String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    String query = "?from=" + first + "&to=" + last + "&templateId=" + template;
    HttpClient client = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString("commander:demo1234".getBytes(StandardCharsets.UTF_8));
    DailyReporting reporting = context.getBean(DailyReporting.class);
    List<Double> inProcess = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      long started = System.nanoTime();
      reporting.matrix(template, first, last);
      inProcess.add((System.nanoTime() - started) / 1e6);
    }
    inProcess = new ArrayList<>(inProcess.subList(5, 35));
    inProcess.sort(Double::compare);
    results.figure("command.matrixQuery.p50", "ms", inProcess.get(14), null, null, null);
    latency(results, "command.meApi", client, base + "/api/v1/me", auth, -1);
    latency(results, "command.matrixApi", client, base + "/api/v1/daily-reports/matrix" + query, auth, units);
    latency(results, "command.matrixPage", client, base + "/command/reports" + query, auth, units);
  }

  /** p50 and p95 of 30 requests after 5 warm-ups; p95 must stay under 300 ms. */
  private static void latency(Benchmarks.Results results, String name, HttpClient client, String url, String auth,
      int units) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build();
    for (int i = 0; i < 5; i++) {
      check(client.send(request, HttpResponse.BodyHandlers.ofString()), units);
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long t = System.nanoTime();
      check(client.send(request, HttpResponse.BodyHandlers.ofString()), units);
      millis.add((System.nanoTime() - t) / 1e6);
    }
    millis.sort(Double::compare);
    results.figure(name + ".p50", "ms", millis.get(14), null, null, null);
    results.figure(name + ".p95", "ms", millis.get(28), "< 300", null, null);
    results.ceiling(name + ".p95", millis.get(28), 300);
  }

  private static void check(HttpResponse<String> response, int units) {
    if (response.statusCode() != 200 || units > 0 && !response.body().contains(String.format("基准单位%d", units - 1))) {
      throw new IllegalStateException("matrix request failed: " + response.statusCode());
    }
  }
}
