package org.epicommand.vaccination.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.function.BiFunction;
import org.epicommand.platform.FhirRequests;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.vaccination.internal.FhirAnswers;
import org.epicommand.vaccination.internal.FhirImmunizations;
import org.epicommand.vaccination.internal.VaccinationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR R4 in: COVID-19 Immunizations (CVX codes, our product codes or names), alone or in transaction,
 * batch or collection Bundles with their Patients, land as doses exactly like the {@code doses} import.
 * Bodies are FHIR JSON or XML, at most {@code epicommand.vaccination.fhir-max-bytes}; answers are FHIR
 * JSON: an OperationOutcome (201 landed, 200 unchanged, 400 naming the element — an unknown patient by
 * name and masked identifier), or a response Bundle; 415 and 413 as OperationOutcomes.
 */
@RestController
@Tag(name = "Vaccination")
class FhirImmunizationApiController {

  private final FhirImmunizations immunizations;
  private final long maxBytes;

  FhirImmunizationApiController(FhirImmunizations immunizations, VaccinationProperties properties) {
    this.immunizations = immunizations;
    this.maxBytes = properties.fhirMaxBytes();
  }

  @Operation(summary = "One Immunization in FHIR JSON or XML: 201 landed, 200 unchanged, 400/413/415 OperationOutcome")
  @PostMapping("/api/v1/vaccination/fhir/Immunization")
  @PreAuthorize("hasAuthority('VACCINATION_IMPORT')")
  ResponseEntity<String> immunization(HttpServletRequest request) throws IOException {
    return read(request, immunizations::immunization);
  }

  @Operation(summary = "A transaction (all or nothing), batch or collection Bundle of Immunizations and their Patients")
  @PostMapping("/api/v1/vaccination/fhir")
  @PreAuthorize("hasAuthority('VACCINATION_IMPORT')")
  ResponseEntity<String> bundle(HttpServletRequest request) throws IOException {
    return read(request, immunizations::bundle);
  }

  private ResponseEntity<String> read(HttpServletRequest request, BiFunction<String, Boolean, FhirAnswers.Answer> then)
      throws IOException {
    Boolean xml = FhirRequests.xml(request.getContentType());
    FhirAnswers.Answer answer;
    if (xml == null) {
      answer = immunizations.unsupportedMediaType(request.getContentType());
    } else {
      FhirRequests.Body body = FhirRequests.read(request, xml, maxBytes);
      answer = body.text() == null ? immunizations.tooLarge(maxBytes) : then.apply(body.text(), xml);
    }
    return ResponseEntity.status(answer.status()).contentType(FhirRequests.FHIR_JSON).body(answer.body());
  }

  /** URL-level rules: 403 before the body is read. */
  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule vaccinationFhirRule() {
      return new ApiAccessRule("/api/v1/vaccination/fhir", "VACCINATION_IMPORT");
    }

    @Bean
    ApiAccessRule vaccinationFhirResourcesRule() {
      return new ApiAccessRule("/api/v1/vaccination/fhir/**", "VACCINATION_IMPORT");
    }
  }
}
