package org.epicommand.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  void aBatchAuditsEachOrganisationItChangesOnceLinksRegisteredHoldersAndRecountsTheLedgers() {
    ReopeningFixtures.Org a = ReopeningFixtures.organisation(api, "批量台账甲", "ENTERPRISE", null);
    ReopeningFixtures.Org b = ReopeningFixtures.organisation(api, "批量台账乙", "ENTERPRISE", null);
    ReopeningFixtures.Org c = ReopeningFixtures.organisation(api, "批量台账丙", "ENTERPRISE", null);
    List<Map<String, Object>> residents = jdbc.sql("select p.id, p.id_number, p.name from person p"
        + " where p.id_type = 'RESIDENT_ID' and not exists (select 1 from quarantine_order q where q.person_id = p.id)"
        + " order by p.id_number limit 2").query().listOfRows();
    String header = "creditCode,idType,idNumber,name,phone,post,returnedFrom,returnedOn\n";
    StringBuilder csv = new StringBuilder(header);
    csv.append(a.creditCode()).append(",居民身份证,").append(residents.get(0).get("id_number")).append(',')
        .append(residents.get(0).get("name")).append(",,车间,,\n");
    csv.append(b.creditCode()).append(",居民身份证,").append(residents.get(1).get("id_number"))
        .append(",不是本人,,车间,,\n");
    List<String> lines = new ArrayList<>();
    for (ReopeningFixtures.Org org : List.of(a, a, a, b, b, c)) {
      lines.add(org.creditCode() + ",护照," + ReopeningFixtures.passport() + ",员工,,车间,,\n");
    }
    lines.forEach(csv::append);
    Api.Answer done = api.as("district").upload("/api/v1/imports/staff-roster?wait=true", "roster.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(done.json().get("rowsImported").asInt()).as(done.body()).isEqualTo(8);
    assertThat(ledgerEvents(a, b, c)).containsExactlyInAnyOrder(a.id() + " 4 rows", b.id() + " 3 rows",
        c.id() + " 1 rows");
    assertThat(jdbc.sql("select person_id::text from enterprise_staff where organisation_id = cast(:org as uuid)"
        + " and id_type = 'RESIDENT_ID'").param("org", a.id()).query(String.class).single())
        .as("the registered holder, name and document agreeing").isEqualTo(residents.get(0).get("id").toString());
    assertThat(jdbc.sql("select count(person_id) from enterprise_staff where organisation_id = cast(:org as uuid)")
        .param("org", b.id()).query(Long.class).single()).as("another name: not linked").isZero();
    assertThat(jdbc.sql("select string_agg(staff || '/' || on_duty, ',' order by staff desc) from enterprise_org"
        + " where organisation_id in (cast(:a as uuid), cast(:b as uuid), cast(:c as uuid))").param("a", a.id())
        .param("b", b.id()).param("c", c.id()).query(String.class).single()).isEqualTo("4/4,3/3,1/1");

    Api.Answer again = api.as("district").upload("/api/v1/imports/staff-roster?wait=true", "roster.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(again.json().get("rowsAlreadyPresent").asInt()).isEqualTo(8);
    assertThat(ledgerEvents(a, b, c)).as("the same file audits nothing").hasSize(3);

    String moved = header + lines.get(3).replace(",车间,", ",门卫,") + lines.get(5);
    Api.Answer corrected = api.as("district").upload("/api/v1/imports/staff-roster?wait=true", "roster.csv",
        moved.getBytes(StandardCharsets.UTF_8));
    assertThat(corrected.json().get("rowsImported").asInt()).isEqualTo(2);
    assertThat(corrected.json().get("rowsAlreadyPresent").asInt()).isEqualTo(1);
    assertThat(ledgerEvents(a, b, c)).as("only the organisation changed").hasSize(4).contains(b.id() + " 1 rows");
  }

  /** The STAFF_LEDGER events of these organisations: subject and the row count their detail ends with. */
  private List<String> ledgerEvents(ReopeningFixtures.Org... orgs) {
    return jdbc.sql("select subject_id || ' ' || regexp_replace(detail, '^.*: ', '') from audit_event"
        + " where subject_type = 'STAFF_LEDGER' and subject_id = any(:ids) and action = 'UPDATE'"
        + " and username = 'district'")
        .param("ids", java.util.Arrays.stream(orgs).map(ReopeningFixtures.Org::id).toArray(String[]::new))
        .query(String.class).list();
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
