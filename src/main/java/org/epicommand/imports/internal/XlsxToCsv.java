package org.epicommand.imports.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.imports.ImportHandler;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Streams the first sheet of an XLSX workbook into a UTF-8 CSV (SAX, constant memory, so sheets of
 * hundreds of thousands of rows are fine). Excel row n becomes CSV line n, so errors name the row a
 * person sees in Excel; dates become ISO-8601 ({@link SheetNumbers}) and line breaks inside cells
 * become spaces.
 *
 * <p>The conversion finds the header as the import will ({@link HeaderSearch}). Below it, rows whose
 * trailing cells are empty (Excel writes no cell for them) are filled up to the header's width, and a
 * numeric cell in a document-number column is written in scientific notation, as Excel shows it
 * ({@code 4.10101199003071E+17}): the import refuses it as an ID number that Excel stored as a
 * number, instead of storing digits that Excel's 15-digit precision may have changed.
 *
 * <p>A cell merged down over several rows below the header (a register's 社区 or 检查编号 over the rows it stands
 * for) holds its value in its top row only; each row it covers gets that value in the merged cell's first column,
 * as a person reads the sheet. Excel lists the merged cells after the rows, so the sheet is read twice: once for
 * them, once for the rows.
 */
final class XlsxToCsv {

  private XlsxToCsv() {}

  static void convert(Path xlsx, Path csv, HeaderSearch search) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
         Writer out = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      List<CellRangeAddress> merged;
      try (InputStream sheet = sheets.next()) {
        merged = mergedDown(sheet);
      }
      sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      try (InputStream sheet = sheets.next()) {
        CellKinds kinds = new CellKinds(XMLHelper.newXMLReader());
        kinds.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
            new RowWriter(out, search, kinds, merged), new SheetNumbers(), false));
        kinds.parse(new InputSource(sheet));
      }
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("not a readable XLSX workbook: " + e.getMessage(), e);
    }
  }

  /** The sheet's merged cells that span more than one row, by their top row. */
  private static List<CellRangeAddress> mergedDown(InputStream sheet) throws Exception {
    List<CellRangeAddress> merged = new ArrayList<>();
    XMLReader xml = XMLHelper.newXMLReader();
    xml.setContentHandler(new DefaultHandler() {
      @Override
      public void startElement(String uri, String localName, String qName, Attributes atts) {
        if ("mergeCell".equals(localName) && atts.getValue("ref") != null) {
          CellRangeAddress range = CellRangeAddress.valueOf(atts.getValue("ref"));
          if (range.getLastRow() > range.getFirstRow()) {
            merged.add(range);
          }
        }
      }
    });
    xml.parse(new InputSource(sheet));
    merged.sort(Comparator.comparingInt(CellRangeAddress::getFirstRow));
    return merged;
  }

  /**
   * Watches the sheet's XML on its way to POI's handler: whether the cell being read is a number
   * (no type, or type {@code n}; a formula with a numeric result too) and its raw value.
   */
  private static final class CellKinds extends XMLFilterImpl {

    private boolean numeric;
    private boolean inValue;
    private final StringBuilder raw = new StringBuilder();

    CellKinds(XMLReader parent) {
      super(parent);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      if ("c".equals(localName)) {
        String type = atts.getValue("t");
        numeric = type == null || "n".equals(type);
        raw.setLength(0);
      } else if ("v".equals(localName)) {
        inValue = true;
      }
      super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inValue) {
        raw.append(ch, start, length);
      }
      super.characters(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if ("v".equals(localName)) {
        inValue = false;
      }
      super.endElement(uri, localName, qName);
    }

    /** The raw number of the cell just read, or {@code null} when it is not a number. */
    Double number() {
      if (!numeric) {
        return null;
      }
      try {
        return Double.valueOf(raw.toString().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  private static final class RowWriter implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Writer out;
    private final HeaderSearch search;
    private final CellKinds kinds;
    private final List<String> cells = new ArrayList<>();
    private int nextRow;
    /** Non-blank rows seen while looking for the header. */
    private int searched;
    private HeaderSearch.Header header;
    /** The cells merged down, by top row; those not reached yet start at {@link #nextMerged}. */
    private final List<CellRangeAddress> merged;
    private int nextMerged;
    /** The merged cells covering the rows being written, with the value of their top row. */
    private final Map<CellRangeAddress, String> covering = new IdentityHashMap<>();

    RowWriter(Writer out, HeaderSearch search, CellKinds kinds, List<CellRangeAddress> merged) {
      this.out = out;
      this.search = search;
      this.kinds = kinds;
      this.merged = merged;
    }

    @Override
    public void startRow(int rowNum) {
      try {
        while (nextRow < rowNum) {
          out.write("\n");
          nextRow++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      boolean blank = HeaderSearch.blank(cells);
      if (header == null && !blank && searched < ImportHandler.HEADER_SEARCH_ROWS) {
        searched++;
        header = search.match(cells);
      } else if (header != null && !blank) {
        fillMerged(rowNum);
        fit(cells, header.width());
      }
      try {
        for (int i = 0; i < cells.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          String value = cells.get(i).replace('\r', ' ').replace('\n', ' ');
          if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
            value = '"' + value.replace("\"", "\"\"") + '"';
          }
          out.write(value);
        }
        out.write("\n");
        nextRow = rowNum + 1;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Below the header: a merged cell's top row gives its value, each row under it that it covers takes that value
     * in the merged cell's first column (where the row has nothing of its own there).
     */
    private void fillMerged(int rowNum) {
      covering.keySet().removeIf(range -> range.getLastRow() < rowNum);
      while (nextMerged < merged.size() && merged.get(nextMerged).getFirstRow() <= rowNum) {
        CellRangeAddress range = merged.get(nextMerged++);
        if (range.getFirstRow() == rowNum && range.getLastRow() > rowNum) {
          int column = range.getFirstColumn();
          covering.put(range, column < cells.size() ? cells.get(column) : "");
        }
      }
      covering.forEach((range, value) -> {
        if (range.getFirstRow() < rowNum) {
          int column = range.getFirstColumn();
          while (cells.size() <= column) {
            cells.add("");
          }
          if (cells.get(column).isEmpty()) {
            cells.set(column, value);
          }
        }
      });
    }

    /** Fills a row with empty cells up to the width, and drops empty cells past it. */
    private static void fit(List<String> cells, int width) {
      while (cells.size() < width) {
        cells.add("");
      }
      while (cells.size() > width && cells.get(cells.size() - 1).isEmpty()) {
        cells.remove(cells.size() - 1);
      }
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      String value = formattedValue == null ? "" : formattedValue;
      if (formattedValue != null && header != null && header.documentNumber(column) != null) {
        Double number = kinds.number();
        if (number != null) {
          value = SheetNumbers.scientific(number);
        }
      }
      cells.add(value);
    }
  }
}
