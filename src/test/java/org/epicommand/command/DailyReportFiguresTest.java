package org.epicommand.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.command.CommandFixtures.as;
import static org.epicommand.command.CommandFixtures.freshUnit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.command.CommandFixtures.UnitUser;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Figures that agree (docs/domain.md §14): the consolidated report adds up units of one kind — the
 * districts, never departments and districts together — and a division's daily-report form starts
 * from the platform's own figures, with the zero report offered only when the platform knows of nothing.
 */
@EpiCommandTest
class DailyReportFiguresTest {

  @Autowired
  Api api;
  @Autowired
  Clock clock;

  @Test
  void theConsolidatedReportOfADayIsTheSumOfItsDistrictReports() {
    String name = "区县汇总模板 " + UUID.randomUUID();
    Api.Answer template = api.as("commander").post("/api/v1/daily-reports/templates", Map.of("name", name,
        "deadline", "24:00", "fields", List.of(Map.of("key", "newCases", "label", "新增阳性", "type", "INTEGER"),
            Map.of("key", "testsDone", "label", "检测人次", "type", "INTEGER"))));
    assertThat(template.status()).as(template.body()).isEqualTo(201);
    String templateId = template.json().get("id").asString();
    String today = LocalDate.now(clock).toString();
    UnitUser east = freshUnit(api, "汇总东区", "DISTRICT", DemoPlaces.DISTRICT);
    UnitUser west = freshUnit(api, "汇总西区", "DISTRICT", DemoPlaces.OTHER_DISTRICT);
    UnitUser health = freshUnit(api, "汇总卫健委");
    file(east, templateId, today, Map.of("newCases", 3, "testsDone", 1200));
    file(west, templateId, today, Map.of("newCases", 5, "testsDone", 800));
    // a department's figures overlap the districts': they are never added to them
    file(health, templateId, today, Map.of("newCases", 8, "testsDone", 2000));

    JsonNode consolidated = api.as("commander").get("/api/v1/daily-reports/consolidated?date=" + today
        + "&templateId=" + templateId).json();
    assertThat(consolidated.get("totalsKind").asString()).isEqualTo("DISTRICT");
    assertThat(consolidated.get("totals").get("newCases").decimalValue()).isEqualByComparingTo("8");
    assertThat(consolidated.get("totals").get("testsDone").decimalValue()).isEqualByComparingTo("2000");
    long districtSum = 0;
    for (JsonNode report : consolidated.get("reports")) {
      if ("DISTRICT".equals(consolidated.get("unitKinds").get(report.get("unitCode").asString()).asString())) {
        districtSum += report.get("values").get("newCases").asLong();
      }
    }
    assertThat(consolidated.get("totals").get("newCases").asLong()).isEqualTo(districtSum);
    assertThat(consolidated.get("totalsByKind").get("DEPARTMENT").get("newCases").decimalValue())
        .isEqualByComparingTo("8");
    String page = page(api.as("commander"), "/command/reports/consolidated?date=" + today + "&templateId="
        + templateId);
    assertThat(page).contains("合计为各区县报送之和").contains("data-subtotal=\"DEPARTMENT\"");
  }

  @Test
  void aCommunitysFormStartsFromThePlatformsFiguresAndOffersNoZeroReportWhenThereAreCases() {
    String community = CaseFixtures.COMMUNITY;
    UnitUser unit = freshUnit(api, "预填社区", "COMMUNITY", community);
    String today = LocalDate.now(clock).toString();
    long before = prefilled(unit, today);
    String personId = CaseFixtures.person(api, "日报预填", community);
    Api.Answer reported = api.as("cdc").post("/api/v1/cases", CaseFixtures.body("personId", personId,
        "classification", "CONFIRMED", "discoveryRoute", "FEVER_CLINIC"));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    // the new case is in the community's figure as soon as the dashboard counts it
    long expected = before + 1;
    await().atMost(Duration.ofSeconds(15)).until(() -> prefilled(unit, today) == expected);

    String form = page(as(api, unit), "/command/reports/file?date=" + today);
    assertThat(form).contains("data-testid=\"platform-knows\"").contains("仍要零报告")
        .doesNotContain("btn-success btn-lg w-100 mb-2\" type=\"submit\" name=\"zero\"");
    assertThat(form).containsPattern("id=\"v_newCases\" name=\"v_newCases\"[^>]*data-platform=\"" + expected + "\"")
        .containsPattern("id=\"v_newCases\"[^>]*value=\"" + expected + "\"");

    // filed with a different figure: the filed report shows the difference from the platform's
    Api.Answer filed = as(api, unit).post("/api/v1/daily-reports", Map.of("unitCode", unit.unitCode(), "date", today,
        "zero", false, "values", Map.of("newCases", expected + 2, "closeContactsTraced", 0, "underQuarantine", 0,
            "testsDone", 0)));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    assertThat(page(as(api, unit), "/command/reports/file?date=" + today)).contains("与平台相差 2");
  }

  @Test
  void aDivisionWithNothingThatDayGetsTheZeroReportFirst() {
    UnitUser quiet = freshUnit(api, "平静社区", "COMMUNITY", "990106001001");
    // a day long before any demo data: the platform knows of nothing there
    String form = page(as(api, quiet), "/command/reports/file?date=2022-11-10");
    assertThat(form).contains("data-testid=\"zero-report\"").contains("btn-success btn-lg")
        .doesNotContain("data-testid=\"platform-knows\"").contains("data-platform=\"0\"");
  }

  /** The new positives the unit's form is filled in with for a day. */
  private long prefilled(UnitUser unit, String day) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "id=\"v_newCases\" name=\"v_newCases\"[^>]*data-platform=\"(\\d+)\"")
        .matcher(page(as(api, unit), "/command/reports/file?date=" + day));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private void file(UnitUser unit, String templateId, String date, Map<String, Object> values) {
    Api.Answer answer = as(api, unit).post("/api/v1/daily-reports", Map.of("templateId", templateId, "unitCode",
        unit.unitCode(), "date", date, "zero", false, "values", values));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  private static String page(Api.Caller caller, String path) {
    Api.Answer answer = caller.get(path, "text/html");
    assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
    return answer.body();
  }
}
