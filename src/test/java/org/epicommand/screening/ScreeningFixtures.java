package org.epicommand.screening;

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

/** Households of the screening tests (resident ID region 419011, used by no other test), rounds and look-ups. */
public final class ScreeningFixtures {

  public static final String COMMUNITY = DemoPlaces.COMMUNITY;
  public static final String STREET = DemoPlaces.STREET;
  private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 700));

  private ScreeningFixtures() {}

  /** A fresh valid resident ID number (born in January 1960). */
  public static String residentId() {
    return People.residentId("419011", LocalDate.of(1960, 1, 1 + SEQUENCE.incrementAndGet() % 28));
  }

  /** Registers a person at {@code address} in the community (their household); returns the person id. */
  public static String resident(Api api, String name, String address) {
    return People.resident(name, COMMUNITY).at(address).numbered(ScreeningFixtures::residentId).id(api);
  }

  /** A round over the community, launched by the district and started; returns its id. */
  public static String runningRound(Api api, String name) {
    return runningRound(api, name, List.of("HOUSEHOLDS"));
  }

  /** A round over the community with these targets, launched by the district and started; returns its id. */
  public static String runningRound(Api api, String name, List<String> targets) {
    Map<String, Object> round = new HashMap<>();
    round.put("targets", targets);
    round.put("name", name);
    round.put("scopeCodes", List.of(COMMUNITY));
    round.put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString());
    round.put("endsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).toString());
    Api.Answer created = api.as("district").post("/api/v1/screening/rounds", round);
    if (created.status() != 201) {
      throw new AssertionError(created.body());
    }
    String id = created.json().get("id").asString();
    Api.Answer started = api.as("district").post("/api/v1/screening/rounds/" + id + "/start", "");
    if (started.status() != 200) {
      throw new AssertionError(started.body());
    }
    return id;
  }

  /** The round's household at {@code address}, as the worker's list shows it. */
  public static JsonNode household(Api api, String roundId, String address) {
    return api.as("community").get("/api/v1/screening/rounds/" + roundId + "/households?size=500&jurisdiction="
        + COMMUNITY).json().get("items").valueStream().filter(h -> h.get("address").asString().equals(address))
        .findFirst().orElseThrow(() -> new AssertionError("no household at " + address));
  }
}
