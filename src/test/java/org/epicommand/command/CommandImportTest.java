package org.epicommand.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.command.CommandFixtures.as;
import static org.epicommand.command.CommandFixtures.freshUnit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.epicommand.command.CommandFixtures.UnitUser;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Imports {@code units} and {@code duty-roster}: row errors with their lines, and a second import adds nothing. */
@EpiCommandTest
class CommandImportTest {

  @Autowired
  Api api;
  @Autowired
  Clock clock;
  @Autowired
  JdbcClient jdbc;

  @Test
  void unitsImportByCodeWithRowErrorsAndAgainWithoutDuplicates() {
    String p = "I" + UUID.randomUUID().toString().substring(0, 6);
    String csv = "code,name,kind,jurisdictionCode,reporting,sortOrder\n"
        + p + "-1,导入成员单位,DEPARTMENT,,是,120\n"
        + p + "-2,导入街道,街道,990103001,1,\n"
        + p + "-3,坏类别,FOO,,,\n"
        + p + "-4,坏区划,STREET,990199999,,\n"
        + p + "-1,重复单位,DEPARTMENT,,,\n"
        + ",无代码,COMMUNITY,990103001001,maybe,x\n"
        + p + "-5,导入社区,community,990103001001,false,7\n";
    JsonNode first = upload("units", "units.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(first.get("status").asString()).isEqualTo("DONE");
    assertThat(first.get("rowsImported").asLong()).isEqualTo(3);
    assertThat(errors(first)).containsExactly("4:kind", "5:jurisdictionCode", "6:code", "7:reporting",
        "7:sortOrder");
    assertThat(units(p)).isEqualTo(3);
    assertThat(name(p + "-1")).isEqualTo("导入成员单位");
    assertThat(jdbc.sql("select kind || ' ' || reporting || ' ' || sort_order from command_unit where code = :c")
        .param("c", p + "-5").query(String.class).single()).isEqualTo("COMMUNITY false 7");

    JsonNode again = upload("units", "units.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(again.get("rowsImported").asLong()).isEqualTo(3);
    assertThat(errors(again)).containsExactly("4:kind", "5:jurisdictionCode", "6:code", "7:reporting",
        "7:sortOrder");
    assertThat(units(p)).isEqualTo(3);
    assertThat(name(p + "-1")).as("the duplicate line changes nothing").isEqualTo("导入成员单位");

    // a corrected file takes the new name over; a changed retired unit is a row error
    api.as("commander").post("/api/v1/command/units/" + p + "-5/retire", "{}");
    String corrected = "code,name,kind,jurisdictionCode,reporting,sortOrder\n"
        + p + "-2,导入街道（更名）,STREET,990103001,true,\n"
        + p + "-5,导入社区（更名）,COMMUNITY,990103001001,false,7\n";
    JsonNode third = upload("units", "corrected.csv", corrected.getBytes(StandardCharsets.UTF_8));
    assertThat(third.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(errors(third)).containsExactly("3:code");
    assertThat(name(p + "-2")).isEqualTo("导入街道（更名）");
    assertThat(api.as("cdc").upload("/api/v1/imports/units", "u.csv", csv.getBytes(StandardCharsets.UTF_8))
        .status()).isEqualTo(403);
  }

  @Test
  void aUnitImportsItsDutyRosterFromAWorkbookOncePerUnitAndDay() throws Exception {
    UnitUser unit = freshUnit(api, "值班导入单位");
    UnitUser other = freshUnit(api, "他单位导入");
    LocalDate day = LocalDate.now(clock).plusDays(10);
    byte[] workbook = xlsx(new String[][] {
        {"unitCode", "date", "leader", "staff", "phone"},
        {unit.unitCode(), day.toString(), "张带班", "李值班", "0571-86001001"},
        {unit.unitCode(), day.plusDays(1).toString(), "王带班", "赵值班", "0571-86001002"},
        {other.unitCode(), day.toString(), "外单位", "外单位", "110"},
        {unit.unitCode(), "明天", "张带班", "李值班", "110"},
        {unit.unitCode(), day.toString(), "重复", "重复", "110"},
        {unit.unitCode(), day.plusDays(2).toString(), "钱带班", "孙值班", "电话"}});
    JsonNode first = as(api, unit).upload("/api/v1/imports/duty-roster?wait=true", "roster.xlsx", workbook).json();
    assertThat(first.get("status").asString()).isEqualTo("DONE");
    assertThat(first.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(first)).containsExactly("4:unitCode", "5:date", "6:date", "7:phone");
    String range = "/api/v1/command/units/" + unit.unitCode() + "/duty?from=" + day + "&to=" + day.plusDays(2);
    JsonNode roster = as(api, unit).get(range).json();
    assertThat(roster.size()).isEqualTo(2);
    assertThat(roster.get(0).get("leader").asString()).isEqualTo("张带班");
    assertThat(roster.get(1).get("phone").asString()).isEqualTo("0571-86001002");

    JsonNode again = as(api, unit).upload("/api/v1/imports/duty-roster?wait=true", "roster.xlsx", workbook).json();
    assertThat(again.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(again)).containsExactly("4:unitCode", "5:date", "6:date", "7:phone");
    assertThat(as(api, unit).get(range).json().get(0).get("leader").asString()).isEqualTo("张带班");
    assertThat(jdbc.sql("select count(*) from command_duty where unit_code = :u").param("u", unit.unitCode())
        .query(Long.class).single()).isEqualTo(2);
    // the command office imports any unit's roster
    JsonNode office = api.as("commander").upload("/api/v1/imports/duty-roster?wait=true", "o.csv",
        ("unitCode,date,leader,staff,phone\n" + other.unitCode() + "," + day + ",周带班,吴值班,110\n")
            .getBytes(StandardCharsets.UTF_8)).json();
    assertThat(office.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(api.as("lab").upload("/api/v1/imports/duty-roster", "o.csv", new byte[] {'x'}).status())
        .isEqualTo(403);
  }

  @Test
  void aRosterAsAnOfficeKeepsItHasChineseHeadersAndItsOwnDates() {
    UnitUser unit = freshUnit(api, "中文值班表单位");
    LocalDate day = LocalDate.now(clock).plusDays(20);
    String csv = "十二月值班安排表\n单位编码,值班日期,带班领导,值班人员,值班电话\n"
        + unit.unitCode() + "," + day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth()
        + ",张带班,李值班,0571-86001001\n"
        + unit.unitCode() + "," + day.plusDays(1).getYear() + "年" + day.plusDays(1).getMonthValue() + "月"
        + day.plusDays(1).getDayOfMonth() + "日,王带班,赵值班,0571-86001002\n";
    JsonNode status = as(api, unit).upload("/api/v1/imports/duty-roster?wait=true", "值班表.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).as(status.toString()).isEqualTo(2);
    JsonNode roster = as(api, unit).get("/api/v1/command/units/" + unit.unitCode() + "/duty?from=" + day + "&to="
        + day.plusDays(1)).json();
    assertThat(roster.findValuesAsString("leader")).containsExactly("张带班", "王带班");
  }

  private JsonNode upload(String kind, String file, byte[] content) {
    Api.Answer answer = api.as("commander").upload("/api/v1/imports/" + kind + "?wait=true", file, content);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> errors(JsonNode status) {
    return status.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString())
        .toList();
  }

  private long units(String prefix) {
    return jdbc.sql("select count(*) from command_unit where code like :p").param("p", prefix + "-%")
        .query(Long.class).single();
  }

  private String name(String code) {
    return jdbc.sql("select name from command_unit where code = :c").param("c", code).query(String.class).single();
  }

  private static byte[] xlsx(String[][] rows) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("值班表");
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
