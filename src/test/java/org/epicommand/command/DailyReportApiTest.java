package org.epicommand.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.command.CommandFixtures.as;
import static org.epicommand.command.CommandFixtures.freshUnit;
import static org.epicommand.command.CommandFixtures.inbox;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.epicommand.command.CommandFixtures.UnitUser;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class DailyReportApiTest {

  static final String PAST = "2022-11-10";

  @Autowired
  Api api;
  @Autowired
  Clock clock;
  @Autowired
  ReportReminders reminders;
  @Autowired
  DailyReporting reporting;

  @Test
  void reportsOnTimeAreSubmittedOrZeroAndAfterTheDeadlineLate() {
    UnitUser figures = freshUnit(api, "按时报送单位");
    UnitUser nothing = freshUnit(api, "零报告单位");
    UnitUser late = freshUnit(api, "迟报单位");
    UnitUser lateZero = freshUnit(api, "迟报零报告单位");
    UnitUser silent = freshUnit(api, "未报单位");
    String today = LocalDate.now(clock).toString();

    Api.Answer onTime = as(api, figures).post("/api/v1/daily-reports", report(figures, today, false));
    assertThat(onTime.status()).as(onTime.body()).isEqualTo(201);
    assertThat(onTime.json().get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(onTime.json().get("values").get("testsDone").asLong()).isEqualTo(12000);
    Api.Answer zero = as(api, nothing).post("/api/v1/daily-reports", report(nothing, today, true));
    assertThat(zero.json().get("status").asString()).isEqualTo("ZERO");
    assertThat(zero.json().get("values").size()).isZero();
    // the deadline for 2022-11-10 was 2022-11-11 10:00: filed now, both are late
    Api.Answer lateAnswer = as(api, late).post("/api/v1/daily-reports", report(late, PAST, false));
    assertThat(lateAnswer.json().get("status").asString()).isEqualTo("LATE");
    assertThat(as(api, lateZero).post("/api/v1/daily-reports", report(lateZero, PAST, true)).json().get("status")
        .asString()).isEqualTo("LATE");

    Map<String, JsonNode> todayRows = completeness(today);
    assertThat(todayRows.get(figures.unitCode()).get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(todayRows.get(nothing.unitCode()).get("status").asString()).isEqualTo("ZERO");
    assertThat(todayRows.get(silent.unitCode()).get("status").asString()).isEqualTo("MISSING");
    Map<String, JsonNode> pastRows = completeness(PAST);
    assertThat(pastRows.get(late.unitCode()).get("status").asString()).isEqualTo("LATE");
    assertThat(pastRows.get(lateZero.unitCode()).get("status").asString()).isEqualTo("LATE");
    assertThat(pastRows.get(figures.unitCode()).get("status").asString()).isEqualTo("MISSING");
    JsonNode row = pastRows.get(late.unitCode());
    assertThat(row.propertyNames()).containsExactly("unitCode", "unitName", "status");
    assertThat(row.get("unitName").asString()).startsWith("迟报单位");
    // the demo districts are reporting units too
    assertThat(pastRows).containsKeys(DemoPlaces.DISTRICT, "D-CDC");
    assertThat(api.as("community").get("/api/v1/daily-reports/completeness?date=" + PAST).status()).isEqualTo(403);
  }

  @Test
  void aSecondFilingIsAConflictAndACorrectionKeepsTheTimeliness() {
    UnitUser unit = freshUnit(api, "更正测试单位");
    Api.Answer first = as(api, unit).post("/api/v1/daily-reports", report(unit, PAST, false));
    String id = first.json().get("id").asString();

    Api.Answer second = as(api, unit).post("/api/v1/daily-reports", report(unit, PAST, true));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("existingId").asString()).isEqualTo(id);

    Map<String, Object> corrected = values(5);
    // a correction names the version it was made from
    Api.Answer unversioned = as(api, unit).put("/api/v1/daily-reports/" + id, Map.of("zero", false, "values",
        corrected));
    assertThat(unversioned.status()).isEqualTo(400);
    assertThat(unversioned.body()).contains("version");
    Api.Answer correction = as(api, unit).put("/api/v1/daily-reports/" + id,
        Map.of("zero", false, "values", corrected, "version", 1));
    assertThat(correction.status()).as(correction.body()).isEqualTo(200);
    assertThat(correction.json().get("version").asInt()).isEqualTo(2);
    // another correction made from version 1 would overwrite this one unseen: 409
    Api.Answer stale = as(api, unit).put("/api/v1/daily-reports/" + id,
        Map.of("zero", true, "version", 1));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("detail").asString()).contains("版本");
    assertThat(correction.json().get("values").get("newCases").asLong()).isEqualTo(5);
    assertThat(correction.json().get("status").asString()).isEqualTo("LATE");
    assertThat(correction.json().get("correctedBy").asString()).isEqualTo(unit.username());
    assertThat(as(api, unit).get("/api/v1/daily-reports/mine?date=" + PAST).json().get("values").get("newCases")
        .asLong()).isEqualTo(5);
    // another unit's member cannot correct it
    UnitUser other = freshUnit(api, "他单位");
    assertThat(as(api, other).put("/api/v1/daily-reports/" + id, Map.of("zero", true, "version", 2)).status())
        .isEqualTo(404);
  }

  @Test
  void badReportsAreRefusedFieldByField() {
    UnitUser unit = freshUnit(api, "校验测试单位");
    Map<String, Object> missing = report(unit, PAST, false);
    @SuppressWarnings("unchecked")
    Map<String, Object> values = new HashMap<>((Map<String, Object>) missing.get("values"));
    values.remove("newCases");
    values.put("testsDone", -3);
    values.put("rumours", 1);
    missing.put("values", values);
    Api.Answer bad = as(api, unit).post("/api/v1/daily-reports", missing);
    assertThat(bad.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("values.newCases", "values.testsDone", "values.rumours");

    Api.Answer future = as(api, unit).post("/api/v1/daily-reports",
        report(unit, LocalDate.now(clock).plusDays(1).toString(), true));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("date");
    Map<String, Object> foreign = report(unit, PAST, true);
    foreign.put("unitCode", DemoPlaces.DISTRICT);
    assertThat(as(api, unit).post("/api/v1/daily-reports", foreign).status()).isEqualTo(404);
    assertThat(api.as("commander").get("/api/v1/daily-reports/completeness").status()).isEqualTo(400);
  }

  @Test
  void theConsolidatedReportSumsTheUnitsFiguresAndExportsToXlsx() throws Exception {
    String name = "汇总测试模板 " + UUID.randomUUID();
    Api.Answer template = api.as("commander").post("/api/v1/daily-reports/templates", Map.of("name", name,
        "deadline", "24:00", "fields", List.of(Map.of("key", "sampled", "label", "采样人次", "type", "INTEGER"),
            Map.of("key", "masks", "label", "口罩（万只）", "type", "DECIMAL"),
            Map.of("key", "note", "label", "备注", "type", "TEXT"))));
    assertThat(template.status()).as(template.body()).isEqualTo(201);
    assertThat(template.json().get("deadline").asString()).isEqualTo("24:00");
    String templateId = template.json().get("id").asString();
    String today = LocalDate.now(clock).toString();
    UnitUser a = freshUnit(api, "汇总甲");
    UnitUser b = freshUnit(api, "汇总乙");
    UnitUser c = freshUnit(api, "汇总丙");
    file(a, templateId, today, Map.of("sampled", 300, "masks", 1.5, "note", "正常"));
    file(b, templateId, today, Map.of("sampled", 450, "masks", 2.25));
    Api.Answer zero = as(api, c).post("/api/v1/daily-reports", Map.of("templateId", templateId, "unitCode",
        c.unitCode(), "date", today, "zero", true));
    assertThat(zero.json().get("status").asString()).isEqualTo("ZERO");

    JsonNode consolidated = api.as("commander").get("/api/v1/daily-reports/consolidated?date=" + today
        + "&templateId=" + templateId).json();
    assertThat(consolidated.get("totals").get("sampled").decimalValue()).isEqualByComparingTo("750");
    assertThat(consolidated.get("totals").get("masks").decimalValue()).isEqualByComparingTo("3.75");
    assertThat(consolidated.get("counts").get("SUBMITTED").asInt()).isEqualTo(2);
    assertThat(consolidated.get("counts").get("ZERO").asInt()).isEqualTo(1);
    assertThat(consolidated.get("reports")).hasSize(3);

    HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl()
            + "/command/reports/consolidated.xlsx?date=" + today + "&templateId=" + templateId))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("commander:demo1234"
            .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      Row header = sheet.getRow(2);
      assertThat(header.getCell(1).getStringCellValue()).isEqualTo("采样人次");
      Row total = sheet.getRow(sheet.getLastRowNum());
      assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(750.0);
      assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(3.75);
    }
  }

  @Test
  void unitsThatHaveNotFiledAreRemindedBeforeTheDeadlineAndTheOfficeToldAfterIt() {
    String name = "提醒测试模板 " + UUID.randomUUID();
    Api.Answer template = api.as("commander").post("/api/v1/daily-reports/templates", Map.of("name", name,
        "deadline", "09:00", "fields", List.of(Map.of("key", "n", "label", "数量", "type", "INTEGER"))));
    String templateId = template.json().get("id").asString();
    UnitUser filed = freshUnit(api, "已报单位");
    UnitUser silent = freshUnit(api, "未报提醒单位");
    // today's report, due tomorrow at 09:00: the platform's own reminder job, running on the real clock, never acts on
    // it while the test runs (for yesterday's, due at 09:00 today, it reminded the unit about to file when the suite
    // ran in the half hour before 09:00); the inboxes are read for this day only
    LocalDate day = LocalDate.now(clock);
    file(filed, templateId, day.toString(), Map.of("n", 1));
    ReportTemplate stored = reporting.template(UUID.fromString(templateId));
    java.time.Instant deadline = reporting.deadline(stored, day);

    reminders.remind(deadline.minus(Duration.ofMinutes(30)));
    reminders.remind(deadline.minus(Duration.ofMinutes(20)));
    assertThat(inbox(as(api, silent), name + " " + day)).extracting(n -> n.get("kind").asString())
        .containsExactly("REPORT_REMINDER");
    assertThat(inbox(as(api, filed), name + " " + day)).isEmpty();

    reminders.remind(deadline.plus(Duration.ofMinutes(30)));
    reminders.remind(deadline.plus(Duration.ofMinutes(40)));
    // (only this day's escalation is read: another day of the template may have been escalated too)
    List<JsonNode> missing = inbox(api.as("commander"), name + " " + day + "：");
    assertThat(missing).extracting(n -> n.get("kind").asString()).containsExactly("REPORT_MISSING");
    assertThat(missing.get(0).get("body").asString()).contains("未报提醒单位")
        .doesNotContain("已报单位");
  }

  private void file(UnitUser unit, String templateId, String date, Map<String, Object> values) {
    Api.Answer answer = as(api, unit).post("/api/v1/daily-reports", Map.of("templateId", templateId, "unitCode",
        unit.unitCode(), "date", date, "zero", false, "values", values));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  private Map<String, JsonNode> completeness(String date) {
    Api.Answer answer = api.as("commander").get("/api/v1/daily-reports/completeness?date=" + date);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Map<String, JsonNode> rows = new HashMap<>();
    answer.json().forEach(row -> rows.put(row.get("unitCode").asString(), row));
    return rows;
  }

  static Map<String, Object> values(int newCases) {
    return new HashMap<>(Map.of("newCases", newCases, "closeContactsTraced", 40, "underQuarantine", 300,
        "testsDone", 12000, "remarks", "无异常"));
  }

  static Map<String, Object> report(UnitUser unit, String date, boolean zero) {
    Map<String, Object> body = new HashMap<>();
    body.put("unitCode", unit.unitCode());
    body.put("date", date);
    body.put("zero", zero);
    if (!zero) {
      body.put("values", values(2));
    }
    return body;
  }
}
