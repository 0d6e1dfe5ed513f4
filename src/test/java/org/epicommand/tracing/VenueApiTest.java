package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.cases.CaseFixtures.body;

import java.util.List;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The venue registry through the API: register, correct, retire and reactivate, inside the caller's jurisdiction. */
@EpiCommandTest
class VenueApiTest {

  static final String DISTRICT = DemoPlaces.DISTRICT;
  static final String COMMUNITY = DemoPlaces.COMMUNITY;
  static final String OTHER_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;

  @Autowired
  Api api;

  static String code(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private Api.Answer register(String code, String name, String type, String jurisdiction, Object lat, Object lon) {
    return api.as("cdc").post("/api/v1/venues", body("code", code, "name", name, "type", type, "address", "东湖路8号",
        "jurisdictionCode", jurisdiction, "lat", lat, "lon", lon));
  }

  @Test
  void aVenueIsRegisteredCorrectedRetiredAndReactivatedAndEveryStepIsAudited() {
    String code = code("VE");
    Api.Answer created = register(code, "东湖菜场", "MARKET", COMMUNITY, 30.27, 120.15);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode venue = created.json();
    String id = venue.get("id").asString();
    assertThat(venue.get("state").asString()).isEqualTo("ACTIVE");
    assertThat(venue.get("lat").asDouble()).isEqualTo(30.27);
    assertThat(venue.get("lon").asDouble()).isEqualTo(120.15);
    assertThat(venue.get("retiredAt").isNull()).isTrue();

    Api.Answer duplicate = register(code, "重复", "SHOP", COMMUNITY, null, null);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("existingId").asString()).isEqualTo(id);

    Api.Answer corrected = api.as("cdc").put("/api/v1/venues/" + code, body("code", "IGNORED", "name", "东湖农贸市场",
        "type", "MARKET", "address", "东湖路10号", "jurisdictionCode", DISTRICT));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    JsonNode read = api.as("cdc").get("/api/v1/venues/" + code).json();
    assertThat(read.get("name").asString()).isEqualTo("东湖农贸市场");
    assertThat(read.get("address").asString()).isEqualTo("东湖路10号");
    assertThat(read.get("jurisdictionCode").asString()).isEqualTo(DISTRICT);
    assertThat(read.get("code").asString()).isEqualTo(code);
    // the coordinates were left out of the correction: the venue has none now
    assertThat(read.get("lat").isNull()).isTrue();

    JsonNode retired = api.as("cdc").post("/api/v1/venues/" + code + "/retire", body()).json();
    assertThat(retired.get("state").asString()).isEqualTo("RETIRED");
    assertThat(retired.get("retiredAt").asString()).endsWith("+08:00");
    Api.Answer again = api.as("cdc").post("/api/v1/venues/" + code + "/retire", body());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(again.json().get("detail").asString()).contains("RETIRED");
    // retired: still readable, out of the default list, in the list of retired venues
    assertThat(api.as("cdc").get("/api/v1/venues/" + code).json().get("state").asString()).isEqualTo("RETIRED");
    assertThat(codes(api.as("cdc").get("/api/v1/venues?q=" + code).json())).isEmpty();
    assertThat(codes(api.as("cdc").get("/api/v1/venues?q=" + code + "&state=RETIRED").json())).containsExactly(code);
    assertThat(codes(api.as("cdc").get("/api/v1/venues?q=" + code + "&state=ALL").json())).containsExactly(code);

    JsonNode active = api.as("cdc").post("/api/v1/venues/" + code + "/reactivate", body()).json();
    assertThat(active.get("state").asString()).isEqualTo("ACTIVE");
    assertThat(active.get("retiredAt").isNull()).isTrue();
    assertThat(api.as("cdc").post("/api/v1/venues/" + code + "/reactivate", body()).status()).isEqualTo(409);

    List<String> actions = api.as("auditor").get("/api/v1/audit?subjectId=" + id + "&size=50").json().get("items")
        .valueStream().map(e -> e.get("action").asString() + " " + e.path("detail").asString("")).toList();
    assertThat(actions).contains("CREATE " + code, "UPDATE RETIRED", "UPDATE ACTIVE");
    assertThat(actions).anyMatch(a -> a.startsWith("UPDATE name: 东湖菜场 → 东湖农贸市场"));
  }

