package org.epicommand.movement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.support.DemoPlaces;

/** Unique resident ID numbers (birth region 419008, used only by the movement tests) and request bodies. */
public final class MovementFixtures {

  public static final String COMMUNITY = DemoPlaces.COMMUNITY;
  public static final String OTHER_DISTRICT_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;
  private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400_000));

  private MovementFixtures() {}

  /** A fresh valid resident ID number. */
  public static String residentId() {
    int n = SEQUENCE.incrementAndGet();
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n / 900 % 20_000);
    String first17 = "419008" + birth.toString().replace("-", "") + String.format("%03d", n % 900 + 100);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  public static Map<String, Object> arrival(String name, String idNumber, String destination, LocalDate day) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("idType", "RESIDENT_ID");
    body.put("idNumber", idNumber);
    body.put("phone", "13800138000");
    body.put("address", "返乡路8号");
    body.put("destinationCode", destination);
    body.put("originRegion", "外省某市");
    body.put("route", "G123 次列车");
    body.put("arrivalDate", day.toString());
    return body;
  }
}
