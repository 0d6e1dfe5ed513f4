package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.epicommand.movement.MovementFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Finding 1: matching by document number never discloses or acts on a person outside the caller's
 * jurisdiction — whatever path the document comes by (a staff arrival, a pushed list, a venue-scan
 * file, a persons file). The person lives in district 990102; the callers work in 990101.
 */
@EpiCommandTest
class DocumentMatchingScopeTest {

  @Autowired
  Api api;

  private Probes.Registered outside() {
    return Probes.registered(api, "外区", Probes.OTHER_DISTRICT_COMMUNITY);
  }

  /** An inbound arrival (an order under every rule set that manages arrivals from abroad). */
  private static Map<String, Object> arrival(String name, String idNumber, String destination, LocalDate day) {
    Map<String, Object> body = MovementFixtures.arrival(name, idNumber, destination, day);
    body.put("inbound", true);
    return body;
  }

  /** The open orders the commander sees in the person's community that are the person's. */
  private List<JsonNode> ordersOf(String personId) {
    JsonNode page = api.as("commander").get("/api/v1/quarantine/orders?size=500&jurisdiction="
        + Probes.OTHER_DISTRICT_COMMUNITY).json();
    return page.get("items").valueStream().filter(o -> o.get("personId").asString().equals(personId)).toList();
  }

