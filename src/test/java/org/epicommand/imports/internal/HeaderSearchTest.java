package org.epicommand.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.epicommand.imports.ImportColumn;
import org.junit.jupiter.api.Test;

class HeaderSearchTest {

  private final HeaderSearch search = new HeaderSearch(List.of(
      ImportColumn.of("name", "姓名"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号码"),
      ImportColumn.of("ctN", "Ct值(N)")));

  @Test
  void everyAcceptedHeaderNamesItsCanonicalColumn() {
    HeaderSearch.Header header = search.match(List.of("序号", " 身份证号码 ", "*姓 名", "CT值（n）", "备注"));
    assertThat(header).isNotNull();
    assertThat(header.columns()).containsEntry("name", 2).containsEntry("idnumber", 1).containsEntry("ctn", 3)
        .containsEntry("备注", 4);
    assertThat(header.width()).isEqualTo(5);
    assertThat(header.documentNumber(1)).isEqualTo("idNumber");
    assertThat(header.documentNumber(2)).isNull();
    assertThat(header.documentNumber(9)).isNull();
  }

  @Test
  void englishHeadersStillMatchIgnoringCase() {
    assertThat(search.match(List.of("NAME", "idnumber", "ctN")).columns())
        .containsEntry("name", 0).containsEntry("idnumber", 1).containsEntry("ctn", 2);
  }

  @Test
  void aTitleRowIsNoHeaderAndTheMissingColumnsAreNamedWithTheirChineseHeader() {
    assertThat(search.match(List.of("东湖社区人员排查表"))).isNull();
    assertThat(search.missing(List.of("姓名", "电话"))).containsExactly("idNumber（证件号码）", "ctN（Ct值(N)）");
    assertThat(search.expected()).isEqualTo("name,idNumber,ctN");
  }

  @Test
  void theHeaderIsFoundBelowTitlesWithinTheFirstTenRowsAndReadingGoesOnAfterIt() throws IOException {
    try (CsvRecordReader reader = reader("东湖社区人员排查表,,\n\n填报日期：2022年11月11日\n姓名,证件号码,Ct值(N)\n甲,1,2\n")) {
      HeaderSearch.Found found = search.read(reader);
      assertThat(found.header().columns()).containsEntry("name", 0);
      assertThat(reader.next().line()).isEqualTo(5);
    }
    StringBuilder late = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      late.append("说明").append(i).append('\n');
    }
    try (CsvRecordReader reader = reader(late + "name,idNumber,ctN\n")) {
      HeaderSearch.Found found = search.read(reader);
      assertThat(found.header()).isNull();
      assertThat(found.missing()).hasSize(3);
    }
  }

  @Test
  void withoutAHeaderTheFileIsEmptyMalformedOrMissingColumns() throws IOException {
    try (CsvRecordReader reader = reader("\n\n")) {
      assertThat(search.read(reader)).isEqualTo(new HeaderSearch.Found(null, null, null));
    }
    try (CsvRecordReader reader = reader("name,\"idNumber\n1,2\n")) {
      assertThat(search.read(reader).malformed()).isEqualTo("csv.unterminatedQuote");
    }
    try (CsvRecordReader reader = reader("标题\nname,idNumber,ctNx\n1,2,3\n")) {
      assertThat(search.read(reader).missing()).containsExactly("ctN（Ct值(N)）");
    }
  }

  private static CsvRecordReader reader(String text) {
    return new CsvRecordReader(new StringReader(text));
  }

  @Test
  void aHeaderThatWouldNameTwoColumnsIsAMistakeOfTheKind() {
    assertThatThrownBy(() -> new HeaderSearch(List.of(ImportColumn.of("phone", "电话"), ImportColumn.of("mobile",
        "电 话"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("phone").hasMessageContaining("mobile");
  }
}
