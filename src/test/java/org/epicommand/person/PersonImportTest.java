package org.epicommand.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class PersonImportTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void tenThousandRowsWithFiftyBrokenOnesImport9950AndReimportAddsNothing() {
    StringBuilder csv = new StringBuilder("name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n");
    List<Integer> brokenLines = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      int line = i + 2;
      // one unique person per row: a different birth day each
      String id = People.validId("320104",
          java.time.LocalDate.of(1950, 1, 1).plusDays(i).toString().replace("-", ""), 1);
      String name = "导入" + i;
      String phone = "139" + String.format("%08d", i);
      if (i % 200 == 7) {
        brokenLines.add(line);
        id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
      }
      csv.append(name).append(",RESIDENT_ID,").append(id).append(",,,").append(phone).append(",导入路").append(i % 50)
          .append("号,990101001002\n");
    }
    long before = count();
    JsonNode status = api.as("district").upload("/api/v1/imports/persons?wait=true", "persons.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8)).json();
    assertThat(status.get("status").asString()).isEqualTo("DONE");
    assertThat(status.get("rowsTotal").asLong()).isEqualTo(10_000);
    assertThat(status.get("rowsImported").asLong()).isEqualTo(9_950);
    assertThat(status.get("rowsRejected").asLong()).isEqualTo(50);
    assertThat(status.get("errors").valueStream().map(e -> e.get("row").asInt()).toList())
        .containsExactlyElementsOf(brokenLines);
    assertThat(status.get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
    assertThat(count()).isEqualTo(before + 9_950);

    JsonNode again = api.as("district").upload("/api/v1/imports/persons?wait=true", "persons.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8)).json();
    assertThat(again.get("rowsImported").asLong()).isEqualTo(9_950);
    assertThat(again.get("rowsRejected").asLong()).isEqualTo(50);
    assertThat(count()).isEqualTo(before + 9_950);
  }

  @Test
  void gbkFilesRowsOutsideTheScopeAndDuplicatesInTheFileAreHandled() {
    String a = People.validId("330102", "19880808", 11);
    String b = People.validId("330102", "19880808", 13);
    String csv = "name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n"
        + "钱一,RESIDENT_ID," + a + ",男,,,,990101001001\n"
        + "钱二,RESIDENT_ID," + b + ",,,,,990102001001\n"
        + "钱一,RESIDENT_ID," + a + ",男,,,,990101001001\n"
        + "钱三,RESIDENT_ID,12345,,,,,990101001001\n"
        + "\"钱四,RESIDENT_ID\n";
    JsonNode status = api.as("district").upload("/api/v1/imports/persons?wait=true", "gbk.csv",
        csv.getBytes(Charset.forName("GBK"))).json();
    assertThat(status.get("rowsTotal").asLong()).isEqualTo(5);
    assertThat(status.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(status.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString())
        .toList()).containsExactly("3:jurisdictionCode", "4:idNumber", "5:idNumber", "6:");
    assertThat(api.as("district").get("/api/v1/persons?q=钱一").json().get("items").get(0).get("sex").asString())
        .isEqualTo("MALE");
  }

  @Test
  void anXlsxWorkbookImportsWithExcelRowNumbersInItsErrors() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      var sheet = workbook.createSheet("人员");
      String[][] rows = {
          {"name", "idType", "idNumber", "sex", "birthDate", "phone", "address", "jurisdictionCode"},
          {"表格一", "RESIDENT_ID", People.validId("340102", "19920202", 21), "", "", "13512345678", "表格路1号",
              "990101001003"},
          {"表格二", "RESIDENT_ID", "340102199202020000", "", "", "", "", "990101001003"}};
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      workbook.write(bytes);
    }
    JsonNode status = api.as("district").upload("/api/v1/imports/persons?wait=true", "persons.xlsx",
        bytes.toByteArray()).json();
    assertThat(status.get("status").asString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(status.get("errors").get(0).get("row").asInt()).isEqualTo(3);
    assertThat(api.as("district").get("/api/v1/persons?q=表格一").json().get("items").get(0).get("phone").asString())
        .isEqualTo("135****5678");
  }

  @Test
  void importResultsAreVisibleOnlyToWhoeverStartedThem() {
    String id = api.as("district").upload("/api/v1/imports/persons", "p.csv",
        "name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n".getBytes(StandardCharsets.UTF_8))
        .json().get("importId").asString();
    assertThat(api.as("community").get("/api/v1/imports/" + id).status()).isEqualTo(404);
    assertThat(api.as("lab").upload("/api/v1/imports/persons", "p.csv", "x\n".getBytes()).status()).isEqualTo(403);
  }

  private long count() {
    return jdbc.sql("select count(*) from person").query(Long.class).single();
  }
}