  /**
   * A back-dated inbound arrival filed by a community worker with the document of a resident of
   * another district: registered for the community without naming the resident, without their id,
   * without an order on them and without touching their record; the resident's own district sees it.
   */
  @Test
  void aStaffArrivalWithTheDocumentOfAnOutsideResidentNamesNobodyAndOpensNoOrder() {
    Probes.Registered person = outside();
    for (String caller : List.of("community", "district")) {
      Api.Answer answer = api.as(caller).post("/api/v1/arrivals",
          arrival("冒名" + caller, person.idNumber(), Probes.OWN_COMMUNITY, LocalDate.of(2022, 11, 20)));
      assertThat(answer.status()).as(caller + ": " + answer.body()).isEqualTo(201);
      assertThat(answer.body()).doesNotContain(person.id(), person.name(), person.phone());
      JsonNode arrival = answer.json();
      assertThat(arrival.get("personId").isNull()).isTrue();
      assertThat(arrival.get("orderId").isNull()).isTrue();
      assertThat(arrival.get("outcome").asString()).isEqualTo("REFERRED");
      assertThat(arrival.get("name").asString()).isEqualTo("冒名" + caller);

      Api.Answer again = api.as(caller).get("/api/v1/arrivals/" + arrival.get("id").asString());
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.body()).doesNotContain(person.id(), person.name(), person.phone());
      assertThat(api.as(caller).get("/api/v1/arrivals?size=500").body()).doesNotContain(person.id(), person.name());

      // the person's own district is where it goes: there it names the person
      String home = Probes.user(api, "EPIDEMIOLOGIST", DemoPlaces.OTHER_DISTRICT);
      JsonNode routed = api.as(home, Probes.PASSWORD).get("/api/v1/arrivals/" + arrival.get("id").asString()).json();
      assertThat(routed.get("personId").asString()).isEqualTo(person.id());
      assertThat(routed.get("outcome").asString()).isEqualTo("REFERRED");
    }
    assertThat(ordersOf(person.id())).as("no order on the outside resident").isEmpty();
    JsonNode record = api.as("commander").get("/api/v1/persons/" + person.id()).json();
    assertThat(record.get("name").asString()).isEqualTo(person.name());
    assertThat(record.get("phone").asString()).isEqualTo(person.phone());
    assertThat(record.get("jurisdictionCode").asString()).isEqualTo(Probes.OTHER_DISTRICT_COMMUNITY);
  }

  /** The same arrival for a resident of the caller's own community still finds them and opens the order. */
  @Test
  void aStaffArrivalForAResidentInsideStillMatchesAndOpensTheOrder() {
    String name = Probes.uniqueName("本区");
    String idNumber = Probes.uniqueIdNumber();
    String id = Probes.register(api, "cdc", Probes.person(name, idNumber, Probes.uniquePhone(), "湖东路3号",
        Probes.OWN_COMMUNITY)).get("id").asString();
    JsonNode arrival = api.as("community").post("/api/v1/arrivals",
        arrival(name, idNumber, Probes.OWN_COMMUNITY, LocalDate.of(2022, 11, 20))).json();
    assertThat(arrival.get("personId").asString()).isEqualTo(id);
    assertThat(arrival.get("outcome").asString()).isEqualTo("ORDER_OPENED");
    assertThat(arrival.get("orderId").isNull()).isFalse();
  }

  /** A district's pushed list with the document of a resident elsewhere: not matched to them, not routed to them. */
  @Test
  void aPushedListOfADistrictDoesNotMatchAResidentOutsideIt() {
    Probes.Registered person = outside();
    String list = "SEC-" + System.nanoTime();
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    String csv = "listRef,idType,idNumber,name,phone,reason,sourceRegion,pushedAt\n"
        + list + ",RESIDENT_ID," + person.idNumber() + ",推送某,,涉疫地区停留,990102," + pushedAt + "\n";
    Api.Answer imported = api.as("district").upload("/api/v1/imports/pushed-list?wait=true", "list.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.body()).doesNotContain(person.name(), person.id());
    List<JsonNode> items = api.as("commander").get("/api/v1/pushed-items?size=500").json().get("items").valueStream()
        .filter(i -> i.get("listRef").asString().equals(list)).toList();
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("personId").isNull()).as(items.get(0).toString()).isTrue();
    assertThat(items.get(0).get("jurisdictionCode").asString()).as("routed inside the importer's district")
        .startsWith(DemoPlaces.DISTRICT);
    JsonNode own = api.as("district").get("/api/v1/pushed-items?size=500").json();
    assertThat(own.toString()).contains(list).doesNotContain(person.name(), person.id());
  }

  /** A venue-scan file of another district's epidemiologist: the resident of 990101 is an unknown person there. */
  @Test
  void aVenueScanFileCannotPlaceAResidentOfAnotherDistrict() {
    String name = Probes.uniqueName("扫码");
    String idNumber = Probes.uniqueIdNumber();
    Probes.register(api, "cdc", Probes.person(name, idNumber, Probes.uniquePhone(), "湖东路5号", Probes.OWN_COMMUNITY));
    String code = "VS" + System.nanoTime() % 100_000_000L;
    assertThat(api.as("cdc").post("/api/v1/venues", Map.of("code", code, "name", "扫码店" + code, "type", "SHOP",
        "address", "江南路22号", "jurisdictionCode", Probes.OTHER_DISTRICT_COMMUNITY)).status()).isEqualTo(201);
    String other = Probes.user(api, "EPIDEMIOLOGIST", DemoPlaces.OTHER_DISTRICT);
    String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(5).truncatedTo(ChronoUnit.SECONDS).toString();
    String csv = "idType,idNumber,venueCode,scannedAt\nRESIDENT_ID," + idNumber + "," + code + "," + at + "\n";
    JsonNode status = api.as(other, Probes.PASSWORD).upload("/api/v1/imports/venue-scans?wait=true", "scans.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(status.get("rowsImported").asLong()).as(status.toString()).isZero();
    assertThat(status.get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
    assertThat(status.toString()).doesNotContain(name);
  }

  /** A persons file of the community naming an outside resident's document: refused like a registration, naming nobody.
   * */
  @Test
  void aPersonsFileWithAnOutsideDocumentIsRefusedWithoutNamingTheResident() {
    Probes.Registered person = outside();
    String csv = "name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n别名,RESIDENT_ID,"
        + person.idNumber() + ",,," + Probes.uniquePhone() + ",湖东路6号," + Probes.OWN_COMMUNITY + "\n";
    JsonNode status = api.as("community").upload("/api/v1/imports/persons?wait=true", "persons.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(status.get("rowsImported").asLong()).isZero();
    assertThat(status.toString()).doesNotContain(person.name(), person.id(), person.phone());
  }
}
