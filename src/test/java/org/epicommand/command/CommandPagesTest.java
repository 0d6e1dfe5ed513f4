package org.epicommand.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.command.CommandFixtures.as;
import static org.epicommand.command.CommandFixtures.freshUnit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.command.CommandFixtures.UnitUser;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every command page renders for who may see it, with the data it is about; others get 403 or 404. */
@EpiCommandTest
class CommandPagesTest {

  @Autowired
  Api api;
  @Autowired
  Clock clock;

  @Test
  void thePagesShowTheMeetingItsTaskAndTheReports() {
    UnitUser unit = freshUnit(api, "页面测试单位");
    String number = "专题会" + UUID.randomUUID().toString().substring(0, 6);
    String meetingId = api.as("commander").post("/api/v1/command/meetings", Map.of("number", number, "kind",
        "SPECIAL", "title", "冷链专题会", "chair", "李卫东", "heldOn", "2022-11-09")).json().get("id").asString();
    String title = "页面任务 " + UUID.randomUUID();
    String taskId = api.as("commander").post("/api/v1/command/meetings/" + meetingId + "/decisions", Map.of("text",
        "加强冷链管控", "tasks", List.of(Map.of("unitCode", unit.unitCode(), "title", title, "deadline",
            OffsetDateTime.now(clock).plusDays(1).toString())))).json().get("tasks").get(0).get("id").asString();

    assertThat(page(api.as("commander"), "/command")).contains("应急响应级别").contains("医疗救治组").contains("东湖区");
    assertThat(page(api.as("commander"), "/command/meetings")).contains(number);
    assertThat(page(api.as("commander"), "/command/meetings/" + meetingId)).contains("加强冷链管控").contains(title);
    assertThat(page(api.as("commander"), "/command/tasks?all=true")).contains(title);
    assertThat(page(as(api, unit), "/command/tasks")).contains(title).contains("已交办")
        .contains("data-testid=\"duty-form\"");
    assertThat(page(as(api, unit), "/command/tasks/" + taskId)).contains(title).contains("接收");
    assertThat(page(api.as("commander"), "/command/reports")).contains("data-testid=\"report-matrix\"")
        .contains("status-");
    String yesterday = LocalDate.now(clock).minusDays(1).toString();
    assertThat(page(api.as("commander"), "/command/reports/consolidated?date=" + yesterday)).contains("全市汇总");
    assertThat(page(as(api, unit), "/command/reports/file")).contains("零报告");
    assertThat(page(api.as("commander"), "/command/reports/templates")).contains("每日疫情防控工作日报")
        .contains("newCases");
    assertThat(page(api.as("district"), "/command/duty/widget")).contains("东湖区");

    assertThat(api.as("community").get("/command/tasks/" + taskId, "text/html").status()).isEqualTo(404);
    assertThat(api.as("community").get("/command/reports", "text/html").status()).isEqualTo(403);
    assertThat(api.as("commander").get("/command/meetings/" + UUID.randomUUID(), "text/html").status())
        .isEqualTo(404);
  }

  @Test
  void theOrganisationPagesShowUnitsTheLeadershipGroupAndTheRosterToWhoMaySeeThem() {
    assertThat(page(api.as("commander"), "/command/units")).contains("指挥部办公室").contains("街道（乡镇）")
        .contains("社区（村）").contains("data-testid=\"unit-create\"");
    assertThat(page(api.as("commander"), "/command/units/OFFICE")).contains("commander")
        .contains("data-testid=\"retire-unit\"");
    assertThat(page(api.as("commander"), "/command/leadership")).contains("张建国").contains("副组长")
        .contains("data-testid=\"former\"").contains("刘志远");
    String week = page(api.as("commander"), "/command/duty/roster?unit=D-CDC");
    assertThat(week).contains("data-testid=\"roster-grid\"").contains("市疾病预防控制中心");
    assertThat(week.split("roster-line", -1).length - 1).isEqualTo(7);
    LocalDate today = LocalDate.now(clock);
    String month = page(api.as("commander"), "/command/duty/roster?unit=D-CDC&period=month&start=" + today);
    assertThat(month.split("roster-line", -1).length - 1).isEqualTo(today.lengthOfMonth());
    // readers see, the office's forms are the office's
    assertThat(page(api.as("cdc"), "/command/units")).contains("市公安局").doesNotContain("data-testid=\"unit-create\"");
    assertThat(page(api.as("cdc"), "/command/leadership")).contains("张建国").doesNotContain("data-testid=\"appoint\"");
    assertThat(page(api.as("cdc"), "/command/duty/roster")).contains("市疾病预防控制中心");
    assertThat(page(api.as("community"), "/command/duty/roster")).contains("您不属于任何成员单位");
    assertThat(api.as("community").get("/command/units", "text/html").status()).isEqualTo(403);
    assertThat(api.as("community").get("/command/leadership", "text/html").status()).isEqualTo(403);
    assertThat(api.as("lab").get("/command/duty/roster", "text/html").status()).isEqualTo(403);
    assertThat(api.as("cdc").get("/command/duty/roster?unit=OFFICE", "text/html").status()).isEqualTo(404);
    assertThat(api.as("commander").get("/command/units/NOPE-" + UUID.randomUUID(), "text/html").status())
        .isEqualTo(404);
  }

  private static String page(Api.Caller caller, String path) {
    Api.Answer answer = caller.get(path, "text/html");
    assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
    return answer.body();
  }
}
