package org.epicommand.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndKeepsStartingLines() throws IOException {
    List<CsvRecordReader.Record> records = read(
        "\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\nlast,row");
    assertThat(records).extracting(CsvRecordReader.Record::line).containsExactly(1, 2, 3, 5);
    assertThat(records.get(0).fields()).containsExactly("a", "b");
    assertThat(records.get(1).fields()).containsExactly("x, y", "say \"hi\"");
    assertThat(records.get(2).fields()).containsExactly("multi\nline", "z");
    assertThat(records.get(3).fields()).containsExactly("last", "row");
  }

  @Test
  void skipsBlankLinesButCountsThem() throws IOException {
    List<CsvRecordReader.Record> records = read("h\n\n1\r\n\r\n2\n");
    assertThat(records).extracting(CsvRecordReader.Record::line).containsExactly(1, 3, 5);
  }

  @Test
  void reportsMalformedRecordsAndGoesOn() throws IOException {
    List<CsvRecordReader.Record> records = read("h1,h2\n\"a\"b,c\nok,1\n\"never closed,2");
    assertThat(records).extracting(CsvRecordReader.Record::error)
        .containsExactly(null, "csv.textAfterQuote", null, "csv.unterminatedQuote");
    assertThat(records.get(2).fields()).containsExactly("ok", "1");
    assertThat(records.get(3).line()).isEqualTo(4);
  }

  @Test
  void aStrayQuoteInAnUnquotedCellBreaksOnlyItsRow() throws IOException {
    List<CsvRecordReader.Record> records = read("h1,h2\nab\"c,d\nok,1\n");
    assertThat(records).extracting(CsvRecordReader.Record::error).containsExactly(null, "csv.strayQuote", null);
    assertThat(records.get(2).line()).isEqualTo(3);
  }

  @Test
  void flagsOversizedFields() throws IOException {
    List<CsvRecordReader.Record> records = read("h\n" + "x".repeat(CsvRecordReader.MAX_FIELD_LENGTH + 5) + "\nnext\n");
    assertThat(records.get(1).error()).isEqualTo("csv.fieldTooLong");
    assertThat(records.get(2).fields()).containsExactly("next");
    assertThat(records.get(2).line()).isEqualTo(3);
  }

  private static List<CsvRecordReader.Record> read(String text) throws IOException {
    List<CsvRecordReader.Record> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text))) {
      CsvRecordReader.Record record;
      while ((record = reader.next()) != null) {
        records.add(record);
      }
    }
    return records;
  }
}
