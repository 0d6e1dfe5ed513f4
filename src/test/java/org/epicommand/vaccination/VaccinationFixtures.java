package org.epicommand.vaccination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.People;

/** Persons, sites and vaccinators for the vaccination tests, made through the API as the pages would. */
final class VaccinationFixtures {

  static final String COMMUNITY = DemoPlaces.COMMUNITY;
  static final String OTHER_DISTRICT_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;
  /** A region code of its own (Haikou, Hainan), so that no other test's document numbers collide with these. */
  private static final String REGION = "460105";
  private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 400));

  private VaccinationFixtures() {}

  /** A registered person: id and resident ID number. */
  record Registered(String id, String idNumber, String name) {}

  static Registered person(Api api, LocalDate birth, String community) {
    for (int attempt = 0; attempt < 50; attempt++) {
      String idNumber = People.validId(REGION, birth.toString().replace("-", ""),
          SEQUENCE.getAndIncrement() % 900 + 100);
      String name = "接种" + idNumber.substring(14);
      Api.Answer created = api.as("commander").post("/api/v1/persons", People.body(name, idNumber, community));
      if (created.status() == 201) {
        return new Registered(created.json().get("id").asString(), idNumber, name);
      }
      assertThat(created.status()).as(created.body()).isEqualTo(409);
    }
    throw new IllegalStateException("no free document number");
  }

  static String unique(String prefix) {
    return prefix + Long.toString(System.nanoTime() % 10_000_000_000L, 36).toUpperCase();
  }

  /** A vaccination site in {@code community}, created by the command office. */
  static String site(Api api, String community) {
    String code = unique("VS");
    Api.Answer created = api.as("commander").post("/api/v1/vaccination/sites", Map.of("code", code, "name",
        "测试接种点" + code, "jurisdictionCode", community));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  static Map<String, Object> dose(String personId, int number, String product, LocalDate date, String site) {
    return Map.of("personId", personId, "doseNumber", number, "productCode", product, "batch", "B" + number,
        "date", date.toString(), "siteCode", site);
  }
}
