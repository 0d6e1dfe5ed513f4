package org.epicommand.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.DivisionShape;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.jurisdiction.MapDetail;
import org.epicommand.jurisdiction.MapFeatures;
import org.epicommand.labtest.SamplingLoad;
import org.epicommand.lockdown.SealedArea;
import org.epicommand.lockdown.SealedAreas;
import org.epicommand.movement.Checkpoints;
import org.epicommand.movement.RiskAreas;
import org.epicommand.quarantine.QuarantineSite;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.quarantine.RoomState;
import org.epicommand.shared.RecordNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the command map draws over the choropleth, inside a division of the caller's jurisdiction: risk
 * areas in their level's colour (the area's own boundary when one was typed as GeoJSON, else its
 * division's), and the places — quarantine sites with their free and total rooms, sampling sites with
 * the persons sampled today, labs and checkpoints — and the declared and active sealed and controlled
 * areas (封控区/管控区) with their posts, open requests and staffing gaps. Places without coordinates are
 * counted, not drawn.
 * Public notices and places only: no personal data.
 */
@Service
@Transactional(readOnly = true)
public class MapOverlays {

  /** The colours of the risk levels, as the notices print them. */
  public static final Map<String, String> RISK_COLOURS = Map.of("HIGH", "#d7191c", "MEDIUM", "#f28e2b", "LOW",
      "#2b83ba");

  public enum PlaceKind { QUARANTINE_SITE, SAMPLING_SITE, LAB, CHECKPOINT }

  /**
   * A place on the map with its figures: rooms free and in all (quarantine sites), persons sampled today
   * and capacity per day (sampling sites, labs), the kind of checkpoint.
   */
  public record Place(PlaceKind kind, String code, String name, double lat, double lon, Map<String, Object> figures) {}

  /** The colours of sealed (封控区) and controlled (管控区) areas on the map. */
  public static final Map<String, String> SEALED_COLOURS = Map.of("SEALED", "#7b2cbf", "CONTROLLED", "#b5838d");

  /**
   * The overlays of one division; {@code sealedAreas}: the declared and active sealed and controlled
   * areas on their division's boundary; {@code unmapped}: what has nothing to draw it by.
   */
  public record Overlays(String code, MapFeatures.FeatureCollection riskAreas, List<Place> places,
      Map<String, Integer> unmapped, MapFeatures.FeatureCollection sealedAreas) {}

  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final DivisionBoundaries boundaries;
  private final RiskAreas riskAreas;
  private final QuarantineSites sites;
  private final SamplingLoad sampling;
  private final Checkpoints checkpoints;
  private final SealedAreas sealed;

  MapOverlays(CurrentUser currentUser, Jurisdictions jurisdictions, DivisionBoundaries boundaries, RiskAreas riskAreas,
      QuarantineSites sites, SamplingLoad sampling, Checkpoints checkpoints, SealedAreas sealed) {
    this.sealed = sealed;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.boundaries = boundaries;
    this.riskAreas = riskAreas;
    this.sites = sites;
    this.sampling = sampling;
    this.checkpoints = checkpoints;
  }

  /** The overlays inside {@code code} (the caller's jurisdiction when null; outside it 404). */
  public Overlays of(String code) {
    JurisdictionScope mine = currentUser.get().scope();
    Jurisdiction node = code == null || code.isBlank()
        ? jurisdictions.find(currentUser.get().jurisdictionCode()).orElseThrow(() -> new RecordNotFound("jurisdiction"))
        : jurisdictions.find(code.strip()).filter(j -> mine.contains(j.path()))
            .orElseThrow(() -> new RecordNotFound("jurisdiction"));
    JurisdictionScope scope = node.scope();
    Map<String, Integer> unmapped = new LinkedHashMap<>();
    MapFeatures.FeatureCollection areas = riskAreas(scope, unmapped);
    List<Place> places = new ArrayList<>();
    Map<String, String> paths = new HashMap<>();
    for (QuarantineSite site : sites.list(true)) {
      if (!inside(scope, site.jurisdictionCode(), paths)) {
        continue;
      }
      if (site.lat() == null) {
        unmapped.merge(PlaceKind.QUARANTINE_SITE.name(), 1, Integer::sum);
        continue;
      }
      int total = site.rooms().values().stream().mapToInt(Integer::intValue).sum();
      places.add(new Place(PlaceKind.QUARANTINE_SITE, site.code(), site.name(), site.lat(), site.lon(),
          Map.of("free", site.rooms().getOrDefault(RoomState.FREE, 0), "total", total)));
    }
    for (SamplingLoad.SiteToday site : sampling.sitesToday(scope)) {
      add(places, unmapped, PlaceKind.SAMPLING_SITE, site.code(), site.name(), site.latitude(), site.longitude(),
          figures("sampledToday", site.persons(), "capacityPerDay", site.capacityPerDay()));
    }
    for (SamplingLoad.LabPlace lab : sampling.labs(scope)) {
      add(places, unmapped, PlaceKind.LAB, lab.code(), lab.name(), lab.latitude(), lab.longitude(),
          figures("capacityPerDay", lab.capacityPerDay()));
    }
    for (Checkpoints.Checkpoint checkpoint : checkpoints.list(Checkpoints.State.ACTIVE)) {
      if (!inside(scope, checkpoint.jurisdictionCode(), paths)) {
        continue;
      }
      add(places, unmapped, PlaceKind.CHECKPOINT, checkpoint.code(), checkpoint.name(),
          checkpoint.lat() == null ? null : BigDecimal.valueOf(checkpoint.lat()),
          checkpoint.lon() == null ? null : BigDecimal.valueOf(checkpoint.lon()), figures("kind", checkpoint.kind()));
    }
    return new Overlays(node.code(), areas, places, unmapped, sealedAreas(scope, unmapped));
  }

