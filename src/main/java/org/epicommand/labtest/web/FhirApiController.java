package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.labtest.internal.FhirResults;
import org.epicommand.shared.ApiAccessRule;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
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

  static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

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
    Boolean xml = xml(request.getContentType());
    if (xml == null) {
      return answer(results.unsupportedMediaType(request.getContentType()));
    }
    if (request.getContentLengthLong() > maxBytes) {
      return answer(results.tooLarge(maxBytes));
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (body.length > maxBytes) {
      return answer(results.tooLarge(maxBytes));
    }
    Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
        : charset(request.getCharacterEncoding());
    return answer(then.apply(new String(body, charset), xml));
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** True for FHIR XML, false for FHIR JSON, null for anything else. */
  static Boolean xml(String contentType) {
    MediaType type;
    try {
      type = contentType == null ? MediaType.APPLICATION_JSON : MediaType.parseMediaType(contentType);
    } catch (org.springframework.util.InvalidMimeTypeException e) {
      return null;
    }
    String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
    boolean application = type.getType().equalsIgnoreCase("application");
    if (application && (subtype.equals("fhir+json") || subtype.equals("json") || subtype.equals("json+fhir"))) {
      return false;
    }
    if ((application || type.getType().equalsIgnoreCase("text"))
        && (subtype.equals("fhir+xml") || subtype.equals("xml") || subtype.equals("xml+fhir"))) {
      return true;
    }
    return null;
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
