package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.ModuleEvents;
import org.epicommand.support.People;
import org.epicommand.support.WebSession;
import org.epicommand.tipoff.TipOffApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A tip-off about an unregistered purchase of fever drugs, its subject matched to a registry person by the tip-off
 * office: the buyer gets one verification item (TIP_OFF_PURCHASE) on their community's list; other topics and a
 * tip-off turned down put nobody there. A tip-off turned down after the match closes its item (TIP_OFF_TURNED_DOWN),
 * unless a worker closed it first. The item carries the buyer's phone from the registry, for the worker to call.
 */
@EpiCommandTest
class TipOffPurchaseItemTest {

  private static final String LISTENER = "sentinel.internal.TipOffPurchaseItems";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aMatchedFeverDrugPurchaseTipOffPutsTheBuyerOnTheCommunitysListOnce() throws InterruptedException {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String buyer = People.resident("举报购药人" + tag, DemoPlaces.COMMUNITY).id(api);
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    String purchase = tipOff(office, "FEVER_DRUG_PURCHASE", "百姓大药房门口" + tag);
    String gathering = tipOff(office, "GATHERING", "棋牌室" + tag);
    String unfounded = tipOff(office, "FEVER_DRUG_PURCHASE", "另一家药房" + tag);
    assertThat(office.post("/api/v1/tip-offs/" + unfounded + "/reject", Map.of("reason", "UNFOUNDED", "note",
        "查无此事")).status()).isEqualTo(200);
    for (String id : List.of(purchase, purchase, gathering, unfounded)) {
      Api.Answer matched = office.post("/api/v1/tip-offs/" + id + "/subject-person", Map.of("personId", buyer));
      assertThat(matched.status()).as(matched.body()).isEqualTo(200);
    }
    for (String id : List.of(purchase, gathering, unfounded)) {
      for (int i = 0; i < 50 && !ModuleEvents.handled(jdbc, LISTENER, id); i++) {
        Thread.sleep(200);
      }
      assertThat(ModuleEvents.handled(jdbc, LISTENER, id)).as("handled " + id).isTrue();
    }

    List<JsonNode> items = api.as("commander").get("/api/v1/sentinel/verification?size=500&jurisdiction="
        + DemoPlaces.COMMUNITY).json().get("items").valueStream()
        .filter(v -> v.get("personId").asString().equals(buyer)).toList();
    assertThat(items).as("one item, of the purchase tip-off only").hasSize(1);
    JsonNode item = items.get(0);
    assertThat(item.get("source").asString()).isEqualTo("TIP_OFF_PURCHASE");
    assertThat(item.get("tipOffId").asString()).isEqualTo(purchase);
    assertThat(item.get("name").asString()).isEqualTo("举报购药人" + tag);
    assertThat(item.get("pharmacyName").asString()).isEqualTo("东湖路" + tag + "号");
    assertThat(item.get("state").asString()).isEqualTo("OPEN");
    assertThat(item.get("overdue").asBoolean()).isFalse();
    assertThat(item.get("phone").asString()).as("the registry's phone of the buyer").isEqualTo("13912345678");
    String id = item.get("id").asString();
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_VERIFICATION' "
        + "and subject_id = ? and action = 'CREATE' and username = 'system'").param(id).query(Long.class).single())
        .isEqualTo(1);

    Api.Answer contacted = api.as("community").post("/api/v1/sentinel/verification/" + id + "/contact",
        Map.of("note", "电话已联系"));
    assertThat(contacted.status()).as(contacted.body()).isEqualTo(200);
    Api.Answer closed = api.as("community").post("/api/v1/sentinel/verification/" + id + "/close",
        Map.of("outcome", "REFERRED_TO_CLINIC"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().get("outcome").asString()).isEqualTo("REFERRED_TO_CLINIC");
    assertThat(closed.json().get("source").asString()).isEqualTo("TIP_OFF_PURCHASE");
    WebSession.Page closedList = WebSession.login(api, "community").get("/sentinel/verification?state=CLOSED");
    assertThat(closedList.body()).contains("举报购药人" + tag, "data-testid=\"tip-off-source\"",
        "举报其违规购买退烧药：东湖路" + tag + "号");
  }

  @Test
  void aMatchedTipOffTurnedDownClosesItsItemUnlessAWorkerClosedItFirst() throws InterruptedException {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String buyer = People.resident("被举报购药" + tag, DemoPlaces.COMMUNITY).id(api);
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    Api.Caller community = api.as("community");
    String rejected = tipOff(office, "FEVER_DRUG_PURCHASE", "药房甲" + tag);
    String unfounded = tipOff(office, "FEVER_DRUG_PURCHASE", "药房乙" + tag);
    String workedOn = tipOff(office, "FEVER_DRUG_PURCHASE", "药房丙" + tag);
    String confirmed = tipOff(office, "FEVER_DRUG_PURCHASE", "药房丁" + tag);
    for (String id : List.of(rejected, unfounded, workedOn, confirmed)) {
      assertThat(office.post("/api/v1/tip-offs/" + id + "/subject-person", Map.of("personId", buyer)).status())
          .isEqualTo(200);
      awaitHandled(id);
    }
    assertThat(community.post("/api/v1/sentinel/verification/" + item(buyer, workedOn).get("id").asString()
        + "/close", Map.of("outcome", "UNREACHABLE")).status()).isEqualTo(200);

    assertThat(office.post("/api/v1/tip-offs/" + rejected + "/reject", Map.of("reason", "UNFOUNDED")).status())
        .isEqualTo(200);
    assertThat(office.post("/api/v1/tip-offs/" + workedOn + "/reject", Map.of("reason", "DUPLICATE", "duplicateOf",
        rejected)).status()).isEqualTo(200);
    for (String id : List.of(unfounded, confirmed)) {
      assertThat(office.post("/api/v1/tip-offs/" + id + "/assign", Map.of()).status()).isEqualTo(200);
    }
    assertThat(community.post("/api/v1/tip-offs/" + unfounded + "/verify", Map.of("outcome", "UNFOUNDED",
        "findings", "药房无此销售记录")).json().get("state").asString()).isEqualTo("UNSUBSTANTIATED");
    assertThat(community.post("/api/v1/tip-offs/" + confirmed + "/verify", Map.of("outcome", "CONFIRMED",
        "findings", "属实")).json().get("state").asString()).isEqualTo("SUBSTANTIATED");
    for (String id : List.of(rejected, unfounded, workedOn, confirmed)) {
      awaitHandled(id);
    }

    for (String id : List.of(rejected, unfounded)) {
      JsonNode closed = item(buyer, id);
      assertThat(closed.get("state").asString()).as("turned down: " + id).isEqualTo("CLOSED");
      assertThat(closed.get("outcome").asString()).isEqualTo("TIP_OFF_TURNED_DOWN");
      assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_VERIFICATION' and"
          + " subject_id = ? and action = 'UPDATE' and username = 'system' and detail like"
          + " 'closed TIP_OFF_TURNED_DOWN%'").param(closed.get("id").asString()).query(Long.class).single())
          .isEqualTo(1);
    }
    assertThat(item(buyer, workedOn).get("outcome").asString()).as("as the worker closed it")
        .isEqualTo("UNREACHABLE");
    assertThat(item(buyer, confirmed).get("state").asString()).as("substantiated: still to verify").isEqualTo("OPEN");
    Api.Answer chosen = community.post("/api/v1/sentinel/verification/" + item(buyer, confirmed).get("id")
        .asString() + "/close", Map.of("outcome", "TIP_OFF_TURNED_DOWN"));
    assertThat(chosen.status()).as("the platform's own outcome").isEqualTo(400);
    WebSession.Page closedList = WebSession.login(api, "community").get("/sentinel/verification?state=CLOSED");
    assertThat(closedList.body()).contains("举报不属实或重复（自动）");
  }

  @Test
  void theItemCarriesTheBuyersPhoneFromTheRegistryToCallThemOn() throws InterruptedException {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000L);
    String buyer = People.resident("有电话购药人" + tag, DemoPlaces.COMMUNITY).phone(phone).id(api);
    Api.Answer person = api.as("commander").get("/api/v1/persons/" + buyer);
    assertThat(person.status()).as(person.body()).isEqualTo(200);
    String registered = person.json().get("phone").asString();
    assertThat(registered).isEqualTo(phone);
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    String tip = tipOff(office, "FEVER_DRUG_PURCHASE", "药房庚" + tag);
    assertThat(office.post("/api/v1/tip-offs/" + tip + "/subject-person", Map.of("personId", buyer)).status())
        .isEqualTo(200);
    awaitHandled(tip);
    String id = jdbc.sql("select id::text from sentinel_verification where tipoff_id = ?::uuid").param(tip)
        .query(String.class).single();

    // the community worker (who sees no full phone in the registry) gets the number to call, as for a purchase
    Api.Caller community = api.as("community");
    Api.Answer read = community.get("/api/v1/sentinel/verification/" + id);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().get("phone").asString()).isEqualTo(registered);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_VERIFICATION' and"
        + " subject_id = ? and action = 'READ' and username = 'community'").param(id).query(Long.class).single())
        .as("the read is audited").isEqualTo(1);
    List<JsonNode> listed = community.get("/api/v1/sentinel/verification?size=500").json().get("items").valueStream()
        .filter(v -> v.get("id").asString().equals(id)).toList();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("phone").asString()).isEqualTo(registered);

    // the name and number corrected in the registry are those the worker gets, on the item and in the list
    String corrected = "136" + phone.substring(3);
    JsonNode before = api.as("commander").get("/api/v1/persons/" + buyer).json();
    Map<String, Object> edit = new java.util.HashMap<>(Map.of("name", "有电话购药人" + tag + "正", "idType",
        before.get("idType").asString(), "idNumber", before.get("idNumber").asString(), "phone", corrected,
        "address", before.get("address").asString(), "jurisdictionCode", before.get("jurisdictionCode").asString()));
    Api.Answer edited = api.as("commander").put("/api/v1/persons/" + buyer, edit);
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    JsonNode now = community.get("/api/v1/sentinel/verification/" + id).json();
    assertThat(now.get("phone").asString()).isEqualTo(corrected);
    assertThat(now.get("name").asString()).isEqualTo("有电话购药人" + tag + "正");
    assertThat(community.get("/api/v1/sentinel/verification?size=500").json().get("items").valueStream()
        .filter(v -> v.get("id").asString().equals(id)).map(v -> v.get("phone").asString()).toList())
        .containsExactly(corrected);
    phone = corrected;

    // outside the buyer's community the item does not exist
    String elsewhere = SentinelFixtures.account(api, "grid", "COMMUNITY_WORKER", DemoPlaces.NEIGHBOUR);
    Api.Caller other = api.as(elsewhere, SentinelFixtures.CLERK_PASSWORD);
    assertThat(other.get("/api/v1/sentinel/verification/" + id).status()).isEqualTo(404);
    assertThat(other.get("/api/v1/sentinel/verification?size=500").body()).doesNotContain(id, phone);

    // the list page links the number for a phone call, as it does a purchase's
    WebSession session = WebSession.login(api, "community");
    String page = "";
    for (int n = 0; n < 100 && !page.contains("有电话购药人" + tag); n++) {
      WebSession.Page shown = session.get("/sentinel/verification?page=" + n);
      assertThat(shown.status()).isEqualTo(200);
      page = shown.body();
      if (!page.contains("data-testid=\"items\"")) {
        break;
      }
    }
    assertThat(page).contains("有电话购药人" + tag, "href=\"tel:" + phone + "\"");
  }

  private void awaitHandled(String tipOff) throws InterruptedException {
    for (int i = 0; i < 50 && !ModuleEvents.handled(jdbc, LISTENER, tipOff); i++) {
      Thread.sleep(200);
    }
    assertThat(ModuleEvents.handled(jdbc, LISTENER, tipOff)).as("handled " + tipOff).isTrue();
  }

  /** The buyer's item of a tip-off, as the commander reads it. */
  private JsonNode item(String buyer, String tipOff) {
    String id = jdbc.sql("select id::text from sentinel_verification where person_id = ?::uuid and tipoff_id = ?::uuid")
        .params(buyer, tipOff).query(String.class).single();
    Api.Answer read = api.as("commander").get("/api/v1/sentinel/verification/" + id);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return read.json();
  }

  private static String tipOff(Api.Caller office, String topic, String subject) {
    Map<String, Object> body = new java.util.HashMap<>(TipOffApiTest.tip(topic, DemoPlaces.COMMUNITY,
        "有人未登记购买退烧药"));
    body.put("channel", "HOTLINE");
    body.put("subject", subject);
    body.put("address", "东湖路" + subject.replaceAll("\\D", "") + "号");
    Api.Answer made = office.post("/api/v1/tip-offs", body);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return made.json().get("id").asString();
  }
}
