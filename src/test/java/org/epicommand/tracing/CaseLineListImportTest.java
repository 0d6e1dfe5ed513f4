package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class CaseLineListImportTest {

  static final String HEADER =
      "caseRef,name,idType,idNumber,sex,age,classification,onsetDate,diagnosedDate,jurisdictionCode,infectorRefs,cluster\n";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private JsonNode importAs(String user, String csv) {
    Api.Answer answer = api.as(user).upload("/api/v1/imports/cases?wait=true", "cases.csv",
        (HEADER + csv).getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static Map<Integer, String> errors(JsonNode status) {
    Map<Integer, String> errors = new HashMap<>();
    status.get("errors").forEach(e -> errors.put(e.get("row").asInt(), e.get("field").asString()));
    return errors;
  }

  @Test
  void validRowsLandAndBadRowsAreReportedWithTheirLineNumbers() {
    String p = "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    JsonNode status = importAs("cdc", String.join("\n",
        p + "2,乙,,,女,30,CONFIRMED,2022-11-02,2022-11-03,990101001001," + p + "1,",   // line 2: infector on a later line
        p + "1,甲,,,男,40,确诊,2022-11-01,2022-11-02,990101001001,,家宴",               // line 3
        p + "3,丙,,,男,abc,CONFIRMED,2022-11-03,2022-11-04,990101001001,,",           // line 4: bad age
        p + "4,丁,,,女,20,CONFIRMED,2022-13-01,2022-11-04,990101001001,,",            // line 5: bad date
        p + "5,戊,,,女,20,CONFIRMED,2022-11-03,2022-11-04,990101001001," + p + "X,",  // line 6: unknown infector
        p + "1,甲,,,男,40,确诊,2022-11-01,2022-11-02,990101001001,,家宴",               // line 7: repeated ref
        p + "6,己,,,女,20,EXCLUDED,2022-11-03,2022-11-04,990101001001,,",             // line 8: excluded
        p + "7,庚,,,女,20,CONFIRMED,2022-11-03,2022-11-04,990101001001," + p + "8,",  // line 9: cycle 7 <-> 8
        p + "8,辛,,,女,20,CONFIRMED,2022-11-03,2022-11-04,990101001001," + p + "7,",  // line 10
        p + "9,壬,,,女,20,CONFIRMED,2022-11-03,2022-11-04,990102001001,,") + "\n");    // line 11: fine (city-wide cdc)
    assertThat(status.get("rowsTotal").asInt()).isEqualTo(10);
    assertThat(status.get("rowsImported").asInt()).as(status.toString()).isEqualTo(3);
    assertThat(errors(status)).isEqualTo(Map.of(4, "age", 5, "onsetDate", 6, "infectorRefs", 7, "caseRef",
        8, "classification", 9, "infectorRefs", 10, "infectorRefs"));
    String first = status.get("caseIds").get(p + "1").asString();
    String second = status.get("caseIds").get(p + "2").asString();
    assertThat(jdbc.sql("select count(*) from transmission_link where infector_case_id = :a::uuid"
        + " and infectee_case_id = :b::uuid").param("a", first).param("b", second).query(Long.class).single())
        .isEqualTo(1);
    JsonNode created = api.as("cdc").get("/api/v1/cases/" + first).json();
    assertThat(created.get("personName").asString()).isEqualTo("甲");
    assertThat(created.get("age").asInt()).isEqualTo(40);
    assertThat(created.get("reportOverdue").asBoolean()).isFalse();
    // investigated where it was reported: no investigation of its own here (none on the overdue lists)
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
        "select count(*) from event_publication where completion_date is null and serialized_event like :id")
        .param("id", "%" + first + "%").query(Long.class).single() == 0);
    assertThat(jdbc.sql("select count(*) from investigation where case_id = :id::uuid").param("id", first)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aLaterImportMayNameInfectorsOfAnEarlierOneButOnlyInsideTheImportersJurisdiction() {
    String p = "M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    JsonNode earlier = importAs("cdc", p + "1,子,,,男,50,CONFIRMED,2022-11-01,2022-11-02,990101001001,,\n");
    JsonNode later = importAs("commander", p + "2,丑,,,女,45,ASYMPTOMATIC,,2022-11-05,990101001002," + p + "1,\n");
    assertThat(later.get("rowsImported").asInt()).as(later.toString()).isEqualTo(1);
    JsonNode chain = api.as("cdc").get("/api/v1/cases/" + later.get("caseIds").get(p + "2").asString() + "/chain")
        .json();
    assertThat(TransmissionApiTest.generations(chain)).isEqualTo(Map.of(
        earlier.get("caseIds").get(p + "1").asString(), 1, later.get("caseIds").get(p + "2").asString(), 2));
    // a district user cannot import line lists at all
    Api.Answer district = api.as("district").upload("/api/v1/imports/cases?wait=true", "c.csv",
        (HEADER + p + "3,寅,,,女,45,CONFIRMED,,,990101001002,,\n").getBytes(StandardCharsets.UTF_8));
    assertThat(district.status()).isEqualTo(403);
  }
}
