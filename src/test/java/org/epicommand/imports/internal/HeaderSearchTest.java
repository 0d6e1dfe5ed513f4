package org.epicommand.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void aHeaderThatWouldNameTwoColumnsIsAMistakeOfTheKind() {
    assertThatThrownBy(() -> new HeaderSearch(List.of(ImportColumn.of("phone", "电话"), ImportColumn.of("mobile", "电 话"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("phone").hasMessageContaining("mobile");
  }
}
