package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A supply request through HTTP from draft to closing, every illegal move answered 409 naming the
 * current state; partial approval, allocation out of stock, dispatch refused with an expired green
 * pass, receipt with a shortfall; the last units allocated exactly once under concurrency; an URGENT
 * request unapproved after an hour reaching the office inbox once.
 */
@EpiCommandTest
class SupplyRequestLifecycleApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  SupplyDeadlines deadlines;

  @Test
  void aRequestGoesFromDraftToClosedAndEveryIllegalMoveNamesTheState() {
    String item = SupplyFixtures.item(api);
    String warehouse = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    SupplyFixtures.receive(api, warehouse, item, "B1", 1000, CityTime.today().plusDays(300));
    Api.Caller district = api.as("district");
    Api.Caller office = api.as("commander");

    Api.Answer bad = district.post("/api/v1/supplies/requests", Map.of("unitName", "东湖区指挥部", "priority", "HIGH",
        "purpose", "x", "lines", List.of(Map.of("itemCode", item, "quantity", 0))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");

    String id = SupplyFixtures.draft(district, SupplyFixtures.DISTRICT, "HIGH", item, 300);
    JsonNode draft = district.get("/api/v1/supplies/requests/" + id).json();
    assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
    assertThat(draft.get("number").asString()).matches("WZ\\d{4}-\\d{6}");
    for (String illegal : List.of("approve", "reject", "allocate", "dispatch", "receive", "close")) {
      Api.Answer refused = SupplyFixtures.step(office, id, illegal, Map.of("reason", "x", "warehouseCode", warehouse));
      assertThat(refused.status()).as(illegal).isEqualTo(409);
      assertThat(refused.json().get("currentState").asString()).as(illegal).isEqualTo("DRAFT");
      assertThat(refused.json().get("detail").asString()).as(illegal).contains("DRAFT");
    }
    JsonNode submitted = SupplyFixtures.step(district, id, "submit", null).json();
    assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
    Instant submittedAt = Instant.parse(submitted.get("submittedAt").asString());
    assertThat(Duration.between(submittedAt, Instant.parse(submitted.get("approveDue").asString())))
        .isEqualTo(Duration.ofHours(4));
    assertThat(Duration.between(submittedAt, Instant.parse(submitted.get("deliverDue").asString())))
        .isEqualTo(Duration.ofHours(24));
    assertThat(SupplyFixtures.step(district, id, "approve", null).status()).as("units do not approve").isEqualTo(403);

    Api.Answer tooMuch = SupplyFixtures.step(office, id, "approve",
        Map.of("lines", List.of(Map.of("itemCode", item, "approved", 301))));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json().get("errors").get(0).get("field").asString()).isEqualTo("approved");
    assertThat(district.get("/api/v1/supplies/requests/" + id).json().get("state").asString()).isEqualTo("SUBMITTED");
    JsonNode approved = SupplyFixtures.step(office, id, "approve",
        Map.of("lines", List.of(Map.of("itemCode", item, "approved", 200)))).json();
    assertThat(approved.get("state").asString()).isEqualTo("PARTIALLY_APPROVED");
    assertThat(approved.get("lines").get(0).get("approved").asLong()).isEqualTo(200);
    assertThat(SupplyFixtures.step(district, id, "cancel", null).json().get("currentState").asString())
        .isEqualTo("PARTIALLY_APPROVED");

    JsonNode allocated = SupplyFixtures.step(office, id, "allocate", Map.of("warehouseCode", warehouse)).json();
    assertThat(allocated.get("state").asString()).isEqualTo("ALLOCATED");
    assertThat(allocated.get("lines").get(0).get("allocated").asLong()).isEqualTo(200);
    assertThat(office.get("/api/v1/supplies/warehouses/" + warehouse + "/stock").json().get("lots").get(0)
        .get("onHand").asLong()).isEqualTo(800);

    String plate = SupplyFixtures.plate();
    LocalDate today = CityTime.today();
    String expired = SupplyFixtures.pass(api, plate, today.minusDays(10), today.minusDays(1));
    Map<String, Object> order = Map.of("vehiclePlate", plate, "driver", "李师傅", "driverPhone", "13900139000",
        "greenPassNumber", expired);
    Api.Answer refusedPass = SupplyFixtures.step(office, id, "dispatch", order);
    assertThat(refusedPass.status()).isEqualTo(409);
    assertThat(refusedPass.json().get("currentState").asString()).isEqualTo("EXPIRED");
    assertThat(refusedPass.json().get("detail").asString()).contains("EXPIRED");
    String otherPlatesPass = SupplyFixtures.pass(api, SupplyFixtures.plate(), today, today.plusDays(3));
    Api.Answer wrongVehicle = SupplyFixtures.step(office, id, "dispatch", Map.of("vehiclePlate", plate, "driver", "李师傅",
        "driverPhone", "13900139000", "greenPassNumber", otherPlatesPass));
    assertThat(wrongVehicle.status()).isEqualTo(400);
    String valid = SupplyFixtures.pass(api, plate, today, today.plusDays(3));
    JsonNode dispatched = SupplyFixtures.step(office, id, "dispatch", Map.of("vehiclePlate", plate, "driver", "李师傅",
        "driverPhone", "13900139000", "greenPassNumber", valid)).json();
    assertThat(dispatched.get("state").asString()).isEqualTo("DISPATCHED");
    assertThat(dispatched.get("dispatch").get("state").asString()).isEqualTo("DEPARTED");
    assertThat(dispatched.get("dispatch").get("greenPassNumber").asString()).isEqualTo(valid);

    Api.Answer overReceived = SupplyFixtures.step(district, id, "receive",
        Map.of("lines", List.of(Map.of("itemCode", item, "received", 201))));
    assertThat(overReceived.status()).isEqualTo(400);
    assertThat(overReceived.json().get("errors").get(0).get("field").asString()).isEqualTo("received");
    JsonNode received = SupplyFixtures.step(district, id, "receive",
        Map.of("lines", List.of(Map.of("itemCode", item, "received", 190)), "note", "破损10只")).json();
    assertThat(received.get("state").asString()).isEqualTo("RECEIVED_WITH_DISCREPANCY");
    assertThat(received.get("dispatch").get("state").asString()).isEqualTo("DELIVERED");
    assertThat(received.get("dispatch").get("discrepancyNote").asString()).isEqualTo("破损10只");
    assertThat(received.get("dispatch").get("receivedBy").asString()).isEqualTo("district");
    assertThat(SupplyFixtures.step(office, id, "close", null).json().get("state").asString()).isEqualTo("CLOSED");
    for (String illegal : List.of("submit", "approve", "allocate", "receive", "cancel", "close")) {
      Api.Answer refused = SupplyFixtures.step(office, id, illegal, Map.of("reason", "x", "warehouseCode", warehouse));
      assertThat(refused.status()).as(illegal).isEqualTo(409);
      assertThat(refused.json().get("currentState").asString()).as(illegal).isEqualTo("CLOSED");
    }
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SUPPLY_REQUEST' and subject_id = :n")
        .param("n", dispatched.get("number").asString()).query(Long.class).single()).as("created and 6 moves")
        .isEqualTo(7);
  }

  @Test
  void aFullReceiptIsReceivedARejectionNeedsAReasonAndOtherDivisionsAreNotFound() {
    String item = SupplyFixtures.item(api);
    String id = SupplyFixtures.draft(api.as("commander"), SupplyFixtures.OTHER_DISTRICT, "NORMAL", item, 5);
    assertThat(api.as("district").get("/api/v1/supplies/requests/" + id).status()).isEqualTo(404);
    assertThat(SupplyFixtures.step(api.as("district"), id, "submit", null).status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/supplies/requests").json().get("items").findValuesAsString("id"))
        .doesNotContain(id);
    assertThat(api.as("district").post("/api/v1/supplies/requests", Map.of("unitName", "x", "jurisdictionCode",
        SupplyFixtures.OTHER_DISTRICT, "priority", "HIGH", "purpose", "x",
        "lines", List.of(Map.of("itemCode", item, "quantity", 1)))).status()).isEqualTo(404);
    SupplyFixtures.step(api.as("commander"), id, "submit", null);
    Api.Answer noReason = SupplyFixtures.step(api.as("commander"), id, "reject", Map.of("reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    JsonNode rejected = SupplyFixtures.step(api.as("commander"), id, "reject", Map.of("reason", "库存另行调拨")).json();
    assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
    assertThat(rejected.get("reason").asString()).isEqualTo("库存另行调拨");

    String cancelled = SupplyFixtures.draft(api.as("district"), SupplyFixtures.DISTRICT, "NORMAL", item, 5);
    assertThat(SupplyFixtures.step(api.as("district"), cancelled, "cancel", null).json().get("state").asString())
        .isEqualTo("CANCELLED");
  }

  @Test
  void fiftyConcurrentAllocationsOfTheLastHundredUnitsIssueExactlyAHundred() throws Exception {
    String item = SupplyFixtures.item(api);
    String warehouse = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    SupplyFixtures.receive(api, warehouse, item, "LAST", 100, CityTime.today().plusDays(200));
    Api.Caller office = api.as("commander");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String id = SupplyFixtures.draft(office, SupplyFixtures.DISTRICT, "NORMAL", item, 4);
      SupplyFixtures.step(office, id, "submit", null);
      assertThat(SupplyFixtures.step(office, id, "approve", null).json().get("state").asString()).isEqualTo("APPROVED");
      ids.add(id);
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Api.Answer>> answers = new ArrayList<>();
    for (String id : ids) {
      Callable<Api.Answer> allocate = () -> SupplyFixtures.step(office, id, "allocate", Map.of("warehouseCode",
          warehouse));
      answers.add(pool.submit(allocate));
    }
    int ok = 0;
    int conflicts = 0;
    for (Future<Api.Answer> answer : answers) {
      Api.Answer a = answer.get();
      if (a.status() == 200) {
        ok++;
      } else {
        assertThat(a.status()).as(a.body()).isEqualTo(409);
        assertThat(a.json().get("detail").asString()).contains("现有");
        conflicts++;
      }
    }
    pool.shutdown();
    long issued = -jdbc.sql("select coalesce(sum(m.quantity), 0) from supply_stock_movement m join supply_stock_lot l"
        + " on l.id = m.lot_id where l.warehouse_code = :w and m.kind = 'ALLOCATION_OUT'").param("w", warehouse)
        .query(Long.class).single();
    long onHand = jdbc.sql("select on_hand from supply_stock_lot where warehouse_code = :w").param("w", warehouse)
        .query(Long.class).single();
    assertThat(issued).isEqualTo(100);
    assertThat(onHand).isZero();
    assertThat(ok).as("25 × 4 units").isEqualTo(25);
    assertThat(conflicts).isEqualTo(25);
    assertThat(jdbc.sql("select count(*) from supply_request where warehouse_code = :w and state = 'ALLOCATED'")
        .param("w", warehouse).query(Long.class).single()).isEqualTo(ok);
    assertThat(jdbc.sql("select coalesce(sum(allocated), 0) from supply_request_line l join supply_request r on"
        + " r.id = l.request_id where r.warehouse_code = :w").param("w", warehouse).query(Long.class).single())
        .isEqualTo(issued);
  }

  @Test
  void anUrgentRequestUnapprovedAfterAnHourReachesTheOfficeInboxOnce() {
    String item = SupplyFixtures.item(api);
    String id = SupplyFixtures.draft(api.as("district"), SupplyFixtures.DISTRICT, "URGENT", item, 10);
    JsonNode submitted = SupplyFixtures.step(api.as("district"), id, "submit", null).json();
    String number = submitted.get("number").asString();
    Instant at = Instant.parse(submitted.get("submittedAt").asString());
    deadlines.sweep(at.plus(Duration.ofMinutes(59)));
    assertThat(inbox("commander", number)).as("not overdue yet").isZero();
    deadlines.sweep(at.plus(Duration.ofMinutes(61)));
    deadlines.sweep(at.plus(Duration.ofMinutes(90)));
    assertThat(inbox("commander", number)).isEqualTo(1);
    assertThat(inbox("district", number)).as("the office's inbox, not the unit's").isZero();
    assertThat(api.as("commander").get("/api/v1/supplies/requests/" + id).json().get("overdue").asBoolean()).isFalse();
  }

  private long inbox(String username, String number) {
    return jdbc.sql("select count(*) from notification where recipient = :u and kind = 'SUPPLY_REQUEST_OVERDUE'"
        + " and title like :n").param("u", username).param("n", "%" + number + "%").query(Long.class).single();
  }
}
