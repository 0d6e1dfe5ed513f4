package org.epicommand.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.epicommand.imports.ImportColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxToCsvTest {

  private static final HeaderSearch PERSONS = new HeaderSearch(List.of(ImportColumn.of("name", "姓名"),
      ImportColumn.documentNumber("idNumber", "证件号码"), ImportColumn.of("birthDate", "出生日期"),
      ImportColumn.of("phone", "联系电话"), ImportColumn.of("address", "现住址")));

  @TempDir
  Path directory;

  @Test
  void titleRowsStayAboveTheHeaderAndLinesKeepTheirExcelRowNumbers() throws IOException {
    List<String> lines = convert(workbook -> {
      XSSFSheet sheet = workbook.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("东湖社区人员排查表");
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
      row(sheet, 2, "姓名", "证件号码", "出生日期", "联系电话", "现住址");
      row(sheet, 3, "张三", "11010519491231002X", "1949-12-31", "13800138000", "东湖路1号, 2单元");
      row(sheet, 4, "李四", "110105491231002");
    });
    assertThat(lines).containsExactly("东湖社区人员排查表", "", "姓名,证件号码,出生日期,联系电话,现住址",
        "张三,11010519491231002X,1949-12-31,13800138000,\"东湖路1号, 2单元\"",
        // trailing cells Excel did not write are filled up to the header's width
        "李四,110105491231002,,,");
  }

  @Test
  void aNumericIdCellIsWrittenAsExcelShowsItAndOtherNumbersAsTheirDigits() throws IOException {
    List<String> lines = convert(workbook -> {
      XSSFSheet sheet = workbook.createSheet();
      row(sheet, 0, "姓名", "证件号码", "出生日期", "联系电话", "现住址");
      XSSFRow row = sheet.createRow(1);
      row.createCell(0).setCellValue("王五");
      row.createCell(1).setCellValue(410101199003071234d);
      row.createCell(3).setCellValue(13800138000d);
      XSSFRow old = sheet.createRow(2);
      old.createCell(0).setCellValue("赵六");
      old.createCell(1).setCellValue(110105491231002d);
    });
    assertThat(lines.get(1)).isEqualTo("王五,4.10101199003071E+17,,13800138000,");
    assertThat(lines.get(2)).isEqualTo("赵六,1.10105491231002E+14,,,");
  }

  @Test
  void dateCellsBecomeIsoDatesAndDateTimesIncludingChineseBuiltInFormats() throws IOException {
    List<String> lines = convert(workbook -> {
      XSSFSheet sheet = workbook.createSheet();
      row(sheet, 0, "姓名", "证件号码", "出生日期", "联系电话", "现住址");
      CellStyle iso = workbook.createCellStyle();
      iso.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
      CellStyle chinese = workbook.createCellStyle();
      chinese.setDataFormat((short) 31); // Chinese Excel's built-in yyyy"年"m"月"d"日"
      CellStyle withTime = workbook.createCellStyle();
      withTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d h:mm"));
      for (int r = 1; r <= 3; r++) {
        XSSFRow row = sheet.createRow(r);
        row.createCell(0).setCellValue("日期" + r);
        row.createCell(1).setCellValue("11010519491231002X");
        var cell = row.createCell(2);
        cell.setCellValue(r == 3 ? LocalDateTime.of(2022, 11, 11, 0, 0) : LocalDateTime.of(1990, 3, 7, 0, 0));
        cell.setCellStyle(r == 1 ? iso : r == 2 ? chinese : withTime);
      }
      XSSFRow timed = sheet.createRow(4);
      timed.createCell(0).setCellValue("日期4");
      var cell = timed.createCell(2);
      cell.setCellValue(LocalDateTime.of(2022, 11, 11, 8, 5));
      cell.setCellStyle(iso);
    });
    assertThat(lines.subList(1, 5)).containsExactly("日期1,11010519491231002X,1990-03-07,,",
        "日期2,11010519491231002X,1990-03-07,,",
        "日期3,11010519491231002X,2022-11-11T00:00:00,,", "日期4,,2022-11-11T08:05:00,,");
  }

  @Test
  void withoutAHeaderInTheFirstRowsNothingIsChanged() throws IOException {
    List<String> lines = convert(workbook -> {
      XSSFSheet sheet = workbook.createSheet();
      for (int r = 0; r < 12; r++) {
        row(sheet, r, "说明" + r);
      }
      XSSFRow late = sheet.createRow(12);
      late.createCell(0).setCellValue("姓名");
      late.createCell(1).setCellValue("证件号码");
      late.createCell(2).setCellValue("出生日期");
      late.createCell(3).setCellValue("联系电话");
      late.createCell(4).setCellValue("现住址");
      XSSFRow data = sheet.createRow(13);
      data.createCell(1).setCellValue(410101199003071234d);
    });
    // the header is too far down to count: the import fails on it, and the number is not rewritten
    assertThat(lines.get(13)).isEqualTo(",410101199003071232");
  }

  private interface Sheet {
    void fill(XSSFWorkbook workbook);
  }

  @Test
  void aCellMergedDownOverRowsGivesEachOfThemItsValueBelowTheHeader() throws IOException {
    List<String> lines = convert(workbook -> {
      XSSFSheet sheet = workbook.createSheet();
      // a two-row title merged down and across, and a header cell merged down into the first data row's place:
      // neither is data
      sheet.createRow(0).createCell(0).setCellValue("东湖社区人员排查表");
      sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 4));
      row(sheet, 2, "姓名", "证件号码", "出生日期", "联系电话", "现住址");
      // the address merged over three residents, the birth date over two; a resident of their own after them
      row(sheet, 3, "张三", "11010519491231002X", "1949-12-31", "13800138000", "东湖路1号");
      row(sheet, 4, "张四", "110105195001010017", "", "13800138001", "");
      row(sheet, 5, "张五", "110105195002020012", "1950-02-02", "", "");
      row(sheet, 6, "李四", "110105195003030018", "", "", "西山路2号");
      sheet.addMergedRegion(new CellRangeAddress(3, 5, 4, 4));
      sheet.addMergedRegion(new CellRangeAddress(3, 4, 2, 2));
      // merged across a row only: nothing to fill
      row(sheet, 7, "王五", "110105195004040013", "", "备注跨两列", "");
      sheet.addMergedRegion(new CellRangeAddress(7, 7, 3, 4));
    });
    assertThat(lines).containsExactly("东湖社区人员排查表", "", "姓名,证件号码,出生日期,联系电话,现住址",
        "张三,11010519491231002X,1949-12-31,13800138000,东湖路1号",
        "张四,110105195001010017,1949-12-31,13800138001,东湖路1号",
        "张五,110105195002020012,1950-02-02,,东湖路1号",
        "李四,110105195003030018,,,西山路2号",
        "王五,110105195004040013,,备注跨两列,");
  }

  private List<String> convert(Sheet content) throws IOException {
    Path xlsx = directory.resolve("in.xlsx");
    Path csv = directory.resolve("out.csv");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      content.fill(workbook);
      workbook.write(out);
    }
    XlsxToCsv.convert(xlsx, csv, PERSONS);
    return Files.readAllLines(csv, StandardCharsets.UTF_8);
  }

  private static void row(XSSFSheet sheet, int index, String... cells) {
    XSSFRow row = sheet.createRow(index);
    for (int c = 0; c < cells.length; c++) {
      row.createCell(c).setCellValue(cells[c]);
    }
  }
}
