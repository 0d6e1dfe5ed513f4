package org.epicommand.imports.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of an XLSX workbook into a UTF-8 CSV (SAX, constant memory, so sheets of
 * hundreds of thousands of rows are fine). Excel row n becomes CSV line n, so errors name the row a
 * person sees in Excel; dates become ISO-8601 and line breaks inside cells become spaces.
 */
final class XlsxToCsv {

  private XlsxToCsv() {}

  static void convert(Path xlsx, Path csv) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
         Writer out = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new RowWriter(out),
            new IsoDateFormatter(), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("not a readable XLSX workbook: " + e.getMessage(), e);
    }
  }

  private static final class RowWriter implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Writer out;
    private final List<String> cells = new ArrayList<>();
    private int nextRow;

    RowWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void startRow(int rowNum) {
      try {
        while (nextRow < rowNum) {
          out.write("\n");
          nextRow++;
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      try {
        for (int i = 0; i < cells.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          String value = cells.get(i) == null ? "" : cells.get(i).replace('\r', ' ').replace('\n', ' ');
          if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
            value = '"' + value.replace("\"", "\"\"") + '"';
          }
          out.write(value);
        }
        out.write("\n");
        nextRow = rowNum + 1;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(formattedValue);
    }
  }

  /** Formats date cells as ISO-8601 (date, or date and time) instead of the sheet's local format. */
  private static final class IsoDateFormatter extends DataFormatter {

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime time = DateUtil.getLocalDateTime(value);
        return time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
            ? time.toLocalDate().toString()
            : time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      }
      if (formatString == null || "General".equalsIgnoreCase(formatString)) {
        // long digit strings (document numbers, phones) must not turn into 1.1E+17
        if (value == Math.rint(value) && Math.abs(value) < 1e18) {
          return Long.toString((long) value);
        }
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }
}
