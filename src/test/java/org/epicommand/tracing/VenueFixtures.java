package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;

/** Callers for venue tests: an epidemiologist of the second district, to whom the first lies outside. */
public final class VenueFixtures {

  public static final String PASSWORD = "venue-district-2026";

  private VenueFixtures() {}

  /** A new EPIDEMIOLOGIST account of district 990102 (password {@link #PASSWORD}); its username. */
  public static String otherDistrictEpidemiologist(Api api) {
    String username = "venue_epi_" + UUID.randomUUID().toString().substring(0, 6);
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of("EPIDEMIOLOGIST"), "jurisdictionCode", DemoPlaces.OTHER_DISTRICT));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return username;
  }
}
