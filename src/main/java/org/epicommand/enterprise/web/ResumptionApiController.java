package org.epicommand.enterprise.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.enterprise.NewGate;
import org.epicommand.enterprise.ResumptionBoard;
import org.epicommand.enterprise.ResumptionGate;
import org.epicommand.enterprise.ResumptionGates;
import org.epicommand.enterprise.SectorReviewers;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.EntityBindingsApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/resumption}: the gates (the command office's decisions as data) and the board. */
@RestController
@RequestMapping("/api/v1/resumption")
@Tag(name = "Reopening")
class ResumptionApiController {

  private final ResumptionGates gates;
  private final ResumptionBoard board;

  ResumptionApiController(ResumptionGates gates, ResumptionBoard board) {
    this.gates = gates;
    this.board = board;
  }

  @Operation(summary = "The gates in force, latest day first (retired=true: lifted ones too)")
  @GetMapping("/gates")
  @PreAuthorize(ApplicationApiController.READ)
  List<ResumptionGate> gates(@RequestParam(required = false) Boolean retired) {
    return gates.list(Boolean.TRUE.equals(retired));
  }

  @Operation(summary = "Sets a gate: kind or sector × jurisdiction × cohort × not-before day, with exceptions")
  @PostMapping("/gates")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(ApplicationApiController.DECIDE)
  ResumptionGate create(@RequestBody NewGate request) {
    return gates.create(request);
  }

  @Operation(summary = "A gate")
  @GetMapping("/gates/{id}")
  @PreAuthorize(ApplicationApiController.READ)
  ResumptionGate gate(@PathVariable UUID id) {
    return gates.get(id);
  }

  @Operation(summary = "Lifts a gate; 409 when lifted already")
  @PostMapping("/gates/{id}/retire")
  @PreAuthorize(ApplicationApiController.DECIDE)
  ResumptionGate retire(@PathVariable UUID id) {
    return gates.retire(id);
  }

  @Operation(
      summary = "The board by sector × district: 复工率, 返岗率, schools opened per cohort, scenic visitors against their cap")
  @GetMapping("/board")
  @PreAuthorize(ApplicationApiController.READ)
  ResumptionBoard.Board board(@RequestParam(required = false) String jurisdiction) {
    return board.board(jurisdiction);
  }

  /** {@code /api/v1/resumption/sector-reviewers/{sector}}: the reviewers (SECTOR_REVIEWER) bound to a sector. */
  @RestController
  @RequestMapping("/api/v1/resumption/sector-reviewers/{entity}")
  @Tag(name = "Reopening")
  static class ReviewerApiController extends EntityBindingsApi {

    ReviewerApiController(SectorReviewers reviewers) {
      super(reviewers);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule sectorReviewersRule() {
      return new ApiAccessRule("/api/v1/resumption/sector-reviewers/**", "USER_ADMIN");
    }
  }
}
