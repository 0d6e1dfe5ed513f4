package org.epicommand.jurisdiction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Division shapes as a GeoJSON {@code FeatureCollection} (RFC 7946), the form ECharts'
 * {@code registerMap} takes: each feature's {@code id} is the division code, its {@code properties}
 * carry the {@code code} again (ECharts names regions by a property), {@code name}, {@code level}, the label point
 * ({@code cp}, longitude first, as ECharts maps do)
 * and whatever the caller adds (counts of a map layer). {@code bbox} is the extent of all features.
 */
public final class MapFeatures {

  private MapFeatures() {}

  @JsonPropertyOrder({"type", "id", "properties", "geometry"})
  public record Feature(String type, String id, Map<String, Object> properties, @JsonRawValue String geometry) {}

  @JsonPropertyOrder({"type", "bbox", "features"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FeatureCollection(String type, double[] bbox, List<Feature> features) {}

  /** The shapes as features, each with the properties {@code extra} gives it after the standard ones. */
  public static FeatureCollection of(List<DivisionShape> shapes, Function<DivisionShape, Map<String, Object>> extra) {
    double[] bbox = shapes.isEmpty() ? null : new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        -Double.MAX_VALUE};
    List<Feature> features = shapes.stream().map(shape -> {
      bbox[0] = Math.min(bbox[0], shape.minLon());
      bbox[1] = Math.min(bbox[1], shape.minLat());
      bbox[2] = Math.max(bbox[2], shape.maxLon());
      bbox[3] = Math.max(bbox[3], shape.maxLat());
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("code", shape.code());
      properties.put("name", shape.name());
      properties.put("level", shape.level());
      properties.put("cp", new double[] {round(shape.labelLon()), round(shape.labelLat())});
      properties.putAll(extra.apply(shape));
      return new Feature("Feature", shape.code(), properties, shape.geometry());
    }).toList();
    return new FeatureCollection("FeatureCollection", bbox, features);
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e5) / 1e5;
  }
}
