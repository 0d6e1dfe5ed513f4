package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;

/** Items, warehouses, stock, requests and passes for supplies tests, made through the API with codes no other test
 * uses. */
final class SupplyFixtures {

  static final String DISTRICT = DemoPlaces.DISTRICT;
  static final String OTHER_DISTRICT = DemoPlaces.OTHER_DISTRICT;
  static final String KEEPER_PASSWORD = "Keeper12345";
  private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));

  private SupplyFixtures() {}

  static String code(String prefix) {
    return prefix + "-" + NEXT.incrementAndGet();
  }

  static Map<String, Object> item(String code, String unit) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("nameZh", "医用防护口罩 " + code);
    body.put("nameEn", "Medical protective mask " + code);
    body.put("category", "MASK_N95");
    body.put("unit", unit);
    body.put("standard", "GB 19083");
    body.put("shelfLifeDays", 1095);
    return body;
  }

  /** A new item (as commander); its code. */
  static String item(Api api) {
    String code = code("N95");
    Api.Answer created = api.as("commander").post("/api/v1/supplies/items", item(code, "只"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  /** A new warehouse in the division (as commander); its code. */
  static String warehouse(Api api, String jurisdiction, String kind) {
    String code = code("WH");
    Api.Answer created = api.as("commander").post("/api/v1/supplies/warehouses", Map.of("code", code,
        "name", "储备库 " + code, "kind", kind, "jurisdictionCode", jurisdiction));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  static Map<String, Object> movement(String operation, String warehouse, String item, String batch, long quantity) {
    Map<String, Object> body = new HashMap<>();
    body.put("operation", operation);
    body.put("warehouseCode", warehouse);
    body.put("itemCode", item);
    body.put("batchNo", batch);
    body.put("quantity", quantity);
    return body;
  }

  /** Receives a batch expiring on the date (as commander). */
  static void receive(Api api, String warehouse, String item, String batch, long quantity, LocalDate expiry) {
    Map<String, Object> body = movement("RECEIPT", warehouse, item, batch, quantity);
    body.put("expiryDate", expiry.toString());
    Api.Answer received = api.as("commander").post("/api/v1/supplies/movements", body);
    assertThat(received.status()).as(received.body()).isEqualTo(201);
  }

  /** A new keeper account bound to the warehouse; its username. */
  static String keeper(Api api, String warehouse, String jurisdiction) {
    String username = "keeper" + NEXT.incrementAndGet();
    Api.Answer user = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", KEEPER_PASSWORD,
        "roles", List.of("WAREHOUSE_OPERATOR"), "jurisdictionCode", jurisdiction));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    Api.Answer bound = api.as("admin").post("/api/v1/supplies/warehouse-keepers/" + warehouse,
        Map.of("username", username));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    return username;
  }

  /** A new member of the city's supplies group (SUPPLIES_OFFICER); its username. */
  static String officer(Api api) {
    String username = "supplies" + NEXT.incrementAndGet();
    Api.Answer user = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", KEEPER_PASSWORD,
        "roles", List.of("SUPPLIES_OFFICER"), "jurisdictionCode", DemoPlaces.CITY));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return username;
  }

  /** A drafted request of the caller for the item; its id. */
  static String draft(Api.Caller caller, String jurisdiction, String priority, String item, long quantity) {
    Api.Answer created = caller.post("/api/v1/supplies/requests", Map.of("unitName", "东湖区指挥部",
        "jurisdictionCode", jurisdiction, "priority", priority, "purpose", "社区封控防护",
        "lines", List.of(Map.of("itemCode", item, "quantity", quantity))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  static Api.Answer step(Api.Caller caller, String id, String step, Object body) {
    return caller.post("/api/v1/supplies/requests/" + id + "/" + step, body == null ? "{}" : body);
  }

  /** A fresh plate of the form 浙A12345. */
  static String plate() {
    return String.format("浙A%05d", NEXT.incrementAndGet() % 100_000);
  }

  /** A green pass issued for the plate (as commander); its number. */
  static String pass(Api api, String plate, LocalDate from, LocalDate to) {
    Api.Answer issued = api.as("commander").post("/api/v1/green-passes", Map.of("plate", plate, "cargo", "防护物资",
        "validFrom", from.toString(), "validTo", to.toString()));
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    return issued.json().get("passNumber").asString();
  }
}
