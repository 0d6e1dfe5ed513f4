package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.labtest.internal.FhirResults;
import org.epicommand.platform.FhirRequests;
import org.epicommand.shared.ApiAccessRule;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR R4 in: SARS-CoV-2 lab Observations, alone or in transaction/batch/collection Bundles, land as
 * tube results exactly like the {@code results} import. Bodies are FHIR JSON or FHIR XML
 * ({@code application/fhir+json}, {@code application/fhir+xml}, or plain JSON/XML), at most
 * {@code epicommand.labtest.fhir.max-bytes}. Answers are FHIR JSON ({@code application/fhir+json}):
 * an OperationOutcome, or a response Bundle for transaction and batch Bundles; invalid input → 400,
 * another media type → 415, a larger body → 413, each as an OperationOutcome.
 */
@RestController
@Tag(name = "Testing")
class FhirApiController {

  private final FhirResults results;
  private final long maxBytes;

  FhirApiController(FhirResults results,
      @Value("${epicommand.labtest.fhir.max-bytes:10485760}") long maxBytes) {
    this.results = results;
    this.maxBytes = maxBytes;
  }

  @Operation(summary = "One lab Observation (SARS-CoV-2 RNA, LOINC 94500-6 and related) in FHIR JSON or XML: "
      + "201 landed, 200 unchanged, 400/413/415 OperationOutcome")
  @PostMapping(path = "/api/v1/fhir/Observation")
  @PreAuthorize("hasAuthority('LAB_RESULT_WRITE')")
  ResponseEntity<String> observation(HttpServletRequest request) throws IOException {
    return read(request, results::observation);
  }

  @Operation(summary = "A transaction (all or nothing), batch or collection Bundle of lab Observations "
      + "(FHIR JSON or XML)")
  @PostMapping(path = "/api/v1/fhir")
  @PreAuthorize("hasAuthority('LAB_RESULT_WRITE')")
  ResponseEntity<String> bundle(HttpServletRequest request) throws IOException {
    return read(request, results::bundle);
  }

  /** Reads a bounded body of a FHIR media type and hands it on; 415 or 413 as an OperationOutcome otherwise. */
  private ResponseEntity<String> read(HttpServletRequest request, BiFunction<String, Boolean, FhirResults.Answer> then)
      throws IOException {
    Boolean xml = FhirRequests.xml(request.getContentType());
    if (xml == null) {
      return answer(results.unsupportedMediaType(request.getContentType()));
    }
    FhirRequests.Body body = FhirRequests.read(request, xml, maxBytes);
    return answer(body.text() == null ? results.tooLarge(maxBytes) : then.apply(body.text(), xml));
  }

  private static ResponseEntity<String> answer(FhirResults.Answer answer) {
    return ResponseEntity.status(answer.status()).contentType(FhirRequests.FHIR_JSON).body(answer.body());
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