  /** The declared and active sealed areas inside {@code scope}, on their division's boundary. */
  private MapFeatures.FeatureCollection sealedAreas(JurisdictionScope scope, Map<String, Integer> unmapped) {
    List<SealedArea> areas = sealed.forMap(scope);
    Map<String, DivisionShape> divisions = new HashMap<>();
    boundaries.shapesOf(areas.stream().map(SealedArea::jurisdictionCode).distinct().toList(), MapDetail.FINE)
        .forEach(shape -> divisions.put(shape.code(), shape));
    List<DivisionShape> drawn = new ArrayList<>();
    Map<String, SealedArea> byId = new HashMap<>();
    for (SealedArea area : areas) {
      DivisionShape division = divisions.get(area.jurisdictionCode());
      if (division == null) {
        unmapped.merge("SEALED_AREA", 1, Integer::sum);
        continue;
      }
      drawn.add(new DivisionShape(area.id().toString(), area.name(), division.level(), division.path(),
          division.geometry(), division.labelLat(), division.labelLon(), division.minLon(), division.minLat(),
          division.maxLon(), division.maxLat()));
      byId.put(area.id().toString(), area);
    }
    return MapFeatures.of(drawn, shape -> {
      SealedArea area = byId.get(shape.code());
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("kind", area.kind().name());
      properties.put("state", area.state().name());
      properties.put("colour", SEALED_COLOURS.get(area.kind().name()));
      properties.put("wholeDivision", area.buildings().isEmpty());
      properties.put("jurisdictionCode", area.jurisdictionCode());
      properties.put("posts", area.posts());
      properties.put("openRequests", area.openRequests());
      properties.put("gaps", area.gaps());
      return properties;
    });
  }

  /** The risk areas inside {@code scope}, drawn by their own boundary or their division's. */
  private MapFeatures.FeatureCollection riskAreas(JurisdictionScope scope, Map<String, Integer> unmapped) {
    List<RiskAreas.MappedArea> areas = riskAreas.forMap(scope);
    Map<String, DivisionShape> divisions = new HashMap<>();
    boundaries.shapesOf(areas.stream().map(RiskAreas.MappedArea::jurisdictionCode).distinct().toList(), MapDetail.FINE)
        .forEach(shape -> divisions.put(shape.code(), shape));
    List<DivisionShape> drawn = new ArrayList<>();
    Map<String, RiskAreas.MappedArea> byId = new HashMap<>();
    for (RiskAreas.MappedArea area : areas) {
      Optional<String> own = boundaries.areaGeoJson(area.boundary());
      DivisionShape division = divisions.get(area.jurisdictionCode());
      if (own.isEmpty() && division == null) {
        unmapped.merge("RISK_AREA", 1, Integer::sum);
        continue;
      }
      DivisionShape base = division != null ? division
          : new DivisionShape(area.jurisdictionCode(), null, null, area.jurisdictionPath(), null, 0, 0, 0, 0, 0, 0);
      drawn.add(new DivisionShape(area.id(), area.name(), base.level(), base.path(), own.orElse(base.geometry()),
          base.labelLat(), base.labelLon(), base.minLon(), base.minLat(), base.maxLon(), base.maxLat()));
      byId.put(area.id(), area);
    }
    return MapFeatures.of(drawn, shape -> {
      RiskAreas.MappedArea area = byId.get(shape.code());
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("riskLevel", area.level().name());
      properties.put("colour", RISK_COLOURS.get(area.level().name()));
      properties.put("jurisdictionCode", area.jurisdictionCode());
      properties.put("ownBoundary", boundaries.areaGeoJson(area.boundary()).isPresent());
      return properties;
    });
  }

  private boolean inside(JurisdictionScope scope, String code, Map<String, String> paths) {
    String path = paths.computeIfAbsent(code, c -> jurisdictions.find(c).map(Jurisdiction::path).orElse(""));
    return scope.contains(path);
  }

  private static void add(List<Place> places, Map<String, Integer> unmapped, PlaceKind kind, String code, String name,
      BigDecimal lat, BigDecimal lon, Map<String, Object> figures) {
    if (lat == null || lon == null) {
      unmapped.merge(kind.name(), 1, Integer::sum);
      return;
    }
    places.add(new Place(kind, code, name, lat.doubleValue(), lon.doubleValue(), figures));
  }

  private static Map<String, Object> figures(Object... pairs) {
    Map<String, Object> figures = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        figures.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return figures;
  }
}
