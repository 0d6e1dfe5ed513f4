package org.epicommand.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import tools.jackson.databind.JsonNode;

/** Plans on days no other test uses, visits started, findings recorded, and real image bytes. */
public final class SupervisionFixtures {

  /** The demo community user's unit (the first community of the first district). */
  public static final String COMMUNITY = DemoPlaces.COMMUNITY;
  /** A community of another district: the demo "community" user may not see it. */
  public static final String OTHER_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;
  /** Far-future days, one per plan of this JVM (one theme per day). */
  private static final AtomicInteger DAYS = new AtomicInteger(3_000 + new Random().nextInt(200_000));

  private SupervisionFixtures() {}

  public static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  public static LocalDate freshDay() {
    return today().plusDays(DAYS.incrementAndGet());
  }

  /** A plan of the inspector's on a fresh day; answers the plan. */
  public static JsonNode plan(Api api, String theme, String... targets) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", freshDay().toString());
    body.put("theme", theme);
    body.put("team", List.of("inspector"));
    body.put("targets", List.of(targets));
    Api.Answer answer = api.as("inspector").post("/api/v1/inspections/plans", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  /** A started visit to {@code unit}; answers its id. */
  public static String startedVisit(Api api, String unit) {
    String visitId = plan(api, "入户走访检查", unit).get("visits").get(0).get("id").asString();
    Api.Answer started = api.as("inspector").post("/api/v1/inspections/visits/" + visitId + "/start", "");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return visitId;
  }

  /** A problem found on a started visit to {@code unit}, in FOUND; answers its id. */
  public static String foundProblem(Api api, String unit, String description) {
    String visitId = startedVisit(api, unit);
    Api.Answer found = api.as("inspector").post("/api/v1/inspections/visits/" + visitId + "/findings",
        Map.of("category", "SCAN_AND_CHECK", "severity", "MAJOR", "description", description,
            "deadline", today().plusDays(5).toString()));
    assertThat(found.status()).as(found.body()).isEqualTo(201);
    return found.json().get("id").asString();
  }

  /** A problem assigned to {@code unit} with a deadline in five days; answers its id. */
  public static String assignedProblem(Api api, String unit, String description) {
    String id = foundProblem(api, unit, description);
    Api.Answer assigned = api.as("inspector").post("/api/v1/problems/" + id + "/assign", "{}");
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    return id;
  }

  /** A real PNG picture of the given colour. */
  public static byte[] png(Color color) {
    BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 160, 120);
    g.setColor(Color.WHITE);
    g.fillOval(50, 30, 60, 60);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
