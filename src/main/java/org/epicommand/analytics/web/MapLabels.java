package org.epicommand.analytics.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.analytics.MapOverlays;
import org.epicommand.platform.FormMessages;
import org.epicommand.quarantine.RiskLevel;
import tools.jackson.databind.json.JsonMapper;

/** The words the map's script writes (legend, tooltips, notes), in the user's language, as JSON. */
final class MapLabels {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> METRICS = List.of("newCases", "activeCases", "managed", "coverage", "vaccination");

  private MapLabels() {}

  static String json(FormMessages forms) {
    return JSON.writeValueAsString(labels(forms));
  }

  /** The map's words and the big screen's ({@code screen.*} keys named in the page's script). */
  static String screenJson(FormMessages forms) {
    Map<String, String> labels = labels(forms);
    for (String key : List.of("societyZero", "societyNotZero", "asOf", "focus", "noFocus")) {
      labels.put(key, forms.text("screen.js." + key));
    }
    return JSON.writeValueAsString(labels);
  }

  private static Map<String, String> labels(FormMessages forms) {
    Map<String, String> labels = new LinkedHashMap<>();
    METRICS.forEach(m -> labels.put("metric." + m, forms.text("map.metric." + m)));
    for (MapOverlays.PlaceKind kind : MapOverlays.PlaceKind.values()) {
      labels.put("place." + kind, forms.text("map.place." + kind));
    }
    for (RiskLevel level : RiskLevel.values()) {
      labels.put("risk." + level, forms.text("map.risk." + level));
    }
    for (String key : List.of("riskAreas", "rooms", "sampledToday", "capacity", "small", "noData", "loading", "failed",
        "withoutBoundary", "campaign", "noCampaign", "vaccinationTarget", "vaccinationNoTarget",
        "vaccinationReached", "sealedAreas", "sealedFigures", "sealed.SEALED", "sealed.CONTROLLED", "sealed.DECLARED",
        "sealed.ACTIVE")) {
      labels.put(key, forms.text("map." + key));
    }
    return labels;
  }
}
