package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A request worth more than the second-approval value (quantity × the item's reference price) approved by
 * the supplies group and then by a commander other than the first approver; one below it approved at once;
 * a dispatch PLANNED with vehicle and time, planned again, departing as planned and delivered — every
 * illegal move 409 naming the current state, bad input 400 per field with nothing stored.
 */
@EpiCommandTest
class SupplyApprovalAndDispatchApiTest {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aRequestAboveTheValueThresholdNeedsASecondApprovalByAnotherCommander() {
    String item = pricedItem("120.00");
    String officer = SupplyFixtures.officer(api);
    Api.Caller group = api.as(officer, SupplyFixtures.KEEPER_PASSWORD);
    String big = SupplyFixtures.draft(group, SupplyFixtures.DISTRICT, "HIGH", item, 5_000);
    assertThat(SupplyFixtures.step(group, big, "submit", null).status()).isEqualTo(200);
    JsonNode first = SupplyFixtures.step(group, big, "approve",
        Map.of("lines", List.of(Map.of("itemCode", item, "approved", 4_500)))).json();
    assertThat(first.get("state").asString()).as("4,500 × ¥120 = ¥540,000").isEqualTo("PENDING_SECOND_APPROVAL");
    assertThat(first.get("approvedValue").decimalValue()).isEqualByComparingTo("540000");
    assertThat(first.get("firstApprovedBy").asString()).isEqualTo(officer);
    assertThat(first.get("lines").get(0).get("approved").asLong()).isEqualTo(4_500);

    Api.Answer notACommander = SupplyFixtures.step(group, big, "approve", null);
    assertThat(notACommander.status()).as("the supplies group gives only the first approval").isEqualTo(403);
    for (String illegal : List.of("allocate", "dispatch", "plan-dispatch", "receive", "close", "submit")) {
      Api.Answer refused = SupplyFixtures.step(api.as("commander"), big, illegal, Map.of("warehouseCode", "X"));
      assertThat(refused.status()).as(illegal).isEqualTo(409);
      assertThat(refused.json().get("currentState").asString()).as(illegal).isEqualTo("PENDING_SECOND_APPROVAL");
    }
    Api.Answer raised = SupplyFixtures.step(api.as("commander"), big, "approve",
        Map.of("lines", List.of(Map.of("itemCode", item, "approved", 4_600))));
    assertThat(raised.status()).as("not above the first approval").isEqualTo(400);
    assertThat(raised.json().get("errors").get(0).get("field").asString()).isEqualTo("approved");
    assertThat(api.as("commander").get("/api/v1/supplies/requests/" + big).json().get("state").asString())
        .isEqualTo("PENDING_SECOND_APPROVAL");
    String page = api.as("commander").get("/supplies/requests/" + big).body();
    assertThat(page).contains("待二级审批").contains("data-testid=\"second-approve-form\"").contains("¥540,000.00");

    JsonNode second = SupplyFixtures.step(api.as("commander"), big, "approve",
        Map.of("lines", List.of(Map.of("itemCode", item, "approved", 4_000)))).json();
    assertThat(second.get("state").asString()).isEqualTo("PARTIALLY_APPROVED");
    assertThat(second.get("decidedBy").asString()).isEqualTo("commander");
    assertThat(second.get("approvedValue").decimalValue()).isEqualByComparingTo("480000");
    assertThat(second.get("lines").get(0).get("approved").asLong()).isEqualTo(4_000);

    String self = SupplyFixtures.draft(api.as("commander"), SupplyFixtures.DISTRICT, "NORMAL", item, 5_000);
    SupplyFixtures.step(api.as("commander"), self, "submit", null);
    assertThat(SupplyFixtures.step(api.as("commander"), self, "approve", null).json().get("state").asString())
        .isEqualTo("PENDING_SECOND_APPROVAL");
    Api.Answer sameHand = SupplyFixtures.step(api.as("commander"), self, "approve", null);
    assertThat(sameHand.status()).as("not the first approver again").isEqualTo(409);
    assertThat(sameHand.json().get("currentState").asString()).isEqualTo("PENDING_SECOND_APPROVAL");
    assertThat(SupplyFixtures.step(api.as("office"), self, "reject", Map.of("reason", "金额过大，分批申请")).json()
        .get("state").asString()).isEqualTo("REJECTED");

    String small = SupplyFixtures.draft(group, SupplyFixtures.DISTRICT, "HIGH", item, 100);
    SupplyFixtures.step(group, small, "submit", null);
    JsonNode once = SupplyFixtures.step(group, small, "approve", null).json();
    assertThat(once.get("state").asString()).as("¥12,000 needs one approval").isEqualTo("APPROVED");
    assertThat(once.get("approvedValue").decimalValue()).isEqualByComparingTo("12000");

    Map<String, Object> badPrice = SupplyFixtures.item(SupplyFixtures.code("PX"), "只");
    badPrice.put("unitPrice", -1);
    Api.Answer refusedPrice = api.as("commander").post("/api/v1/supplies/items", badPrice);
    assertThat(refusedPrice.status()).isEqualTo(400);
    assertThat(refusedPrice.json().get("errors").get(0).get("field").asString()).isEqualTo("unitPrice");
    assertThat(api.as("commander").get("/api/v1/supplies/items/" + badPrice.get("code")).status()).isEqualTo(404);
  }

  @Test
  void aDispatchIsPlannedReplannedAndDepartsAsPlanned() {
    String item = SupplyFixtures.item(api);
    String warehouse = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    SupplyFixtures.receive(api, warehouse, item, "P1", 500, CityTime.today().plusDays(300));
    Api.Caller office = api.as("commander");
    String id = SupplyFixtures.draft(api.as("district"), SupplyFixtures.DISTRICT, "HIGH", item, 100);
    SupplyFixtures.step(api.as("district"), id, "submit", null);
    SupplyFixtures.step(office, id, "approve", null);
    String plate = SupplyFixtures.plate();
    LocalDate today = LocalDate.now(CITY);
    String pass = SupplyFixtures.pass(api, plate, today, today.plusDays(2));
    OffsetDateTime tomorrow = today.plusDays(1).atTime(9, 30).atZone(CITY).toOffsetDateTime();
    Map<String, Object> plan = Map.of("vehiclePlate", plate, "driver", "李师傅", "driverPhone", "13900139000",
        "greenPassNumber", pass, "plannedAt", tomorrow.toString());
    Api.Answer early = SupplyFixtures.step(office, id, "plan-dispatch", plan);
    assertThat(early.status()).as("planned before allocation").isEqualTo(409);
    assertThat(early.json().get("currentState").asString()).isEqualTo("APPROVED");
    SupplyFixtures.step(office, id, "allocate", Map.of("warehouseCode", warehouse));

    Api.Answer bad = SupplyFixtures.step(office, id, "plan-dispatch", Map.of("vehiclePlate", "x", "driver", " ",
        "driverPhone", "1", "greenPassNumber", pass, "plannedAt", tomorrow.minusDays(3).toString()));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsString("field"))
        .contains("vehiclePlate", "driver", "driverPhone", "plannedAt");
    assertThat(absent(office.get("/api/v1/supplies/requests/" + id).json().get("dispatch"))).as("nothing stored")
        .isTrue();
    Api.Answer tooLate = SupplyFixtures.step(office, id, "plan-dispatch", Map.of("vehiclePlate", plate, "driver",
        "李师傅", "driverPhone", "13900139000", "greenPassNumber", pass, "plannedAt",
        today.plusDays(5).atTime(9, 0).atZone(CITY).toOffsetDateTime().toString()));
    assertThat(tooLate.status()).as("the pass is expired by then").isEqualTo(409);
    assertThat(tooLate.json().get("currentState").asString()).isEqualTo("EXPIRED");

    JsonNode planned = SupplyFixtures.step(office, id, "plan-dispatch", plan).json();
    assertThat(planned.get("state").asString()).isEqualTo("ALLOCATED");
    assertThat(planned.get("dispatch").get("state").asString()).isEqualTo("PLANNED");
    assertThat(absent(planned.get("dispatch").get("departedAt"))).isTrue();
    assertThat(OffsetDateTime.parse(planned.get("dispatch").get("plannedAt").asString()).toInstant())
        .isEqualTo(tomorrow.toInstant());
    String page = office.get("/supplies/requests/" + id).body();
    assertThat(page).contains("data-testid=\"dispatch-plan\"").contains(plate).contains("按计划发车").contains("已计划");

    String otherPlate = SupplyFixtures.plate();
    String otherPass = SupplyFixtures.pass(api, otherPlate, today, today.plusDays(2));
    JsonNode replanned = SupplyFixtures.step(office, id, "plan-dispatch", Map.of("vehiclePlate", otherPlate, "driver",
        "王师傅", "driverPhone", "13900139001", "greenPassNumber", otherPass)).json();
    assertThat(replanned.get("dispatch").get("vehiclePlate").asString()).isEqualTo(otherPlate);
    assertThat(replanned.get("dispatch").get("state").asString()).isEqualTo("PLANNED");

    JsonNode departed = SupplyFixtures.step(office, id, "dispatch", null).json();
    assertThat(departed.get("state").asString()).isEqualTo("DISPATCHED");
    assertThat(departed.get("dispatch").get("state").asString()).isEqualTo("DEPARTED");
    assertThat(departed.get("dispatch").get("vehiclePlate").asString()).as("the planned vehicle").isEqualTo(otherPlate);
    assertThat(absent(departed.get("dispatch").get("departedAt"))).isFalse();
    for (String illegal : List.of("plan-dispatch", "dispatch")) {
      Api.Answer refused = SupplyFixtures.step(office, id, illegal, plan);
      assertThat(refused.status()).as(illegal).isEqualTo(409);
      assertThat(refused.json().get("currentState").asString()).as(illegal).isEqualTo("DISPATCHED");
    }
    JsonNode received = SupplyFixtures.step(api.as("district"), id, "receive", null).json();
    assertThat(received.get("state").asString()).isEqualTo("RECEIVED");
    assertThat(received.get("dispatch").get("state").asString()).isEqualTo("DELIVERED");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SUPPLY_REQUEST' and subject_id = :n"
        + " and detail like '%PLANNED%'").param("n", received.get("number").asString()).query(Long.class).single())
        .as("both plans audited").isEqualTo(2);
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  /** An item with a reference price (as commander); its code. */
  private String pricedItem(String price) {
    String code = SupplyFixtures.code("PRC");
    Map<String, Object> body = SupplyFixtures.item(code, "只");
    body.put("unitPrice", new java.math.BigDecimal(price));
    Api.Answer created = api.as("commander").post("/api/v1/supplies/items", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("unitPrice").decimalValue()).isEqualByComparingTo(price);
    return code;
  }
}
