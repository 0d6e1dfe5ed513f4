package org.epicommand.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class JurisdictionImportTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theDemoCityHasSixDistrictsWithStreetsAndCommunities() {
    JsonNode city = api.as("district").get("/api/v1/jurisdictions/990100").json();
    assertThat(city.get("name").asString()).isEqualTo("滨江市");
    assertThat(city.get("level").asString()).isEqualTo("CITY");
    JsonNode districts = api.as("district").get("/api/v1/jurisdictions?parent=990100").json();
    assertThat(districts.size()).isEqualTo(6);
    assertThat(districts.get(0).get("code").asString()).isEqualTo(DemoPlaces.DISTRICT);
    assertThat(districts.get(0).get("parentCode").asString()).isEqualTo(DemoPlaces.CITY);
    JsonNode streets = api.as("district").get("/api/v1/jurisdictions?parent=990101").json();
    assertThat(streets.size()).isBetween(9, 11);
    JsonNode community = api.as("district").get("/api/v1/jurisdictions/990101001001").json();
    assertThat(community.get("level").asString()).isEqualTo("VILLAGE");
    assertThat(api.as("district").get("/api/v1/jurisdictions/990199").status()).isEqualTo(404);
  }

  @Test
  void badRowsAreReportedWithTheirLineNumbersAndValidRowsLand() {
    String csv = """
        code12,code,name,level,parent_code
        880000000000,88,测试省,1,
        880100000000,8801,测试市,2,88
        880101000000,880101,甲区,3,8801
        880102000000,880102,乙区,3,8899
        880101000000,880101,甲区重复,3,8801
        88010A000000,88010A,丙区,3,8801
        880103000000,880103,丁区,3,8801
        880103001000,880103001,丁区一街道,4,880103
        """;
    JsonNode status = importCsv(csv);
    assertThat(status.get("status").asString()).isEqualTo("DONE");
    assertThat(status.get("rowsTotal").asLong()).isEqualTo(8);
    assertThat(status.get("rowsImported").asLong()).isEqualTo(5);
    assertThat(status.get("rowsRejected").asLong()).isEqualTo(3);
    List<String> errors = status.get("errors").valueStream()
        .map(e -> e.get("row").asInt() + ":" + e.get("field").asString()).toList();
    assertThat(errors).containsExactly("5:parent_code", "6:code", "7:code", "7:code12");
    assertThat(status.get("errors").get(0).get("message").asString()).contains("8899");
    assertThat(api.as("admin").get("/api/v1/jurisdictions/880103001").json().get("parentCode").asString())
        .isEqualTo("880103");

    JsonNode again = importCsv(csv);
    assertThat(again.get("rowsImported").asLong()).isEqualTo(5);
    assertThat(jdbc.sql("select count(*) from jurisdiction where code like '88%'").query(Long.class).single())
        .isEqualTo(5);
  }

  @Test
  void onlyAdministratorsImportDivisions() {
    Api.Answer answer = api.as("commander").upload("/api/v1/imports/jurisdictions", "d.csv",
        "code12,code,name,level,parent_code\n".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(api.as("admin").upload("/api/v1/imports/no-such-kind", "d.csv", "a\n".getBytes()).status())
        .isEqualTo(404);
  }

  @Test
  void aFileWithoutTheExpectedColumnsFailsWithAMessageNamingThem() {
    JsonNode status = api.as("admin").header("Accept-Language", "en").upload(
        "/api/v1/imports/jurisdictions?wait=true", "d.csv", "code,name\n11,x\n".getBytes(StandardCharsets.UTF_8))
            .json();
    assertThat(status.get("status").asString()).isEqualTo("FAILED");
    assertThat(status.get("message").asString()).contains("code12").contains("parent_code");
  }

  @Test
  void importsTheWholeTreeOfXinzhouDownToItsVillages() throws Exception {
    Path file = SharedData.require("admin/xinzhou_1409_hierarchy_2021.csv");
    long rows = Files.readAllLines(file).size() - 1;
    JsonNode status = api.as("admin").upload("/api/v1/imports/jurisdictions?wait=true", file).json();
    assertThat(status.get("status").asString()).isEqualTo("DONE");
    assertThat(status.get("rowsRejected").asLong()).isZero();
    assertThat(status.get("rowsImported").asLong()).isEqualTo(rows);
    assertThat(api.as("admin").get("/api/v1/jurisdictions/1409").json().get("name").asString()).isEqualTo("忻州市");
    JsonNode xinzhou = api.as("admin").get("/api/v1/jurisdictions/1409").json();
    assertThat(xinzhou.get("parentCode").asString()).isEqualTo("14");
    Jurisdiction city = new Jurisdiction("1409", "忻州市", JurisdictionLevel.CITY, "14", "/14/1409/");
    long villages = jdbc.sql("select count(*) from jurisdiction where level = 'VILLAGE' and "
        + city.scope().predicate("path")).param(JurisdictionScope.PARAMETER, city.scope().path() + "%")
        .query(Long.class).single();
    assertThat(villages).isEqualTo(2863);
    assertThat(api.as("admin").get("/api/v1/jurisdictions/140902").json().get("level").asString()).isEqualTo("COUNTY");
  }

  private JsonNode importCsv(String csv) {
    Api.Answer answer = api.as("admin").upload("/api/v1/imports/jurisdictions?wait=true", "divisions.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }
}
