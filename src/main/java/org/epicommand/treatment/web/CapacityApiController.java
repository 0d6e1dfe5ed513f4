package org.epicommand.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.analytics.Projections;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.treatment.CapacityBoard;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Beds now ({@code /api/v1/treatment/board}) and against the SEIR projection ({@code /api/v1/treatment/capacity-gap}).
 * */
@RestController
@Tag(name = "Treatment")
class CapacityApiController {

  static final String READ = "hasAnyAuthority('TREATMENT_READ', 'DASHBOARD_READ')";

  private final CapacityBoard board;

  CapacityApiController(CapacityBoard board) {
    this.board = board;
  }

  @Operation(
      summary = "Beds in service and occupied in active hospitals, standby beds, hospitals at or above the alert share")
  @GetMapping("/api/v1/treatment/board")
  @PreAuthorize(READ)
  CapacityBoard.Totals totals(@RequestParam(required = false) String jurisdiction) {
    return board.totals(jurisdiction);
  }

  @Operation(
      summary = "The projection's beds against active and activatable beds: the gap and the day it opens (parameters as /api/v1/analytics/projection)")
  @GetMapping("/api/v1/treatment/capacity-gap")
  @PreAuthorize(READ)
  CapacityBoard.Gap gap(@ParameterObject Projections.Request request) {
    return board.gap(request);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule treatmentBoardRule() {
      return new ApiAccessRule("/api/v1/treatment/board", "TREATMENT_READ|DASHBOARD_READ");
    }

    @Bean
    ApiAccessRule capacityGapRule() {
      return new ApiAccessRule("/api/v1/treatment/capacity-gap", "TREATMENT_READ|DASHBOARD_READ");
    }
  }
}
