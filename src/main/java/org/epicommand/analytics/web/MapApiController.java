package org.epicommand.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.analytics.BigScreen;
import org.epicommand.analytics.MapLayers;
import org.epicommand.analytics.MapOverlays;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command map and the big screen as JSON, inside the caller's jurisdiction, counts only: the same
 * handlers answer the API ({@code /api/v1/…}, HTTP Basic) and the pages' scripts ({@code /maps/…},
 * {@code /screen/data}, the signed-in session).
 */
@RestController
@Tag(name = "Analytics")
class MapApiController {

  private final MapLayers maps;
  private final MapOverlays overlays;
  private final BigScreen screen;

  MapApiController(MapLayers maps, MapOverlays overlays, BigScreen screen) {
    this.maps = maps;
    this.overlays = overlays;
    this.screen = screen;
  }

  @Operation(summary = "A division's districts, streets or communities as GeoJSON with new cases, cases under"
      + " treatment, persons under management and test coverage; shared=true hides community counts below 5;"
      + " layer=vaccination adds each area's vaccination coverage of ageBand (default AGE_80_PLUS) and measure"
      + " (default FIRST_DOSE) with the target")
  @GetMapping({"/api/v1/maps/areas", "/maps/areas"})
  @PreAuthorize("hasAnyAuthority('DASHBOARD_READ', 'SCREEN_READ')")
  MapLayers.AreaMap areas(@RequestParam(required = false) String parent,
      @RequestParam(required = false) JurisdictionLevel level, @RequestParam(required = false) Integer days,
      @RequestParam(defaultValue = "false") boolean shared, @RequestParam(required = false) String layer,
      @RequestParam(required = false) String ageBand, @RequestParam(required = false) String measure) {
    if (layer != null && !layer.isBlank() && !"vaccination".equals(layer.strip())) {
      throw new ValidationFailure(FieldProblem.of("layer", "map.layer"));
    }
    return maps.areas(parent, level, days, shared, layer == null || layer.isBlank() ? null
        : new MapLayers.VaccinationChoice(ageBand, measure));
  }

  @Operation(summary = "Risk areas in their level's colour and the places (quarantine sites with free rooms,"
      + " sampling sites with today's persons, labs, checkpoints) inside a division")
  @GetMapping({"/api/v1/maps/overlays", "/maps/overlays"})
  @PreAuthorize("hasAnyAuthority('DASHBOARD_READ', 'SCREEN_READ')")
  MapOverlays.Overlays overlays(@RequestParam(required = false) String parent) {
    return overlays.of(parent);
  }

  @Operation(summary = "The big screen's figures, map and rotating focus in one request")
  @GetMapping({"/api/v1/screen", "/screen/data"})
  @PreAuthorize("hasAuthority('SCREEN_READ')")
  BigScreen.ScreenView screen() {
    return screen.view();
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule mapApiRule() {
      return new ApiAccessRule("/api/v1/maps/**", "DASHBOARD_READ|SCREEN_READ");
    }

    @Bean
    ApiAccessRule screenApiRule() {
      return new ApiAccessRule("/api/v1/screen", "SCREEN_READ");
    }
  }
}
