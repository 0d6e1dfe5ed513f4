package org.epicommand.jurisdiction.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A boundary file as offices get them: a GeoJSON {@code FeatureCollection} (or one {@code Feature}),
 * or an ECharts map — the same JSON with compressed coordinates ({@code "UTF8Encoding": true}), bare or
 * inside the script that registers it ({@code echarts.registerMap('忻州', {...})}). Each feature is one
 * row: its position in the file (1 = the first feature), the division code it carries (the feature's
 * {@code id}, or a {@code code}, {@code adcode} or {@code division_code} property) and its name
 * ({@code name} or {@code NAME} property).
 */
public final class BoundaryFile {

  /** Reads the first JSON value and ignores what follows it (the rest of the registering script). */
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final List<String> CODE_PROPERTIES = List.of("code", "adcode", "division_code", "divisionCode");
  private static final List<String> NAME_PROPERTIES = List.of("name", "NAME", "Name");

  /** One feature; {@code scale} is set when its coordinates are ECharts-encoded. */
  public record Feature(int row, String code, String name, JsonNode geometry, Double scale) {}

  private BoundaryFile() {}

  /** The features of the file, or 400 on {@code file} when it is neither GeoJSON nor an ECharts map. */
  public static List<Feature> read(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    int start = text.indexOf('{');
    int registered = text.indexOf("registerMap(");
    if (registered >= 0) {
      start = text.indexOf('{', registered);
    }
    if (start < 0) {
      throw unreadable();
    }
    JsonNode root;
    try (JsonParser parser = JSON.createParser(text.substring(start))) {
      root = JSON.readTree(parser);
    } catch (JacksonException e) {
      throw unreadable();
    }
    if (root == null || !root.isObject()) {
      throw unreadable();
    }
    Double scale = root.path("UTF8Encoding").asBoolean(false)
        ? root.path("UTF8Scale").isNumber() ? root.path("UTF8Scale").asDouble() : EchartsEncoding.DEFAULT_SCALE
        : null;
    if (scale != null && !(scale > 0)) {
      throw unreadable();
    }
    List<JsonNode> features = new ArrayList<>();
    switch (root.path("type").asString("")) {
      case "FeatureCollection" -> root.path("features").forEach(features::add);
      case "Feature" -> features.add(root);
      default -> throw unreadable();
    }
    List<Feature> result = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      JsonNode feature = features.get(i);
      JsonNode properties = feature.path("properties");
      String code = text(feature.path("id"));
      for (String property : CODE_PROPERTIES) {
        code = code != null ? code : text(properties.path(property));
      }
      String name = null;
      for (String property : NAME_PROPERTIES) {
        name = name != null ? name : text(properties.path(property));
      }
      result.add(new Feature(i + 1, code, name, feature.get("geometry"), scale));
    }
    return result;
  }

  private static String text(JsonNode node) {
    if (node == null || !(node.isString() || node.isNumber())) {
      return null;
    }
    String value = node.asString().strip();
    return value.isEmpty() ? null : value;
  }

  private static ValidationFailure unreadable() {
    return new ValidationFailure(FieldProblem.of("file", "boundary.file"));
  }
}
