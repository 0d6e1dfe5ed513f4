package org.epicommand.quality.security;

import org.epicommand.support.WebSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Findings 3, 4 and 13: every list that shows a person is scoped or shows "辖区外人员" without
 * identity (room occupants, co-presence candidates), and a full record shows the document number
 * and phone only to roles with {@code PERSON_FULL_IDENTITY}.
 */
@EpiCommandTest
class PersonListScopeTest {

  static final List<String> OUTSIDERS = List.of("community", "district");

  @Autowired
  Api api;

  /** Finding 3: an occupant of another district is "辖区外人员" in the room list and on the site page. */
  @Test
  void roomListsAndTheSitePageDoNotNameAnOccupantOfAnotherDistrict() {
    String name = Probes.uniqueName("住客");
    String person = QuarantineFixtures.person(api, name, QuarantineFixtures.OTHER_DISTRICT_COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1), "V9")
        .get("id").asString();
    String site = QuarantineFixtures.site(api, "SC" + System.nanoTime() % 1_000_000_000L, 1, 3);
    Api.Answer checkIn = api.as("commander").post("/api/v1/quarantine/orders/" + order + "/check-in",
        Map.of("roomId", QuarantineFixtures.room(api, site, "2")));
    assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(200);
    for (String caller : OUTSIDERS) {
      assertThat(api.as(caller).get("/api/v1/quarantine/orders/" + order).status()).isEqualTo(404);
      Api.Answer rooms = api.as(caller).get("/api/v1/quarantine/sites/" + site + "/rooms?state=OCCUPIED");
      assertThat(rooms.status()).isEqualTo(200);
      assertThat(rooms.body()).as(caller).doesNotContain(name, order, person);
      JsonNode occupant = rooms.json().get(0).get("occupants").get(0);
      assertThat(occupant.get("outsideScope").asBoolean()).isTrue();
      assertThat(occupant.get("personName").isNull()).isTrue();
      assertThat(occupant.get("orderId").isNull()).isTrue();
      WebSession.Page page = WebSession.login(api, caller).get("/quarantine/sites/" + site);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).as(caller + " site page").doesNotContain(name, order).contains("辖区外人员");
    }
    JsonNode seen = api.as("commander").get("/api/v1/quarantine/sites/" + site + "/rooms?state=OCCUPIED").json();
    assertThat(seen.get(0).get("occupants").get(0).get("personName").asString()).isEqualTo(name);
  }

  /** Finding 4: co-presence candidates of another district show no name, id, venue or scan time to district staff. */
  @Test
  void coPresenceCandidatesOfAnotherDistrictShowNoIdentityVenueOrTimes() {
    String code = "CP" + System.nanoTime() % 100_000_000L;
    assertThat(api.as("cdc").post("/api/v1/venues", Map.of("code", code, "name", "伴随超市" + code,
        "type", "SUPERMARKET", "address", "扫码路2号", "jurisdictionCode", Probes.OWN_COMMUNITY)).status())
        .isEqualTo(201);
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);
    OffsetDateTime t = day.atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
    String caseId = CaseFixtures.caseOf(api, Probes.uniqueName("伴随病例"), Probes.OWN_COMMUNITY, "CONFIRMED",
        day.plusDays(1).toString());
    String insideName = Probes.uniqueName("本区伴随");
    String insideNumber = Probes.uniqueIdNumber();
    String inside = Probes.register(api, "cdc", Probes.person(insideName, insideNumber, Probes.uniquePhone(),
        "扫码路3号", Probes.OWN_COMMUNITY)).get("id").asString();
    String outsideName = Probes.uniqueName("外区伴随");
    String outsideNumber = Probes.uniqueIdNumber();
    String outside = Probes.register(api, "cdc", Probes.person(outsideName, outsideNumber, Probes.uniquePhone(),
        "江南路4号", Probes.OTHER_DISTRICT_COMMUNITY)).get("id").asString();
    OffsetDateTime outsideScan = t.plusMinutes(17);
    String csv = "idType,idNumber,venueCode,scannedAt\n"
        + "RESIDENT_ID," + insideNumber + "," + code + "," + t.plusMinutes(10) + "\n"
        + "RESIDENT_ID," + outsideNumber + "," + code + "," + outsideScan + "\n";
    JsonNode scans = api.as("cdc").upload("/api/v1/imports/venue-scans?wait=true", "scans.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(scans.get("rowsImported").asLong()).as(scans.toString()).isEqualTo(2);
    String investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id").asString();
    assertThat(api.as("cdc").post("/api/v1/investigations/" + investigation + "/trajectory", Map.of("venueCode", code,
        "fromAt", t.toString(), "toAt", t.plusHours(1).toString(), "activity", "购物")).status()).isEqualTo(201);
    assertThat(api.as("cdc").post("/api/v1/investigations/" + investigation + "/copresence", Map.of()).json()
        .get("candidates").asInt()).isEqualTo(2);

    for (String caller : OUTSIDERS) {
      Api.Answer answer = api.as(caller).get("/api/v1/investigations/" + investigation + "/candidates");
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).as(caller).doesNotContain(outside, outsideName, outsideScan.toInstant().toString()
          .substring(0, 16));
      JsonNode list = answer.json();
      assertThat(list.size()).isEqualTo(2);
      JsonNode hidden = list.valueStream().filter(c -> c.get("outsideScope").asBoolean()).findFirst().orElseThrow();
      for (String field : List.of("personId", "personName", "venueCode", "firstScanAt", "lastScanAt")) {
        assertThat(hidden.get(field).isNull()).as(caller + " " + field).isTrue();
      }
      JsonNode shown = list.valueStream().filter(c -> !c.get("outsideScope").asBoolean()).findFirst().orElseThrow();
      assertThat(shown.get("personName").asString()).isEqualTo(insideName);
      assertThat(shown.get("personId").asString()).isEqualTo(inside);
      WebSession.Page page = WebSession.login(api, caller).get("/tracing/investigations/" + investigation);
      assertThat(page.body()).as(caller + " investigation page").doesNotContain(outsideName, outside)
          .contains(insideName, "辖区外人员");
    }
    assertThat(api.as("cdc").get("/api/v1/investigations/" + investigation + "/candidates").body())
        .contains(outsideName, insideName);
  }

  /** Finding 13: the full person record and case record show the document and phone masked to community workers. */
  @Test
  void fullRecordsAreMaskedForRolesWithoutFullIdentity() {
    String name = Probes.uniqueName("掩码");
    String idNumber = Probes.uniqueIdNumber();
    String phone = Probes.uniquePhone();
    String id = Probes.register(api, "cdc", Probes.person(name, idNumber, phone, "湖东路8号", Probes.OWN_COMMUNITY))
        .get("id").asString();
    for (String caller : List.of("community", "district")) {
      Api.Answer answer = api.as(caller).get("/api/v1/persons/" + id);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).as(caller).doesNotContain(idNumber, phone);
      assertThat(answer.json().get("idNumber").asString()).isEqualTo(Probes.maskedDocument(idNumber));
      assertThat(answer.json().get("phone").asString()).isEqualTo(Probes.maskedPhone(phone));
      WebSession session = WebSession.login(api, caller);
      for (String page : List.of("/persons/" + id, "/persons/" + id + "/edit")) {
        WebSession.Page shown = session.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).as(caller + " " + page).contains(name).doesNotContain(idNumber, phone);
      }
    }
    JsonNode full = api.as("commander").get("/api/v1/persons/" + id).json();
    assertThat(full.get("idNumber").asString()).isEqualTo(idNumber);
    assertThat(full.get("phone").asString()).isEqualTo(phone);

    // an edit that sends the masked phone back keeps the phone
    Map<String, Object> edit = Probes.person(name + "改", idNumber, Probes.maskedPhone(phone), "湖东路9号",
        Probes.OWN_COMMUNITY);
    Api.Answer edited = api.as("community").put("/api/v1/persons/" + id, edit);
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.body()).doesNotContain(idNumber, phone);
    JsonNode after = api.as("commander").get("/api/v1/persons/" + id).json();
    assertThat(after.get("phone").asString()).isEqualTo(phone);
    assertThat(after.get("address").asString()).isEqualTo("湖东路9号");

    String caseId = CaseFixtures.caseOf(api, Probes.uniqueName("掩码病例"), Probes.OWN_COMMUNITY, "CONFIRMED",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    String caseNumber = api.as("cdc").get("/api/v1/cases/" + caseId).json().get("idNumber").asString();
    assertThat(caseNumber).doesNotContain("*");
    Api.Answer masked = api.as("community").get("/api/v1/cases/" + caseId);
    assertThat(masked.status()).isEqualTo(200);
    assertThat(masked.json().get("idNumber").asString()).isEqualTo(Probes.maskedDocument(caseNumber));
    assertThat(WebSession.login(api, "community").get("/cases/" + caseId).body()).doesNotContain(caseNumber);
  }
}
