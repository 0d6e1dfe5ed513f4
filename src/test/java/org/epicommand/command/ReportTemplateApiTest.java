package org.epicommand.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.command.CommandFixtures.as;
import static org.epicommand.command.CommandFixtures.fields;
import static org.epicommand.command.CommandFixtures.freshUnit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.command.CommandFixtures.UnitUser;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Templates are edited, made the default and assigned to unit kinds, and that decides what a unit
 * files and where completeness lists it. Each test puts the default and the assignments back.
 */
@EpiCommandTest
class ReportTemplateApiTest {

  static final String PLATFORM_DEFAULT = "00000000-0000-4000-8000-0000000000d1";

  @Autowired
  Api api;
  @Autowired
  Clock clock;

  @Test
  void aTemplateIsEditedAndItsNameStaysUnique() {
    String id = template("编辑测试模板 " + UUID.randomUUID());
    String name = "已编辑模板 " + UUID.randomUUID();
    Api.Answer edited = api.as("commander").put("/api/v1/daily-reports/templates/" + id, Map.of("name", name,
        "deadline", "09:30", "fields", List.of(Map.of("key", "visits", "label", "走访户数", "type", "INTEGER"),
            Map.of("key", "note", "label", "备注", "type", "TEXT"))));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().get("name").asString()).isEqualTo(name);
    assertThat(edited.json().get("deadline").asString()).isEqualTo("09:30");
    assertThat(edited.json().get("fields").size()).isEqualTo(2);
    Api.Answer taken = api.as("commander").put("/api/v1/daily-reports/templates/" + id, Map.of("name",
        "每日疫情防控工作日报", "fields", List.of(Map.of("key", "n", "label", "数", "type", "INTEGER"))));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("existingId").asString()).isEqualTo(PLATFORM_DEFAULT);
    assertThat(fields(api.as("commander").put("/api/v1/daily-reports/templates/" + id, Map.of("name", "",
        "deadline", "25:00", "fields", List.of())))).containsExactlyInAnyOrder("name", "deadline", "fields");
    assertThat(api.as("commander").put("/api/v1/daily-reports/templates/" + UUID.randomUUID(), Map.of("name", "x",
        "fields", List.of(Map.of("key", "n", "label", "数", "type", "INTEGER")))).status()).isEqualTo(404);
    assertThat(api.as("cdc").put("/api/v1/daily-reports/templates/" + id, Map.of()).status()).isEqualTo(403);
  }

  @Test
  void aTemplateAssignedToStreetsIsWhatStreetsFileAndWhereTheyAreCounted() {
    String id = template("街道日报 " + UUID.randomUUID());
    UnitUser street = freshUnit(api, "模板街道", "STREET", "990103002");
    String yesterday = LocalDate.now(clock).minusDays(1).toString();
    try {
      Api.Answer assigned = api.as("commander").put("/api/v1/daily-reports/templates/" + id + "/kinds",
          Map.of("kinds", List.of("STREET")));
      assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
      assertThat(assigned.json().get("kinds").toString()).isEqualTo("[\"STREET\"]");

      // the default template is not the street's: filing it by name is refused
      Api.Answer wrong = as(api, street).post("/api/v1/daily-reports", Map.of("templateId", PLATFORM_DEFAULT,
          "date", yesterday, "zero", true));
      assertThat(fields(wrong)).containsExactly("templateId");
      Api.Answer filed = as(api, street).post("/api/v1/daily-reports", Map.of("date", yesterday, "zero", true));
      assertThat(filed.status()).as(filed.body()).isEqualTo(201);
      assertThat(filed.json().get("templateId").asString()).isEqualTo(id);
      assertThat(as(api, street).get("/api/v1/daily-reports/mine?date=" + yesterday).json().get("templateId")
          .asString()).isEqualTo(id);

      assertThat(completeness(null, yesterday)).doesNotContainKey(street.unitCode()).containsKey("D-CDC");
      Map<String, String> own = completeness(id, yesterday);
      assertThat(own.get(street.unitCode())).isIn("ZERO", "LATE");
      assertThat(own).doesNotContainKey("D-CDC");
      assertThat(as(api, street).get("/command/reports/file", "text/html").body()).contains("街道日报 ");
    } finally {
      api.as("commander").put("/api/v1/daily-reports/templates/" + id + "/kinds", Map.of("kinds", List.of()));
    }
    assertThat(completeness(null, yesterday)).containsKey(street.unitCode());
    assertThat(fields(api.as("commander").put("/api/v1/daily-reports/templates/" + id + "/kinds",
        Map.of("kinds", java.util.Arrays.asList("STREET", null))))).containsExactly("kinds");
  }

  @Test
  void theDefaultTemplateIsWhatUnitsWithoutAnAssignedTemplateFile() {
    String id = template("新默认模板 " + UUID.randomUUID());
    UnitUser unit = freshUnit(api, "默认模板单位");
    String yesterday = LocalDate.now(clock).minusDays(1).toString();
    try {
      Api.Answer made = api.as("commander").post("/api/v1/daily-reports/templates/" + id + "/default", "");
      assertThat(made.status()).as(made.body()).isEqualTo(200);
      assertThat(made.json().get("isDefault").asBoolean()).isTrue();
      JsonNode all = api.as("community").get("/api/v1/daily-reports/templates").json();
      assertThat(all.get(0).get("id").asString()).as("the default first").isEqualTo(id);
      assertThat(all.valueStream().filter(t -> t.get("isDefault").asBoolean()).count()).isEqualTo(1);

      Api.Answer filed = as(api, unit).post("/api/v1/daily-reports", Map.of("date", yesterday, "zero", true));
      assertThat(filed.status()).as(filed.body()).isEqualTo(201);
      assertThat(filed.json().get("templateId").asString()).isEqualTo(id);
      assertThat(completeness(null, yesterday).get(unit.unitCode())).isIn("ZERO", "LATE");
      assertThat(api.as("commander").post("/api/v1/daily-reports/templates/" + id + "/default", "").status())
          .as("idempotent").isEqualTo(200);
    } finally {
      api.as("commander").post("/api/v1/daily-reports/templates/" + PLATFORM_DEFAULT + "/default", "");
    }
    assertThat(api.as("commander").get("/api/v1/daily-reports/templates").json().get(0).get("id").asString())
        .isEqualTo(PLATFORM_DEFAULT);
    assertThat(api.as("commander").post("/api/v1/daily-reports/templates/" + UUID.randomUUID() + "/default", "")
        .status()).isEqualTo(404);
  }

  @Test
  void aRetiredTemplateIsOwedByNoOneTakesNoReportsAndItsKindsFileTheDefault() {
    String id = template("停用测试模板 " + UUID.randomUUID());
    UnitUser street = freshUnit(api, "停用模板街道", "STREET", "990104002");
    String yesterday = LocalDate.now(clock).minusDays(1).toString();
    assertThat(completeness(id, yesterday)).as("a city-wide special report").containsKey(street.unitCode());
    api.as("commander").put("/api/v1/daily-reports/templates/" + id + "/kinds", Map.of("kinds", List.of("STREET")));

    Api.Answer retired = api.as("commander").post("/api/v1/daily-reports/templates/" + id + "/retire", "");
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().get("retiredOn").asString()).isEqualTo(LocalDate.now(clock).toString());
    assertThat(retired.json().get("kinds").size()).as("its kinds fall back to the default").isZero();
    assertThat(completeness(id, yesterday)).isEmpty();
    assertThat(completeness(null, yesterday)).containsKey(street.unitCode());
    Api.Answer refused = as(api, street).post("/api/v1/daily-reports", Map.of("templateId", id, "date", yesterday,
        "zero", true));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(as(api, street).post("/api/v1/daily-reports", Map.of("date", yesterday, "zero", true)).json()
        .get("templateId").asString()).isEqualTo(PLATFORM_DEFAULT);

    assertThat(api.as("commander").post("/api/v1/daily-reports/templates/" + id + "/retire", "").status())
        .isEqualTo(409);
    assertThat(api.as("commander").post("/api/v1/daily-reports/templates/" + id + "/default", "").status())
        .isEqualTo(409);
    assertThat(api.as("commander").post("/api/v1/daily-reports/templates/" + PLATFORM_DEFAULT + "/retire", "")
        .status()).as("the default stays").isEqualTo(409);
    assertThat(api.as("commander").get("/command/reports/templates", "text/html").body())
        .contains("data-testid=\"retired-badge\"");
  }

  private String template(String name) {
    Api.Answer created = api.as("commander").post("/api/v1/daily-reports/templates", Map.of("name", name,
        "fields", List.of(Map.of("key", "n", "label", "数量", "type", "INTEGER"))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** Unit code → status of a template's completeness (null: the default template) on a day. */
  private Map<String, String> completeness(String templateId, String date) {
    Api.Answer answer = api.as("commander").get("/api/v1/daily-reports/completeness?date=" + date
        + (templateId == null ? "" : "&templateId=" + templateId));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Map<String, String> rows = new java.util.HashMap<>();
    answer.json().forEach(row -> rows.put(row.get("unitCode").asString(), row.get("status").asString()));
    return rows;
  }
}