  @Test
  void badFieldsAre400UnderTheirNames() {
    Api.Answer bad = register("bad code!", "", "NOPE_TYPE", "000000", 120.15, 30.27);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("type");
    Api.Answer fields = register("ok code!", " ", null, "000000", 120.15, null);
    assertThat(fields.status()).isEqualTo(400);
    assertThat(fields.json().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("code", "name", "type", "jurisdictionCode", "lon");
    Api.Answer swapped = register(code("VS"), "经纬度颠倒", "SHOP", COMMUNITY, 120.15, 30.27);
    assertThat(swapped.json().get("errors").findValuesAsString("field")).containsExactly("lat");
    assertThat(swapped.json().get("errors").get(0).get("message").asString()).contains("-90");
    Api.Answer text = api.as("cdc").post("/api/v1/venues", body("code", code("VT"), "name", "文字坐标", "type", "SHOP",
        "jurisdictionCode", COMMUNITY, "lat", "北纬30度", "lon", 120.1));
    assertThat(text.status()).isEqualTo(400);
    assertThat(text.json().get("errors").get(0).get("field").asString()).isEqualTo("lat");

    String code = code("VB");
    assertThat(register(code, "纠错用", "SHOP", COMMUNITY, null, null).status()).isEqualTo(201);
    Api.Answer badEdit = api.as("cdc").put("/api/v1/venues/" + code, body("name", "", "type", "SHOP",
        "jurisdictionCode", COMMUNITY, "lat", 91.0, "lon", 120.0));
    assertThat(badEdit.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "lat");
    assertThat(api.as("cdc").put("/api/v1/venues/NOSUCH" + code, body("name", "x", "type", "SHOP",
        "jurisdictionCode", COMMUNITY)).status()).isEqualTo(404);
    assertThat(api.as("cdc").get("/api/v1/venues?state=GONE").json().get("errors").get(0).get("field").asString())
        .isEqualTo("state");
  }

  @Test
  void outsideTheCallersJurisdictionAVenueCannotBeRegisteredAndAnswers404ToChanges() {
    String username = VenueFixtures.otherDistrictEpidemiologist(api);
    String code = code("VJ");
    assertThat(register(code, "一区超市", "SUPERMARKET", COMMUNITY, null, null).status()).isEqualTo(201);
    Api.Caller other = api.as(username, VenueFixtures.PASSWORD);
    Api.Answer outside = other.post("/api/v1/venues", body("code", code("VO"), "name", "越界", "type", "SHOP",
        "jurisdictionCode", COMMUNITY));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("jurisdictionCode");
    assertThat(other.put("/api/v1/venues/" + code, body("name", "改名", "type", "SHOP", "jurisdictionCode",
        OTHER_COMMUNITY)).status()).isEqualTo(404);
    assertThat(other.post("/api/v1/venues/" + code + "/retire", body()).status()).isEqualTo(404);
    assertThat(other.get("/api/v1/venues?jurisdiction=" + DISTRICT).status()).isEqualTo(404);
    assertThat(codes(other.get("/api/v1/venues?q=" + code).json())).isEmpty();
    // the venue itself is unchanged and active
    JsonNode venue = api.as("cdc").get("/api/v1/venues/" + code).json();
    assertThat(venue.get("name").asString()).isEqualTo("一区超市");
    assertThat(venue.get("state").asString()).isEqualTo("ACTIVE");
    // inside their own district they register and correct
    String own = code("VW");
    Api.Answer created = other.post("/api/v1/venues", body("code", own, "name", "二区药店", "type", "PHARMACY",
        "jurisdictionCode", OTHER_COMMUNITY));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(other.put("/api/v1/venues/" + own, body("name", "二区大药房", "type", "PHARMACY", "jurisdictionCode",
        OTHER_COMMUNITY)).json().get("name").asString()).isEqualTo("二区大药房");
    // a district staff member reads venues but changes none
    assertThat(api.as("district").post("/api/v1/venues/" + code + "/retire", body()).status()).isEqualTo(403);
  }

  @Test
  void theListIsSearchedByCodeOrNameAndFilteredByDivisionAndType() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String school = code("VL");
    String shop = code("VL");
    String other = code("VL");
    assertThat(register(school, "筛选小学" + tag, "SCHOOL", COMMUNITY, null, null).status()).isEqualTo(201);
    assertThat(register(shop, "筛选商店" + tag, "SHOP", COMMUNITY, null, null).status()).isEqualTo(201);
    assertThat(register(other, "筛选商店" + tag, "SHOP", OTHER_COMMUNITY, null, null).status()).isEqualTo(201);
    assertThat(codes(api.as("cdc").get("/api/v1/venues?size=500&q=" + tag).json()))
        .containsExactlyInAnyOrder(school, shop, other);
    assertThat(codes(api.as("cdc").get("/api/v1/venues?size=500&type=SHOP&q=" + tag).json()))
        .containsExactlyInAnyOrder(shop, other);
    assertThat(codes(api.as("cdc").get("/api/v1/venues?size=500&jurisdiction=990102&q=" + tag).json()))
        .containsExactly(other);
    assertThat(codes(api.as("cdc").get("/api/v1/venues?q=" + school.substring(0, 8)).json())).contains(school);
    assertThat(api.as("cdc").get("/api/v1/venues?type=BOAT").status()).isEqualTo(400);
    JsonNode page = api.as("cdc").get("/api/v1/venues?size=1&q=" + tag).json();
    assertThat(page.get("items").size()).isEqualTo(1);
    assertThat(page.get("hasMore").asBoolean()).isTrue();

    JsonNode types = api.as("cdc").get("/api/v1/venue-types").json();
    assertThat(types.size()).isEqualTo(VenueType.values().length);
    assertThat(types.get(0).get("code").asString()).isEqualTo("SUPERMARKET");
    assertThat(types.get(0).get("name").asString()).isEqualTo("超市");
    assertThat(api.as("cdc").header("Accept-Language", "en").get("/api/v1/venue-types").json().get(0).get("name")
        .asString()).isEqualTo("Supermarket");
  }

  static List<String> codes(JsonNode page) {
    return page.get("items").valueStream().map(v -> v.get("code").asString()).toList();
  }
}
