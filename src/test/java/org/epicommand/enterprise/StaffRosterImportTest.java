package org.epicommand.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The {@code staff-roster} import: rows with an invalid ID, an unknown or out-of-reach organisation, a
 * person twice are refused with their lines; the same file again adds nothing; a contact imports only
 * for their own organisation; each organisation's ledger change is audited.
 */
@EpiCommandTest
class StaffRosterImportTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void rowsAreCheckedAndReportedWithTheirLinesAndAReimportAddsNothing() {
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "导入台账的公司", "ENTERPRISE", null);
    ReopeningFixtures.Org neighbour = ReopeningFixtures.organisation(api, "别人的公司", "ENTERPRISE", null);
    String a = ReopeningFixtures.passport();
    String b = ReopeningFixtures.passport();
    String csv = "XX公司返岗人员排查表\n"
        + "统一社会信用代码,证件类型,证件号码,姓名,联系电话,岗位,返岗来源地,返岗日期\n"
        + org.creditCode() + ",护照," + a + ",赵一,13800138001,仓库,湖北武汉,2020/2/3\n"
        + org.creditCode() + ",护照," + b + ",钱二,,门卫,本地,2020-02-05\n"
        + org.creditCode() + ",居民身份证,110101199003071234,孙三,,车间,,\n"
        + org.creditCode() + ",护照," + a + ",赵一重复,,仓库,,\n"
        + neighbour.creditCode() + ",护照," + ReopeningFixtures.passport() + ",李四,,车间,,\n"
        + "91350100M000100Y44,护照," + ReopeningFixtures.passport() + ",周五,,车间,,\n"
        + org.creditCode() + ",护照," + ReopeningFixtures.passport() + ",吴六,,车间,,2020-13-01\n";
    Api.Answer done = org.asContact().upload("/api/v1/imports/staff-roster?wait=true", "roster.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("rowsImported").asInt()).as(done.body()).isEqualTo(2);
    assertThat(done.json().get("rowsRejected").asInt()).isEqualTo(5);
    JsonNode errors = done.json().get("errors");
    assertThat(error(errors, 5)).contains("idNumber");
    assertThat(error(errors, 6)).contains("idNumber").contains("3");
    assertThat(error(errors, 7)).as("another organisation is as unknown to a contact").contains("creditCode");
    assertThat(error(errors, 8)).contains("creditCode");
    assertThat(error(errors, 9)).contains("returnedOn");
    JsonNode ledger = org.asContact().get("/api/v1/organisations/" + org.id() + "/staff").json();
    assertThat(ledger.get("items").size()).isEqualTo(2);
    assertThat(ledger.get("items").get(0).get("idNumber").asString()).as("masked").contains("*");
    assertThat(ledger.get("items").get(0).get("returnedFrom").asString()).isEqualTo("湖北武汉");
    assertThat(ledger.get("items").get(0).get("onDuty").asBoolean()).isTrue();
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'STAFF_LEDGER' and subject_id = :id")
        .param("id", org.id()).query(Long.class).single()).isOne();

    String firstTwo = csv.lines().limit(4).reduce((x, y) -> x + "\n" + y).orElseThrow() + "\n";
    Api.Answer again = org.asContact().upload("/api/v1/imports/staff-roster?wait=true", "roster.csv",
        firstTwo.getBytes(StandardCharsets.UTF_8));
    assertThat(again.json().get("rowsImported").asInt()).isEqualTo(2);
    assertThat(again.json().get("rowsAlreadyPresent").asInt()).isEqualTo(2);
    assertThat(org.asContact().get("/api/v1/organisations/" + org.id() + "/staff/summary").json().get("staff").asInt())
        .isEqualTo(2);
    // 属地 import for every organisation of their district
    Api.Answer district = api.as("district").upload("/api/v1/imports/staff-roster?wait=true", "roster.csv",
        ("creditCode,idType,idNumber,name,phone,post,returnedFrom,returnedOn\n" + neighbour.creditCode() + ",PASSPORT,"
            + ReopeningFixtures.passport() + ",郑七,,司机,,\n").getBytes(StandardCharsets.UTF_8));
    assertThat(district.json().get("rowsImported").asInt()).isOne();
  }

  @Test
  void aContactReadsOnlyTheirOwnLedgerAndOneRecordReadIsAudited() {
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "读台账的公司", "ENTERPRISE", null);
    ReopeningFixtures.Org other = ReopeningFixtures.organisation(api, "别家台账", "ENTERPRISE", null);
    String staffId = ReopeningFixtures.staff(other, "别家员工", ReopeningFixtures.passport(), false);
    assertThat(org.asContact().get("/api/v1/organisations/" + other.id() + "/staff").status()).isEqualTo(404);
    assertThat(org.asContact().get("/api/v1/organisations/" + other.id() + "/staff/" + staffId).status())
        .isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/organisations/" + other.id() + "/staff/" + staffId).status())
        .isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'STAFF_MEMBER' and subject_id = :id"
        + " and action = 'READ'").param("id", staffId).query(Long.class).single()).isOne();
    Api.Answer twice = other.asContact().post("/api/v1/organisations/" + other.id() + "/staff",
        java.util.Map.of("name", "别家员工", "idType", "PASSPORT", "idNumber",
            api.as("commander").get("/api/v1/organisations/" + other.id() + "/staff/" + staffId).json()
                .get("idNumber").asString()));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(staffId);
    Api.Answer bad = other.asContact().post("/api/v1/organisations/" + other.id() + "/staff",
        java.util.Map.of("name", "坏证件", "idType", "RESIDENT_ID", "idNumber", "110101199003071234"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
    assertThat(OrganisationFixtures.COMMUNITY).isNotBlank();
  }

  private static String error(JsonNode errors, int row) {
    StringBuilder found = new StringBuilder();
    errors.forEach(e -> {
      if (e.get("row").asInt() == row) {
        found.append(e.get("field").asString()).append(' ').append(e.get("message").asString());
      }
    });
    return found.toString();
  }
}
