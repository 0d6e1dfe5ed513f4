package org.epicommand.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The {@code organisations} import at the size of a district's directory, stored a batch at a time: the bad rows
 * of a file of more than one batch are refused with exactly their lines and fields (a code twice in the file even
 * when the two lines fall into different batches), exactly the good ones are stored and each is audited once; the
 * same file again stores, changes and audits nothing; a correction file changes and audits exactly the
 * organisations it changes and keeps what its missing columns hold.
 */
@EpiCommandTest
class OrganisationImportTest {

  private static final String QUIET_COMMUNITY = "990101001003";

  /** More than one batch of the import (1,000 rows). */
  private static final int ROWS = 1_010;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aFileOfTwoBatchesStoresExactlyItsGoodRowsAndAReimportChangesNothing() {
    List<String> codes = new ArrayList<>();
    StringBuilder csv = new StringBuilder("东湖区单位名录\n统一社会信用代码,单位名称,单位类型,属地代码,地址,职工人数\n");
    Map<Integer, String> expected = new TreeMap<>();
    for (int i = 0; i < ROWS; i++) {
      int line = i + 3;
      String code = OrganisationFixtures.creditCode();
      String kind = "企业";
      // a community of the first street no other test lists organisations of: a thousand of them would push the
      // other tests' organisations off the first page of every screening round over the demo communities
      String division = QUIET_COMMUNITY;
      String headcount = String.valueOf(10 + i % 50);
      switch (i) {
        case 4 -> {
          code = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
          expected.put(line, "creditCode");
        }
        case 9 -> {
          kind = "飞船";
          expected.put(line, "kind");
        }
        case 13 -> {
          division = DemoPlaces.OTHER_DISTRICT_COMMUNITY;
          expected.put(line, "jurisdictionCode");
        }
        case 17 -> {
          division = "990101999999";
          expected.put(line, "jurisdictionCode");
        }
        case 21 -> {
          headcount = "很多";
          expected.put(line, "headcount");
        }
        case 1005 -> {
          // the same code as line 3, in the second batch
          code = codes.get(0);
          expected.put(line, "creditCode");
        }
        default -> { }
      }
      codes.add(code);
      csv.append(code).append(",导入单位").append(i).append(',').append(kind).append(',').append(division)
          .append(",东湖路").append(i).append("号,").append(headcount).append('\n');
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    int good = ROWS - expected.size();

    Api.Answer done = api.as("district").upload("/api/v1/imports/organisations?wait=true", "orgs.csv", file);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("rowsImported").asInt()).isEqualTo(good);
    assertThat(done.json().get("rowsRejected").asInt()).isEqualTo(expected.size());
    assertThat(errors(done.json())).isEqualTo(expected);
    assertThat(message(done.json(), 1008)).as("names the first line").contains("3");
    List<String> stored = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      if (!expected.containsKey(i + 3)) {
        stored.add(codes.get(i));
      }
    }
    assertThat(count("select count(*) from organisation where credit_code = any(:codes)", stored)).isEqualTo(good);
    assertThat(count("select count(*) from organisation where credit_code = any(:codes) and name like '导入单位%'"
        + " and address like '东湖路%号' and kind = 'ENTERPRISE' and sector is not null", stored)).isEqualTo(good);
    assertThat(count("select count(*) from organisation where credit_code = any(:codes) and district_code = '"
        + DemoPlaces.DISTRICT + "' and path = jurisdiction_path || credit_code || '/' and jurisdiction_path like '%/"
        + DemoPlaces.STREET + "/%'", stored)).as("placed in their division and district").isEqualTo(good);
    assertThat(count("select count(*) from organisation where name in ('导入单位4', '导入单位9', '导入单位13',"
        + " '导入单位17', '导入单位21', '导入单位1005') and credit_code = any(:codes)", codes)).isZero();
    assertThat(count("select count(*) from audit_event a join organisation o on a.subject_id = o.id::text"
        + " where a.subject_type = 'ORGANISATION' and a.action = 'CREATE' and a.username = 'district'"
        + " and a.detail = o.name and o.credit_code = any(:codes)", stored)).as("one event per organisation")
        .isEqualTo(good);
    long events = audited(stored);
    String updatedAt = jdbc.sql("select max(updated_at)::text from organisation where credit_code = any(:codes)")
        .param("codes", stored.toArray(String[]::new)).query(String.class).single();

    Api.Answer again = api.as("district").upload("/api/v1/imports/organisations?wait=true", "orgs.csv", file);
    assertThat(again.json().get("rowsImported").asInt()).isEqualTo(good);
    assertThat(errors(again.json())).isEqualTo(expected);
    assertThat(count("select count(*) from organisation where credit_code = any(:codes)", stored)).isEqualTo(good);
    assertThat(audited(stored)).as("nothing changed, nothing audited").isEqualTo(events);
    assertThat(jdbc.sql("select max(updated_at)::text from organisation where credit_code = any(:codes)")
        .param("codes", stored.toArray(String[]::new)).query(String.class).single()).isEqualTo(updatedAt);

    // a correction without the address column: two names change, the addresses stay
    String correction = "统一社会信用代码,单位名称,单位类型,属地代码\n"
        + codes.get(0) + ",改名单位甲,企业," + QUIET_COMMUNITY + "\n"
        + codes.get(1) + ",改名单位乙,企业," + QUIET_COMMUNITY + "\n"
        + codes.get(2) + ",导入单位2,企业," + QUIET_COMMUNITY + "\n";
    Api.Answer corrected = api.as("district").upload("/api/v1/imports/organisations?wait=true", "fix.csv",
        correction.getBytes(StandardCharsets.UTF_8));
    assertThat(corrected.json().get("rowsImported").asInt()).as(corrected.body()).isEqualTo(3);
    assertThat(audited(stored)).as("two changed").isEqualTo(events + 2);
    JsonNode first = api.as("district").get("/api/v1/organisations/" + codes.get(0)).json();
    assertThat(first.get("name").asString()).isEqualTo("改名单位甲");
    assertThat(first.get("address").asString()).isEqualTo("东湖路0号");
    assertThat(first.get("headcount").asInt()).as("an optional column the file lacks keeps its value").isEqualTo(10);
    assertThat(count("select count(*) from audit_event a join organisation o on a.subject_id = o.id::text"
        + " where a.action = 'UPDATE' and a.subject_type = 'ORGANISATION' and o.credit_code = any(:codes)",
        codes.subList(0, 3))).isEqualTo(2);
  }

  private long audited(List<String> codes) {
    return count("select count(*) from audit_event a join organisation o on a.subject_id = o.id::text"
        + " where a.subject_type = 'ORGANISATION' and o.credit_code = any(:codes)", codes);
  }

  private long count(String sql, List<String> codes) {
    return jdbc.sql(sql).param("codes", codes.toArray(String[]::new)).query(Long.class).single();
  }

  /** Line → field of each error. */
  private static Map<Integer, String> errors(JsonNode status) {
    Map<Integer, String> found = new TreeMap<>();
    status.get("errors").forEach(e -> found.merge(e.get("row").asInt(), e.get("field").asString(),
        (a, b) -> a + "," + b));
    return found;
  }

  private static String message(JsonNode status, int line) {
    StringBuilder found = new StringBuilder();
    status.get("errors").forEach(e -> {
      if (e.get("row").asInt() == line) {
        found.append(e.get("message").asString());
      }
    });
    return found.toString();
  }
}
