package org.epicommand.lockdown;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.People;
import tools.jackson.databind.JsonNode;

/** Areas, residents and pool members of the sealed-area tests (resident ID region 419021, used by no other test). */
public final class LockdownFixtures {

  public static final String COMMUNITY = DemoPlaces.COMMUNITY;
  public static final String NEIGHBOUR = DemoPlaces.NEIGHBOUR;
  public static final String STREET = DemoPlaces.STREET;
  public static final String OTHER_DISTRICT_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;
  private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 700));

  private LockdownFixtures() {}

  /** Registers a person (born in January 1960) at {@code address} in {@code community}; their household id. */
  public static String household(Api api, String name, String address, String community) {
    return People.resident(name, community).at(address).numbered(() -> People.residentId("419021",
        LocalDate.of(1960, 1, 1 + SEQUENCE.incrementAndGet() % 28))).register(api).get("householdId").asString();
  }

  /** A unique mobile number for the pool. */
  public static String phone() {
    return "139" + String.format("%08d", (System.nanoTime() / 1000 + SEQUENCE.incrementAndGet()) % 100_000_000);
  }

  /** An area declared by the commander on {@code community} (ACTIVE when {@code active}); its JSON. */
  public static JsonNode area(Api api, String name, String community, boolean active) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name + System.nanoTime() % 100_000);
    body.put("kind", "SEALED");
    body.put("jurisdictionCode", community);
    body.put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString());
    Api.Answer declared = api.as("commander").post("/api/v1/lockdown/areas", body);
    if (declared.status() != 201) {
      throw new AssertionError(declared.body());
    }
    if (!active) {
      return declared.json();
    }
    Api.Answer activated = api.as("commander").post("/api/v1/lockdown/areas/" + declared.json().get("id").asString()
        + "/activate", "");
    if (activated.status() != 200) {
      throw new AssertionError(activated.body());
    }
    return activated.json();
  }

  /** A person of the pool registered by the community worker; their id. */
  public static String worker(Api api, String name) {
    Api.Answer answer = api.as("community").post("/api/v1/lockdown/workers", Map.of("name", name, "phone", phone(),
        "source", "VOLUNTEER", "availableFrom", OffsetDateTime.now(ZoneOffset.ofHours(8)).toLocalDate().toString()));
    if (answer.status() != 201) {
      throw new AssertionError(answer.body());
    }
    return answer.json().get("id").asString();
  }

  /** The fields of a 400 answer. */
  public static List<String> fields(Api.Answer answer) {
    if (answer.status() != 400) {
      throw new AssertionError(answer.status() + " " + answer.body());
    }
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }
}
