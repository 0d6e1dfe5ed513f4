package org.epicommand.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The organisation directory through HTTP: credit codes by GB 32100 (400 {@code creditCode}, nothing
 * stored), one organisation per code (409 {@code existingId}), the keeper's jurisdiction (404 outside),
 * retire and take back (409 naming the state), the import with row errors, and contacts bound to one
 * organisation who see nothing else.
 */
@EpiCommandTest
class DirectoryApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void anInvalidCreditCodeIsAFieldErrorAndNothingIsStored() {
    Map<String, Object> body = OrganisationFixtures.details("91350100M000100Y44", "校验位错误的公司", "ENTERPRISE",
        OrganisationFixtures.COMMUNITY);
    Api.Answer refused = api.as("commander").post("/api/v1/organisations", body);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("creditCode");
    assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("GB 32100");
    assertThat(jdbc.sql("select count(*) from organisation where name = '校验位错误的公司'").query(Long.class).single())
        .isZero();
  }

  @Test
  void aCodeRegisteredTwiceIsAConflictNamingTheFirst() {
    String code = OrganisationFixtures.creditCode();
    Api.Answer first = api.as("commander").post("/api/v1/organisations",
        OrganisationFixtures.details(code, "滨江机械厂", "ENTERPRISE", OrganisationFixtures.COMMUNITY));
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("sector").asString()).as("the kind's sector").isEqualTo("INDUSTRY");
    assertThat(first.json().get("districtCode").asString()).isEqualTo(DemoPlaces.DISTRICT);
    Api.Answer second = api.as("district").post("/api/v1/organisations",
        OrganisationFixtures.details(code.toLowerCase(), "同码另一家", "MARKET", OrganisationFixtures.COMMUNITY));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("existingId").asString()).isEqualTo(first.json().get("id").asString());
    // the code is a key: read by code as by id
    assertThat(api.as("district").get("/api/v1/organisations/" + code).json().get("name").asString())
        .isEqualTo("滨江机械厂");
  }

  @Test
  void keepersWorkInsideTheirJurisdictionAndMissingFieldsAreNamed() {
    Api.Answer outside = api.as("district").post("/api/v1/organisations",
        OrganisationFixtures.details(OrganisationFixtures.creditCode(), "他区公司", "ENTERPRISE",
            OrganisationFixtures.OTHER_DISTRICT_COMMUNITY));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.body()).contains("\"field\":\"jurisdictionCode\"");
    Api.Answer empty = api.as("district").post("/api/v1/organisations", Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(fields(empty)).contains("creditCode", "name", "kind", "jurisdictionCode");
    String other = OrganisationFixtures.register(api, "他区商场", "MARKET", OrganisationFixtures.OTHER_DISTRICT_COMMUNITY,
        null).json().get("id").asString();
    assertThat(api.as("district").get("/api/v1/organisations/" + other).status()).isEqualTo(404);
    assertThat(api.as("district").put("/api/v1/organisations/" + other, Map.of("name", "x")).status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/organisations?q=他区商场").json().get("items").size()).isZero();
    assertThat(api.as("commander").get("/api/v1/organisations?q=他区商场").json().get("items").size()).isEqualTo(1);
  }

  @Test
  void aRetiredOrganisationStaysReadableAndRetiringTwiceNamesTheState() {
    String id = OrganisationFixtures.register(api, "停业饭店", "RESTAURANT", OrganisationFixtures.COMMUNITY, null)
        .json().get("id").asString();
    assertThat(api.as("district").post("/api/v1/organisations/" + id + "/retire", "{}").json().get("active")
        .asBoolean()).isFalse();
    Api.Answer again = api.as("district").post("/api/v1/organisations/" + id + "/retire", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(api.as("district").get("/api/v1/organisations/" + id).status()).isEqualTo(200);
    assertThat(api.as("district").get("/api/v1/organisations?q=停业饭店&active=true").json().get("items").size()).isZero();
    assertThat(api.as("district").get("/api/v1/organisations?q=停业饭店&active=false").json().get("items").size())
        .isEqualTo(1);
    assertThat(api.as("district").post("/api/v1/organisations/" + id + "/reactivate", "{}").status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'ORGANISATION' and subject_id = :id")
        .param("id", id).query(Long.class).single()).as("created, retired, back").isEqualTo(3);
  }

  @Test
  void theImportRegistersCorrectsAndReportsBadLinesAndAReimportChangesNothing() {
    String a = OrganisationFixtures.creditCode();
    String b = OrganisationFixtures.creditCode();
    String csv = "统一社会信用代码,单位名称,单位类型,属地代码,职工人数,年级\n"
        + a + ",导入一中,学校," + OrganisationFixtures.COMMUNITY + ",120,高三；初三\n"
        + b + ",导入工厂,企业," + OrganisationFixtures.COMMUNITY + ",80,\n"
        + "91350100M000100Y44,坏代码,企业," + OrganisationFixtures.COMMUNITY + ",1,\n"
        + a + ",导入一中重复,学校," + OrganisationFixtures.COMMUNITY + ",1,\n"
        + OrganisationFixtures.creditCode() + ",他区,企业," + OrganisationFixtures.OTHER_DISTRICT_COMMUNITY + ",1,\n"
        + OrganisationFixtures.creditCode() + ",无类型,飞船," + OrganisationFixtures.COMMUNITY + ",1,\n";
    Api.Answer done = api.as("district").upload("/api/v1/imports/organisations?wait=true", "orgs.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("rowsImported").asInt()).isEqualTo(2);
    assertThat(done.json().get("rowsRejected").asInt()).isEqualTo(4);
    assertThat(done.body()).contains("\"row\":4").contains("\"field\":\"creditCode\"").contains("\"row\":5")
        .contains("\"row\":6").contains("\"row\":7").contains("\"field\":\"kind\"");
    JsonNode school = api.as("district").get("/api/v1/organisations/" + a).json();
    assertThat(school.get("cohorts").toString()).isEqualTo("[\"高三\",\"初三\"]");
    assertThat(school.get("sector").asString()).isEqualTo("EDUCATION");
    Api.Answer again = api.as("district").upload("/api/v1/imports/organisations?wait=true", "orgs.csv",
        (csv.split("\n")[0] + "\n" + csv.split("\n")[1] + "\n" + csv.split("\n")[2] + "\n")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(again.json().get("rowsImported").asInt()).isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'ORGANISATION' and subject_id = :id")
        .param("id", school.get("id").asString()).query(Long.class).single()).as("created once, never changed").isOne();
  }

  @Test
  void aContactIsBoundToOneOrganisationAndSeesNothingElse() {
    String own = OrganisationFixtures.register(api, "联络员的公司", "ENTERPRISE", OrganisationFixtures.COMMUNITY, null)
        .json().get("id").asString();
    String neighbour = OrganisationFixtures.register(api, "隔壁公司", "ENTERPRISE", OrganisationFixtures.COMMUNITY, null)
        .json().get("id").asString();
    String contact = OrganisationFixtures.contact(api, own);
    Api.Caller caller = api.as(contact, OrganisationFixtures.CONTACT_PASSWORD);
    assertThat(caller.get("/api/v1/organisations/" + own).status()).isEqualTo(200);
    assertThat(caller.get("/api/v1/organisations/" + neighbour).status()).isEqualTo(404);
    JsonNode list = caller.get("/api/v1/organisations").json();
    assertThat(list.get("total").asInt()).isOne();
    assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(own);
    Api.Answer second = api.as("admin").post("/api/v1/organisation-contacts/" + neighbour, Map.of("username", contact));
    assertThat(second.status()).as("one organisation per contact").isEqualTo(409);
    Api.Answer notAContact = api.as("admin").post("/api/v1/organisation-contacts/" + neighbour,
        Map.of("username", "district"));
    assertThat(notAContact.status()).isEqualTo(400);
    assertThat(caller.post("/api/v1/organisations", Map.of()).status()).as("contacts keep no directory").isEqualTo(403);
  }

  private static List<String> fields(Api.Answer answer) {
    List<String> fields = new java.util.ArrayList<>();
    answer.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }
}
