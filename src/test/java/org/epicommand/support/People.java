package org.epicommand.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.epicommand.person.ResidentIdNumber;
import tools.jackson.databind.JsonNode;

/**
 * The one way tests register persons: through {@code POST /api/v1/persons}, each with a document number drawn fresh
 * for this run, so that no two tests (nor the demo city) share a person by accident. A number already taken is
 * drawn again.
 *
 * <pre>{@code
 * String id = People.resident("张三", DemoPlaces.COMMUNITY).id(api);                  // resident ID, own address
 * String id = People.resident("李四", community).at("幸福路1号").by("cdc").id(api);    // a household at an address
 * String id = People.passportHolder("Anna", community).id(api);                       // a passport, no address
 * }</pre>
 */
public final class People {

  /** Birth region of the numbers drawn here (济源, Henan): no demo person is born there. */
  public static final String REGION = "419041";
  private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));
  private static final LocalDate FIRST_BIRTH = LocalDate.of(1950, 1, 1);

  private People() {}

  /** A valid resident ID number (GB 11643) of a region, a birth day and a sequence number (0–999). */
  public static String validId(String region, String birth, int sequence) {
    String first17 = region + birth + String.format("%03d", sequence);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** A fresh valid resident ID number, born between 1950 and 2004 (the birth days spread over those years). */
  public static String residentId() {
    int n = SEQUENCE.getAndIncrement();
    // 7,919 is prime to 20,000: each block of 900 numbers gets a birth day of its own
    LocalDate birth = FIRST_BIRTH.plusDays((long) (n / 900) * 7_919 % 20_000);
    return validId(REGION, birth.toString().replace("-", ""), n % 900 + 100);
  }

  /** A fresh valid resident ID number of someone born on {@code birth} in {@code region}. */
  public static String residentId(String region, LocalDate birth) {
    return validId(region, birth.toString().replace("-", ""), SEQUENCE.getAndIncrement() % 900 + 100);
  }

  /** A fresh passport number. */
  public static String passport() {
    return String.format("PT%08d", SEQUENCE.getAndIncrement());
  }

  /** The body of a registration: a resident ID card, a mobile phone, an address; change what the test needs. */
  public static Map<String, Object> body(String name, String idNumber, String division) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("idType", "RESIDENT_ID");
    body.put("idNumber", idNumber);
    body.put("phone", "13912345678");
    body.put("address", "测试路1号");
    body.put("jurisdictionCode", division);
    return body;
  }

  /** A resident with a resident ID card and an address of their own (a household of one), registered by commander. */
  public static Registration resident(String name, String division) {
    return new Registration(name, division, "测试路" + SEQUENCE.getAndIncrement() + "号", "RESIDENT_ID",
        People::residentId, "13912345678", "commander");
  }

  /** A passport holder without an address or phone, registered by commander. */
  public static Registration passportHolder(String name, String division) {
    return new Registration(name, division, null, "PASSPORT", People::passport, null, "commander");
  }

  /** A registration to make: who, where, with which document, by whom. */
  public record Registration(String name, String division, String address, String idType, Supplier<String> numbers,
      String phone, String username) {

    /** At {@code address} (persons at one address form a household; null for none). */
    public Registration at(String newAddress) {
      return new Registration(name, division, newAddress, idType, numbers, phone, username);
    }

    /** Registered by {@code user} instead (the division must lie in their jurisdiction). */
    public Registration by(String user) {
      return new Registration(name, division, address, idType, numbers, phone, user);
    }

    /** With this mobile number (null for none). */
    public Registration phone(String number) {
      return new Registration(name, division, address, idType, numbers, number, username);
    }

    /** With document numbers from {@code source} (for example of a given birth day). */
    public Registration numbered(Supplier<String> source) {
      return new Registration(name, division, address, idType, source, phone, username);
    }

    /** Registers the person; the person as the API answers it ({@code id}, {@code idNumber}, {@code householdId}). */
    public JsonNode register(Api api) {
      for (int attempt = 0; attempt < 20; attempt++) {
        Map<String, Object> body = body(name, numbers.get(), division);
        body.put("idType", idType);
        body.put("address", address);
        body.put("phone", phone);
        Api.Answer answer = api.as(username).post("/api/v1/persons", body);
        if (answer.status() != 409) {
          assertThat(answer.status()).as(answer.body()).isEqualTo(201);
          return answer.json();
        }
      }
      throw new AssertionError("twenty document numbers in a row were taken");
    }

    /** Registers the person; their id. */
    public String id(Api api) {
      return register(api).get("id").asString();
    }
  }
}
