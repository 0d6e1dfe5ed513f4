package org.epicommand.tracing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.tracing.CaseSequence;
import org.epicommand.tracing.CaseSequences;
import org.epicommand.tracing.NewCaseSequence;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/cases/{id}/sequence}: a case's sequencing (溯源), shown on its chain's page. */
@RestController
@RequestMapping("/api/v1/cases/{id}/sequence")
@Tag(name = "Tracing")
class CaseSequenceApiController {

  private final CaseSequences sequences;

  CaseSequenceApiController(CaseSequences sequences) {
    this.sequences = sequences;
  }

  @Operation(summary = "The case's sequencing (404 outside the jurisdiction or not sequenced)")
  @GetMapping
  @PreAuthorize("hasAuthority('CASE_READ')")
  CaseSequence get(@PathVariable UUID id) {
    return sequences.get(id);
  }

  @Operation(summary = "Stores or corrects it: lineage (≤ 40, else 400), clade, lab, reportedAt, relatedCluster; 404")
  @PutMapping
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  CaseSequence put(@PathVariable UUID id, @RequestBody NewCaseSequence request) {
    return sequences.put(id, request);
  }
}
