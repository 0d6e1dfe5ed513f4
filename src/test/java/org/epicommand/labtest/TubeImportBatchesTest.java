package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.errors;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.residentId;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.util.List;
import java.util.Map;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A tubes file of three batches (50,000 rows each by default), whose documents are resolved against the
 * registry in one join for the whole file: bad rows in every batch are reported with their own lines and
 * fields, the good rows are stored, and importing the file again adds nothing.
 */
@EpiCommandTest
class TubeImportBatchesTest {

  /** A community of its own: 10,000 tubes must not crowd the lists other tests read. */
  private static final String COMMUNITY = "990101001007";
  private static final int POOLS = 10_002;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void badRowsInEveryBatchKeepTheirLinesAndAReimportAddsNothing() {
    List<Member> members = persons(api, 10, COMMUNITY);
    String prefix = "B" + System.nanoTime() + "-";
    // line → what replaces the member's document there (the header is line 1, pool i holds lines 2 + 10 i ...)
    Map<Integer, String> bad = Map.of(
        10, "RESIDENT_ID," + residentId(),          // batch 1: nobody holds it
        20, "NO_SUCH_TYPE," + members.get(0).idNumber(),
        30, "RESIDENT_ID,",
        60_000, "RESIDENT_ID," + residentId(),      // batch 2
        70_000, "NO_SUCH_TYPE," + members.get(1).idNumber(),
        100_010, "RESIDENT_ID," + residentId());    // batch 3
    StringBuilder csv = new StringBuilder(TUBES_HEADER);
    int line = 1;
    for (int pool = 0; pool < POOLS; pool++) {
      for (Member m : members) {
        line++;
        csv.append(prefix).append(pool).append(",POOL_10,")
            .append(bad.getOrDefault(line, "RESIDENT_ID," + m.idNumber()))
            .append(",S990101001001,2021-05-05T09:00:00+08:00\n");
      }
    }
    int rows = POOLS * 10;
    assertThat(line).isEqualTo(rows + 1);

    JsonNode status = upload(api, "lab", "tubes", csv.toString());
    List<String> expected = List.of("10:memberIdNumber", "20:memberIdType", "30:memberIdNumber",
        "60000:memberIdNumber", "70000:memberIdType", "100010:memberIdNumber");
    assertThat(errors(status)).containsExactlyElementsOf(expected);
    assertThat(status.get("rowsTotal").asLong()).isEqualTo(rows);
    assertThat(status.get("rowsImported").asLong()).isEqualTo(rows - 6);
    assertThat(stored(prefix)).isEqualTo(rows - 6);
    // the members keep the file's lines
    assertThat(jdbc.sql("""
        select count(*) from labtest_tube_member m join labtest_tube t on t.id = m.tube_id
        where t.barcode = ? and m.source_line between 50002 and 50011
        """).param(prefix + 5000).query(Long.class).single()).isEqualTo(10);

    JsonNode again = upload(api, "lab", "tubes", csv.toString());
    assertThat(errors(again)).containsExactlyElementsOf(expected);
    assertThat(again.get("rowsImported").asLong()).isEqualTo(rows - 6);
    assertThat(stored(prefix)).isEqualTo(rows - 6);
  }

  private long stored(String prefix) {
    return jdbc.sql("""
        select count(*) from labtest_tube_member m join labtest_tube t on t.id = m.tube_id where t.barcode like ?
        """).param(prefix + "%").query(Long.class).single();
  }
}
