package org.epicommand.tipoff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.tipoff.ConcealmentCase;
import org.epicommand.tipoff.ConcealmentCases;
import org.epicommand.tipoff.ReferralEvidence;
import org.epicommand.tipoff.TipOff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Concealment cases, the tip-off office's ({@code /api/v1/concealment-cases}). */
@RestController
@Tag(name = "Tip-offs")
@PreAuthorize(TipOffApiController.MANAGE)
class ConcealmentApiController {

  private final ConcealmentCases cases;
  private final ReferralEvidence evidence;

  ConcealmentApiController(ConcealmentCases cases, ReferralEvidence evidence) {
    this.cases = cases;
    this.evidence = evidence;
  }

  @Operation(summary = "Concealment cases of the caller's jurisdiction (narrowed to a division), newest first; state"
      + " ACTIVE (default: open, referred or decided), one state or ALL (audited)")
  @GetMapping("/api/v1/concealment-cases")
  PageResult<ConcealmentCase> list(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return cases.list(jurisdiction, state, Paging.of(page, size));
  }

  @Operation(summary = "Opens a case (OPEN): a registry person (personId) or a name (subjectName), what was"
      + " concealed, the division, the evidence and where it came from")
  @PostMapping("/api/v1/concealment-cases")
  @ResponseStatus(HttpStatus.CREATED)
  ConcealmentCase open(@RequestBody(required = false) ConcealmentCase.New request) {
    return cases.open(request);
  }

  @Operation(summary = "A case with its evidence's files (audited); 404 outside the caller's jurisdiction")
  @GetMapping("/api/v1/concealment-cases/{id}")
  ConcealmentCase get(@PathVariable UUID id) {
    return cases.get(id);
  }

  @Operation(summary = "OPEN → REFERRED to an authority, with the legal basis as entered")
  @PostMapping("/api/v1/concealment-cases/{id}/referral")
  ConcealmentCase refer(@PathVariable UUID id, @RequestBody(required = false) ConcealmentCase.Referral request) {
    return cases.refer(id, request);
  }

  @Operation(summary = "The authority's decision: REFERRED → DECIDED")
  @PostMapping("/api/v1/concealment-cases/{id}/decision")
  ConcealmentCase decide(@PathVariable UUID id, @RequestBody(required = false) TipOff.Decision request) {
    return cases.decide(id, request);
  }

  @Operation(summary = "DECIDED → CLOSED; OPEN → CLOSED without referral, with the reason (note)")
  @PostMapping("/api/v1/concealment-cases/{id}/close")
  ConcealmentCase close(@PathVariable UUID id, @RequestBody(required = false) ConcealmentCase.Closing request) {
    return cases.close(id, request);
  }

  @Operation(summary = "Adds a file to the case's evidence: PDF, JPEG, PNG or WebP by content (415), at most 10 MB"
      + " (413); 409 once decided")
  @PostMapping(path = "/api/v1/concealment-cases/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  TipOff.EvidenceFile addFile(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    return evidence.addToCase(id, file == null ? null : file.getOriginalFilename(),
        file == null ? null : file.getInputStream());
  }

  @Operation(summary = "A file of the case's evidence (audited), offered as a download")
  @GetMapping("/api/v1/concealment-cases/{id}/files/{fileId}")
  ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable UUID fileId) {
    return TipOffApiController.download(evidence.fileOfCase(id, fileId));
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule concealmentAccessRule() {
      return new ApiAccessRule("/api/v1/concealment-cases/**", "TIPOFF_MANAGE");
    }
  }
}
