package org.epicommand.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Spreadsheets as offices make them: Chinese headers, title rows above the header, Excel's dates and
 * phones, and ID numbers that Excel stored as numbers — refused, never stored.
 */
@EpiCommandTest
class SpreadsheetImportTest {

  /** A birth region no other test uses. */
  private static final String REGION = "370212";
  private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 450));
  private static final String STORED_AS_NUMBER = "Excel 存成了数字";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  /** A fresh resident ID number of someone born on that day; male when {@code male}. */
  private static String residentId(String birth, boolean male) {
    int n = SEQUENCE.incrementAndGet();
    String first17 = REGION + birth + String.format("%03d", 100 + n % 450 * 2 + (male ? 1 : 0));
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** A fresh resident ID number that a spreadsheet can hold as a number (its check character is no X). */
  private static String numericId(String birth, boolean male) {
    String id = residentId(birth, male);
    return id.endsWith("X") ? numericId(birth, male) : id;
  }

  /** A number as Excel keeps an 18-digit ID typed into a General cell: 15 significant digits. */
  private static double asExcelKeepsIt(String idNumber) {
    return new java.math.BigDecimal(idNumber).round(new java.math.MathContext(15)).doubleValue();
  }

  @Test
  void anIdNumberThatExcelStoredAsANumberIsRefusedAndNothingIsStored() throws IOException {
    String valid = residentId("19900307", true);
    String typedAsNumber = numericId("19850101", false);
    String lostDigits = numericId("19700707", true);
    byte[] xlsx = workbook(workbook -> {
      XSSFSheet sheet = workbook.createSheet("排查表");
      sheet.createRow(0).createCell(0).setCellValue("东湖社区人员排查表");
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
      sheet.createRow(1).createCell(0).setCellValue("填报单位：东湖社区    填报日期：2022年11月11日");
      row(sheet, 2, "姓名", "证件类型", "身份证号码", "性别", "出生日期", "手机号码", "现住址", "所属社区");
      XSSFRow good = row(sheet, 3, "表格甲", "居民身份证", valid, "男", null, "+86 138 0013 8000", "表格路1号",
          DemoPlaces.COMMUNITY);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
      good.createCell(4).setCellValue(LocalDate.of(1990, 3, 7));
      good.getCell(4).setCellStyle(date);
      row(sheet, 4, "表格乙", "身份证", null, "女", "", "", "", DemoPlaces.COMMUNITY).createCell(2)
          .setCellValue(Double.parseDouble(typedAsNumber));
      row(sheet, 5, "表格丙", "", null, "", "", "", "", DemoPlaces.COMMUNITY).createCell(2)
          .setCellValue(asExcelKeepsIt(lostDigits));
    });
    JsonNode status = api.as("district").upload("/api/v1/imports/persons?wait=true", "排查表.xlsx", xlsx).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("rowsTotal").asLong()).isEqualTo(3);
    assertThat(status.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(errors(status)).containsExactly("5:idNumber", "6:idNumber");
    assertThat(status.get("errors").get(0).get("message").asString()).contains(STORED_AS_NUMBER);
    assertThat(status.get("errors").get(1).get("message").asString()).contains(STORED_AS_NUMBER);

    assertThat(jdbc.sql("select count(*) from person where name in ('表格乙', '表格丙') or id_number like :prefix")
        .param("prefix", typedAsNumber.substring(0, 14) + "%").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from person where id_number like :prefix")
        .param("prefix", lostDigits.substring(0, 14) + "%").query(Long.class).single()).isZero();
    Map<String, Object> stored = person(valid);
    assertThat(stored).containsEntry("name", "表格甲").containsEntry("phone", "13800138000")
        .containsEntry("birth_date", "1990-03-07").containsEntry("jurisdiction_code", DemoPlaces.COMMUNITY);
  }

  @Test
  void aCsvWithScientificNotationOrDigitsLostToPrecisionIsRefusedWithItsOwnMessage() {
    String valid = residentId("19660606", false);
    String lost = "410101199003071000";
    String csv = "name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n"
        + "科学甲,RESIDENT_ID,4.10101E+17,,,,,990101001001\n"
        + "科学乙,RESIDENT_ID," + lost + ",,,,,990101001001\n"
        + "科学丙,PASSPORT,4.10101e17,,,,,990101001001\n"
        + "科学丁,RESIDENT_ID," + valid + ",,,,,990101001001\n";
    JsonNode status = api.as("district").upload("/api/v1/imports/persons?wait=true", "persons.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(errors(status)).containsExactly("2:idNumber", "3:idNumber", "4:idNumber");
    status.get("errors").forEach(e -> assertThat(e.get("message").asString()).contains(STORED_AS_NUMBER));
    assertThat(status.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from person where name like '科学%' or id_number in ('4.10101E+17', "
        + "'4.10101E17', :lost)").param("lost", lost).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void personsWithChineseHeadersATitleRowAndExcelsDatesAndPhones() {
    String a = residentId("19900307", true);
    String b = residentId("19851201", false);
    String c = residentId("20010102", true);
    String d = residentId("19760504", false);
    String csv = "东湖社区重点人员排查表,,,,,,,\n"
        + "姓名,证件类型,证件号码,性别,出生日期,联系电话,现住址,社区代码\n"
        + "中文甲,居民身份证," + a + ",男,1990/3/7,+86 138 0013 8000,中文路1号,990101001001\n"
        + "中文乙,身份证," + b + ",女性,1985年12月1日,86-13900139000,中文路2号,990101001002\n"
        + "中文丙,," + c + ",,20010102,138-0013-8001,,990101001003\n"
        + "中文丁,," + d + ",,4/5/1976,,,990101001003\n";
    JsonNode status = api.as("district").upload("/api/v1/imports/persons?wait=true", "排查表.csv",
        csv.getBytes(Charset.forName("GBK"))).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(3);
    // line numbers are the file's own: the title is line 1, the header line 2
    assertThat(errors(status)).containsExactly("6:birthDate");
    assertThat(person(a)).containsEntry("name", "中文甲").containsEntry("sex", "MALE")
        .containsEntry("birth_date", "1990-03-07").containsEntry("phone", "13800138000")
        .containsEntry("address", "中文路1号").containsEntry("jurisdiction_code", DemoPlaces.COMMUNITY);
    assertThat(person(b)).containsEntry("sex", "FEMALE").containsEntry("birth_date", "1985-12-01")
        .containsEntry("phone", "13900139000").containsEntry("jurisdiction_code", DemoPlaces.NEIGHBOUR);
    assertThat(person(c)).containsEntry("birth_date", "2001-01-02").containsEntry("phone", "13800138001");
  }

  @Test
  void tubesFromAWorkbookWithATitleChineseHeadersAndAnExcelDateTime() throws IOException {
    List<String> members = List.of(residentId("19720202", true), residentId("19730303", false));
    String refused = numericId("19740404", true);
    List<String> personIds = new java.util.ArrayList<>();
    for (String id : List.of(members.get(0), members.get(1), refused)) {
      Api.Answer created = api.as("commander").post("/api/v1/persons", People.body("采样" + id.substring(14),
          id, DemoPlaces.COMMUNITY));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      personIds.add(created.json().get("id").asString());
    }
    String barcode = "XL" + System.nanoTime();
    byte[] xlsx = workbook(workbook -> {
      XSSFSheet sheet = workbook.createSheet("采样");
      sheet.createRow(0).createCell(0).setCellValue("东湖社区核酸采样登记表");
      row(sheet, 1, "试管条码", "采样类型", "证件类型", "身份证号码", "采样点编码", "采样时间");
      CellStyle time = workbook.createCellStyle();
      time.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d h:mm"));
      for (int i = 0; i < 3; i++) {
        XSSFRow row = row(sheet, 2 + i, barcode, "10混1", "居民身份证", i < 2 ? members.get(i) : null, "S990101001001");
        if (i == 2) {
          row.createCell(3).setCellValue(Double.parseDouble(refused));
        }
        row.createCell(5).setCellValue(LocalDateTime.of(2022, 11, 11, 8, 5));
        row.getCell(5).setCellStyle(time);
      }
    });
    JsonNode status = api.as("lab").upload("/api/v1/imports/tubes?wait=true", "采样.xlsx", xlsx).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(status)).containsExactly("5:memberIdNumber");
    assertThat(status.get("errors").get(0).get("message").asString()).contains(STORED_AS_NUMBER);
    Map<String, Object> tube = jdbc.sql("select kind, collected_at from labtest_tube where barcode = :barcode")
        .param("barcode", barcode).query().singleRow();
    assertThat(tube.get("kind")).isEqualTo("POOL_10");
    assertThat(((java.sql.Timestamp) tube.get("collected_at")).toInstant())
        .isEqualTo(Instant.parse("2022-11-11T00:05:00Z"));
    JsonNode stored = api.as("commander").get("/api/v1/tubes/" + barcode).json();
    assertThat(stored.get("members").valueStream().map(m -> m.get("personId").asString()).toList())
        .containsExactlyInAnyOrderElementsOf(personIds.subList(0, 2));
  }

  @Test
  void aPushedListWithTitlesChineseHeadersAndValuesAsOtherCitiesWriteThem() {
    String list = "推送-" + System.nanoTime();
    String known = residentId("19800808", true);
    String csv = "关于协查涉疫风险人员的函,,,,,,,\n"
        + "附件：人员名单,,,,,,,\n"
        + "批次号,证件类型,身份证号码,姓名,手机号码,推送原因,来源地区,推送时间\n"
        + list + ",居民身份证," + known + ",推送甲,+86 137 0000 1111,时空伴随,110105,2022/11/11 8:05\n"
        + list + ",身份证,4.10101e17,推送乙,,时空伴随,110105,2022年11月11日 8:05\n"
        + list + ",,,推送丙,86-13700002222,涉疫地区停留,110105,2022-11-11 08:05\n";
    JsonNode status = api.as("commander").upload("/api/v1/imports/pushed-list?wait=true", "名单.csv",
        csv.getBytes(Charset.forName("GBK"))).json();
    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(status)).containsExactly("5:idNumber");
    assertThat(status.get("errors").get(0).get("message").asString()).contains(STORED_AS_NUMBER);
    List<Map<String, Object>> items = jdbc.sql("select id_type, id_number, name, phone, pushed_at from pushed_item "
        + "where list_ref = :list order by source_line").param("list", list).query().listOfRows();
    assertThat(items).hasSize(2);
    assertThat(items.get(0)).containsEntry("id_type", "RESIDENT_ID").containsEntry("id_number", known)
        .containsEntry("phone", "13700001111");
    assertThat(items.get(1)).containsEntry("name", "推送丙").containsEntry("phone", "13700002222");
    for (Map<String, Object> item : items) {
      assertThat(((java.sql.Timestamp) item.get("pushed_at")).toInstant())
          .isEqualTo(Instant.parse("2022-11-11T00:05:00Z"));
    }
  }

  @Test
  void theImportPageListsTheAcceptedHeadersOfTheCallersKinds() {
    Api.Answer page = api.as("district").get("/imports");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("各类型可用的表头", "<code>idNumber</code>", "证件号码、身份证号、身份证号码、证件号",
        "现住址、住址");
    assertThat(api.as("lab").get("/imports").body()).contains("<code>memberIdNumber</code>", "采样时间")
        .doesNotContain("现住址");
  }

  private Map<String, Object> person(String idNumber) {
    return jdbc.sql("select name, sex, birth_date::text as birth_date, phone, address, jurisdiction_code from person "
        + "where id_type = 'RESIDENT_ID' and id_number = :id").param("id", idNumber).query().singleRow();
  }

  private static List<String> errors(JsonNode status) {
    return status.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString()).toList();
  }

  private interface Content {
    void fill(XSSFWorkbook workbook);
  }

  private static byte[] workbook(Content content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      content.fill(workbook);
      workbook.write(bytes);
    }
    return bytes.toByteArray();
  }

  /** A row of text cells; {@code null} leaves a cell out. */
  private static XSSFRow row(XSSFSheet sheet, int index, String... cells) {
    XSSFRow row = sheet.createRow(index);
    for (int c = 0; c < cells.length; c++) {
      if (cells[c] != null) {
        row.createCell(c).setCellValue(cells[c]);
      }
    }
    return row;
  }
}
