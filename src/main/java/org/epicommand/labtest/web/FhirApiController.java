package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.labtest.internal.FhirResults;
import org.epicommand.shared.ApiAccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR R4 in: SARS-CoV-2 lab Observations, alone or in transaction/batch/collection Bundles, land as
 * tube results exactly like the {@code results} import. Answers are FHIR JSON ({@code application/fhir+json}):
 * an OperationOutcome, or a response Bundle for transaction and batch Bundles; invalid input → 400
 * OperationOutcome.
 */
@RestController
@Tag(name = "Testing")
class FhirApiController {

  static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

  private final FhirResults results;

  FhirApiController(FhirResults results) {
    this.results = results;
  }

  @Operation(summary = "One lab Observation (SARS-CoV-2 RNA, LOINC 94500-6 and related): 201 landed,"
      + " 200 unchanged, 400 OperationOutcome")
  @PostMapping(path = "/api/v1/fhir/Observation", consumes = {"application/fhir+json", "application/json"})
  @PreAuthorize("hasAuthority('LAB_RESULT_WRITE')")
  ResponseEntity<String> observation(@RequestBody(required = false) String body) {
    return answer(results.observation(body));
  }

  @Operation(summary = "A transaction (all or nothing), batch or collection Bundle of lab Observations")
  @PostMapping(path = "/api/v1/fhir", consumes = {"application/fhir+json", "application/json"})
  @PreAuthorize("hasAuthority('LAB_RESULT_WRITE')")
  ResponseEntity<String> bundle(@RequestBody(required = false) String body) {
    return answer(results.bundle(body));
  }

  private static ResponseEntity<String> answer(FhirResults.Answer answer) {
    return ResponseEntity.status(answer.status()).contentType(FHIR_JSON).body(answer.body());
  }

  /** URL-level rules: 403 before the body is read. */
  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule fhirRule() {
      return new ApiAccessRule("/api/v1/fhir", "LAB_RESULT_WRITE");
    }

    @Bean
    ApiAccessRule fhirResourcesRule() {
      return new ApiAccessRule("/api/v1/fhir/**", "LAB_RESULT_WRITE");
    }
  }
}
