package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.room;
import static org.epicommand.quarantine.QuarantineFixtures.site;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Quarantine sites kept by their operators: corrected, retired with their history kept, taken back into service. */
@EpiCommandTest
class SiteMasterApiTest {

  static final String SITES = "/api/v1/quarantine/sites";

  @Autowired
  Api api;

  static String code() {
    return "QM" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<String> fields(Api.Answer answer) {
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }

  private int districtRooms() {
    return api.as("commander").get("/api/v1/quarantine/capacity").json().valueStream()
        .filter(d -> d.get("jurisdictionCode").asString().equals(DemoPlaces.DISTRICT)).findFirst().orElseThrow()
        .get("rooms").asInt();
  }

  @Test
  void aSiteIsCorrectedAndADuplicateCodeNamesTheExistingSite() {
    String code = code();
    Api.Answer created = api.as("commander").post(SITES, Map.of("code", code, "name", "江畔酒店", "address", "江畔路 8 号",
        "jurisdictionCode", DemoPlaces.DISTRICT, "contactName", "李强", "contactPhone", "13912345678",
        "capacityNotes", "单人间 40 间"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");
    assertThat(created.json().get("contactPhone").asString()).isEqualTo("13912345678");
    Api.Answer duplicate = api.as("commander").post(SITES, Map.of("code", code, "name", "又一个", "jurisdictionCode",
        DemoPlaces.DISTRICT));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("existingId").asString()).isEqualTo(id);

    // a site manager corrects the sites they run (bound by the administrator), another site is 404 to them
    assertThat(api.as("site").put(SITES + "/" + id, Map.of("name", "x", "jurisdictionCode", DemoPlaces.DISTRICT))
        .status())
        .isEqualTo(404);
    assertThat(api.as("admin").post("/api/v1/quarantine/site-staff/" + id, Map.of("username", "site")).status())
        .isEqualTo(201);
    Api.Answer corrected = api.as("site").put(SITES + "/" + id, Map.of("name", "江畔酒店（二期）", "address", "江畔路 10 号",
        "jurisdictionCode", DemoPlaces.STREET, "contactName", "李强", "contactPhone", "0571-86001234",
        "capacityNotes", "单人间 60 间，可加床 10 张"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    JsonNode site = api.as("community").get(SITES + "/" + id).json();
    assertThat(site.get("code").asString()).isEqualTo(code);
    assertThat(site.get("name").asString()).isEqualTo("江畔酒店（二期）");
    assertThat(site.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.STREET);
    assertThat(site.get("capacityNotes").asString()).isEqualTo("单人间 60 间，可加床 10 张");
    Api.Answer bad = api.as("site").put(SITES + "/" + id, Map.of("name", "", "jurisdictionCode", "000000",
        "contactPhone", "12345"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("name", "jurisdictionCode", "contactPhone");
    assertThat(api.as("community").put(SITES + "/" + id, Map.of("name", "x", "jurisdictionCode", DemoPlaces.DISTRICT))
        .status())
        .isEqualTo(403);
    assertThat(api.as("site").put(SITES + "/" + UUID.randomUUID(), Map.of("name", "x", "jurisdictionCode",
        DemoPlaces.DISTRICT))
        .status()).isEqualTo(404);

    // another district's operator does not see it to change it
    String username = "qsite_" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", username, "password", "Sites123456",
        "roles", List.of("SITE_MANAGER"), "jurisdictionCode", DemoPlaces.OTHER_DISTRICT)).status()).isEqualTo(201);
    Api.Caller outsider = api.as(username, "Sites123456");
    assertThat(outsider.put(SITES + "/" + id, Map.of("name", "夺走", "jurisdictionCode", DemoPlaces.OTHER_DISTRICT))
        .status())
        .isEqualTo(404);
    assertThat(outsider.post(SITES + "/" + id + "/retire", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aRetiredSiteKeepsItsPeopleAndRefusesNewOnes() {
    String siteId = site(api, code(), 501, 503);
    String placed = open(api, person(api, "停用前", COMMUNITY), "CLOSE_CONTACT", today().minusDays(1), "V9")
        .get("id").asString();
    String waiting = open(api, person(api, "停用后", COMMUNITY), "CLOSE_CONTACT", today().minusDays(1), "V9")
        .get("id").asString();
    assertThat(checkIn(placed, room(api, siteId, "501")).status()).isEqualTo(200);
    int rooms = districtRooms();

    Api.Answer retired = api.as("site").post(SITES + "/" + siteId + "/retire", Map.of());
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().get("status").asString()).isEqualTo("RETIRED");
    assertThat(retired.json().get("rooms").get("OCCUPIED").asInt()).isEqualTo(1);
    Api.Answer again = api.as("site").post(SITES + "/" + siteId + "/retire", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("RETIRED");

    Api.Answer refused = checkIn(waiting, room(api, siteId, "502"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).isEqualTo("该隔离点已停用，不再接收入住、新增房间和转运");
    assertThat(api.as("site").post(SITES + "/" + siteId + "/rooms", Map.of("numbers", List.of("509"))).status())
        .isEqualTo(409);
    Api.Answer trip = api.as("commander").post("/api/v1/quarantine/trips", Map.of("vehicle", "浙A12345", "driver",
        "司机", "destinationSiteId", siteId, "orderIds", List.of(waiting)));
    assertThat(trip.status()).as(trip.body()).isEqualTo(409);
    assertThat(districtRooms()).as("a retired site's rooms leave the capacity standard").isEqualTo(rooms - 3);
    assertThat(ids(api.as("site").get(SITES + "?active=true"))).doesNotContain(siteId);
    assertThat(ids(api.as("site").get(SITES + "?active=false"))).contains(siteId);
    JsonNode occupied = api.as("site").get(SITES + "/" + siteId + "/rooms?state=OCCUPIED").json();
    assertThat(occupied.get(0).get("occupants").get(0).get("orderId").asString()).as("history stays").isEqualTo(placed);

    Api.Answer back = api.as("site").post(SITES + "/" + siteId + "/reactivate", Map.of());
    assertThat(back.json().get("status").asString()).isEqualTo("ACTIVE");
    assertThat(api.as("site").post(SITES + "/" + siteId + "/reactivate", Map.of()).status()).isEqualTo(409);
    assertThat(checkIn(waiting, room(api, siteId, "502")).status()).isEqualTo(200);
  }

  private static List<String> ids(Api.Answer list) {
    return list.json().valueStream().map(s -> s.get("id").asString()).toList();
  }

  private Api.Answer checkIn(String orderId, String roomId) {
    return api.as("site").post("/api/v1/quarantine/orders/" + orderId + "/check-in", Map.of("roomId", roomId));
  }
}
