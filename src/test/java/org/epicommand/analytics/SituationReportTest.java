package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.epicommand.analytics.internal.CaseCounts;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.cases.CaseReported;
import org.epicommand.cases.Classification;
import org.epicommand.cases.DiscoveryRoute;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.PdfText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The daily situation report: the PDF's text (pdftotext) carries the Chinese headings and the day's numbers, which
 * follow newly reported cases; the page and the PDF are for commanders and the CDC only; a past day shows its own
 * figures and hot spots.
 */
@EpiCommandTest
class SituationReportTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final String[] HEADINGS = {"疫情形势分析报告", "一、疫情概况", "二、在管人员", "三、疫情曲线", "四、传播强度（Rt）",
      "五、重点地区", "六、隔离资源", "七、待办与逾期事项"};

  @Autowired
  Api api;
  @Autowired
  CaseCounts caseCounts;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<byte[]> pdf(String user, String date) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/analytics/report.pdf?date=" + date))
        .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode dashboard() {
    return api.as("commander").get("/api/v1/analytics/dashboard").json();
  }

  @Test
  void thePdfTextCarriesTheChineseHeadingsAndTodaysNumbersWhichFollowNewCases() throws Exception {
    JsonNode before = dashboard();
    LocalDate today = LocalDate.parse(before.get("date").asString());
    HttpResponse<byte[]> first = pdf("commander", today.toString());
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(first.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
        .contains(today + ".pdf");
    byte[] bytes = first.body();
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("疫情形势分析报告");
      int images = 0;
      for (PDPage page : document.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          images += page.getResources().isImageXObject(name) ? 1 : 0;
        }
      }
      assertThat(images).as("the curve, the Rt chart and the map, drawn on the server").isEqualTo(3);
    }
    assumeTrue(PdfText.available(), "skipped text extraction: no " + PdfText.PDFTOTEXT + " (Debian poppler-utils)");
    String text = text(bytes, "before");
    assertThat(text).contains(HEADINGS);
    long confirmed = before.get("today").get("localConfirmed").asLong();
    assertThat(text).contains("新增本土确诊病例" + confirmed + "例");

    CaseFixtures.caseOf(api, "报告病例甲", CaseFixtures.COMMUNITY, "CONFIRMED", today.minusDays(1).toString());
    CaseFixtures.caseOf(api, "报告病例乙", CaseFixtures.OTHER_DISTRICT_COMMUNITY, "CONFIRMED", today.toString());
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(dashboard().get("today").get("localConfirmed").asLong()).isEqualTo(confirmed + 2));
    JsonNode after = dashboard();
    String again = text(pdf("commander", today.toString()).body(), "after");
    assertThat(again).contains("新增本土确诊病例" + (confirmed + 2) + "例")
        .contains("本土无症状感染者" + after.get("today").get("localAsymptomatic").asLong() + "例")
        .doesNotContain("新增本土确诊病例" + confirmed + "例")
        // the hot spots name the districts with new local cases
        .contains("重点地区").doesNotContain("当日无新增本土病例");
    long cumulative = after.get("cumulative").get("localConfirmed").asLong();
    assertThat(again).contains(Long.toString(cumulative));
  }

  @Test
  void aPastDayShowsItsOwnFiguresAndHotSpotsInOrder() {
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(40 + (System.nanoTime() % 300));
    OffsetDateTime noon = day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
    JsonNode before = api.as("cdc").get("/api/v1/analytics/dashboard").json();
    for (int i = 0; i < 3; i++) {
      caseCounts.on(new CaseReported(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
          CaseFixtures.OTHER_DISTRICT_COMMUNITY, Classification.CONFIRMED, day.minusDays(2), noon, false,
          DiscoveryRoute.UNDER_CONTROL, false));
    }
    caseCounts.on(new CaseReported(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        CaseFixtures.COMMUNITY, Classification.ASYMPTOMATIC, null, noon, false, DiscoveryRoute.MASS_TESTING, false));
    // the listener runs asynchronously
    await().atMost(WAIT).untilAsserted(() -> assertThat(api.as("cdc").get("/analytics/report?date=" + day, "text/html")
        .body()).contains("data-testid=\"n-local-asymptomatic\">1<", "data-testid=\"n-local-confirmed\">3<"));
    Api.Answer page = api.as("cdc").get("/analytics/report?date=" + day, "text/html");
    assertThat(page.status()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("疫情形势分析报告", day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日")
        .contains("data-testid=\"n-local-confirmed\">3<", "data-testid=\"n-local-asymptomatic\">1<")
        .contains("data:image/png;base64,");
    String hotSpots = html.substring(html.indexOf("report-hotspots"), html.indexOf("report-capacity"));
    String second = districtName(before, DemoPlaces.OTHER_DISTRICT);
    String first = districtName(before, DemoPlaces.DISTRICT);
    assertThat(hotSpots.indexOf(second)).as("the district with 3 cases before the one with 1").isGreaterThan(0)
        .isLessThan(hotSpots.indexOf(first));
  }

  @Test
  void onlyCommandersAndTheCdcReadTheReportAndAFutureDayIsRefused() throws Exception {
    LocalDate today = LocalDate.parse(dashboard().get("date").asString());
    assertThat(api.as("cdc").get("/analytics/report", "text/html").status()).isEqualTo(200);
    Api.Answer english = api.as("cdc").get("/analytics/report?lang=en", "text/html");
    assertThat(english.status()).isEqualTo(200);
    assertThat(english.body()).contains("Epidemic situation report", "5. Hot spots", today.getYear() + "");
    assertThat(api.as("district").get("/analytics/report", "text/html").status()).isEqualTo(403);
    assertThat(api.as("community").get("/analytics/report", "text/html").status()).isEqualTo(403);
    assertThat(pdf("district", today.toString()).statusCode()).isEqualTo(403);
    Api.Answer future = api.as("commander").get("/analytics/report?date=" + today.plusDays(1), "text/html");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("日期不能晚于今天");
    assertThat(pdf("commander", today.plusDays(1).toString()).statusCode()).isEqualTo(400);
    assertThat(pdf("commander", "not-a-date").statusCode()).isEqualTo(400);
  }

  static String districtName(JsonNode dashboard, String code) {
    for (JsonNode d : dashboard.get("districts")) {
      if (d.get("code").asString().equals(code)) {
        return d.get("name").asString();
      }
    }
    throw new AssertionError("no district " + code);
  }

  private static String text(byte[] pdf, String name) throws IOException, InterruptedException {
    return PdfText.of(pdf, Path.of("target", "situation-report", "report-" + name + ".pdf"));
  }
}
