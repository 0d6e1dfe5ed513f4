package org.epicommand.labtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.labtest.internal.FhirObservationMapper.Mapping;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How one FHIR Observation reads as a tube result (no database: the mapping alone). */
class FhirObservationMapperTest {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  static String observation(String code, String more) {
    return """
        {"resourceType": "Observation", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]},
         "specimen": {"identifier": {"value": "T-1"}}, "performer": [{"display": "LAB01"}],
         "issued": "2022-11-11T20:00:00+08:00"%s}
        """.formatted(code, more.isEmpty() ? "" : ", " + more);
  }

  static Mapping map(String json) {
    Observation observation = (Observation) FHIR.newJsonParser().parseResource(json);
    return FhirObservationMapper.map(observation, "Observation", r -> (IBaseResource) r.getResource(), CITY);
  }

  @ParameterizedTest
  @CsvSource({
      "260373001, POSITIVE", "10828004, POSITIVE", "260415000, NEGATIVE", "260385009, NEGATIVE",
      "419984006, INVALID"})
  void snomedCodedResults(String snomed, String expected) {
    Mapping mapping = map(observation("94500-6",
        "\"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"" + snomed + "\"}]}"));
    assertThat(mapping.issue()).isNull();
    assertThat(mapping.result().result()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "Detected, POSITIVE", "Positive, POSITIVE", "阳性, POSITIVE", "POS, POSITIVE", "Negative, NEGATIVE",
      "阴性, NEGATIVE", "not detected, NEGATIVE", "Not detected (qualifier value), NEGATIVE", "未检出, NEGATIVE",
      "Inconclusive, INVALID", "无效, INVALID"})
  void textResults(String text, String expected) {
    assertThat(map(observation("94309-2", "\"valueString\": \"" + text + "\"")).result().result())
        .as(text).isEqualTo(expected);
    assertThat(map(observation("94533-7", "\"valueCodeableConcept\": {\"text\": \"" + text + "\"}")).result().result())
        .as("CodeableConcept.text " + text).isEqualTo(expected);
  }

  @Test
  void relatedRnaCodesAreTakenAndOtherTestsAreNot() {
    for (String code : List.of("94500-6", "94309-2", "94533-7", "94534-5", "94559-2", "94756-4", "94757-2", "94845-5",
        "95406-5", "95409-9", "96091-4")) {
      assertThat(map(observation(code, "\"valueString\": \"Negative\"")).issue()).as(code).isNull();
    }
    assertThat(map(observation("94500-6", "\"valueString\": \"Negative\"").replace("http://loinc.org",
        "urn:oid:2.16.840.1.113883.6.1")).issue()).as("LOINC by OID").isNull();
    assertThat(map(observation("94500-6", "\"valueString\": \"Negative\"").replace("http://loinc.org",
        "http://example.org/local")).issue().type()).as("another code system").isEqualTo("code-invalid");
    for (String code : List.of("94558-4", "94563-4", "8310-5")) {
      Mapping mapping = map(observation(code, "\"valueString\": \"Negative\""));
      assertThat(mapping.issue().type()).as(code).isEqualTo("code-invalid");
      assertThat(mapping.issue().args()).as(code).contains(code);
    }
  }

  @Test
  void ctValuesFromComponentsByLoincOrText() {
    Mapping byLoinc = map(observation("94500-6", """
        "valueString": "Detected", "component": [
          {"code": {"coding": [{"system": "http://loinc.org", "code": "94644-2"}]}, "valueQuantity": {"value": 24.46}},
          {"code": {"coding": [{"system": "http://loinc.org", "code": "94312-6"}]}, "valueQuantity": {"value": 26}}]"""));
    assertThat(byLoinc.result().ctOrf1ab()).isEqualTo(new BigDecimal("24.5"));
    assertThat(byLoinc.result().ctN()).isEqualTo(new BigDecimal("26.0"));
    Mapping byText = map(observation("94500-6", """
        "component": [
          {"code": {"text": "ORF1ab Ct"}, "valueQuantity": {"value": 31.2}},
          {"code": {"text": "N基因 Ct值"}, "valueQuantity": {"value": 33}},
          {"code": {"text": "E gene"}, "valueString": "Detected"}]"""));
    assertThat(byText.issue()).isNull();
    assertThat(byText.result().result()).isNull();
    assertThat(byText.result().ctOrf1ab()).isEqualTo(new BigDecimal("31.2"));
    assertThat(byText.result().ctN()).isEqualTo(new BigDecimal("33.0"));
    Mapping overall = map(observation("94746-5", "\"valueQuantity\": {\"value\": 36.1, \"code\": \"{Ct_value}\"}"));
    assertThat(overall.result().ctOrf1ab()).isEqualTo(new BigDecimal("36.1"));
    assertThat(overall.result().ctN()).isEqualTo(new BigDecimal("36.1"));
    Mapping notCt = map(observation("94500-6", "\"valueQuantity\": {\"value\": 5, \"unit\": \"copies/mL\"}"));
    assertThat(notCt.issue().type()).isEqualTo("value");
  }

  @Test
  void barcodeLabAndTimeFromWhereLabsPutThem() {
    String bundle = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"fullUrl": "urn:uuid:8a0f4c3e-0000-4000-8000-000000000001",
           "resource": {"resourceType": "Specimen", "identifier": [{"value": " TUBE-9 "}]}},
          {"fullUrl": "urn:uuid:8a0f4c3e-0000-4000-8000-000000000002",
           "resource": {"resourceType": "Organization", "identifier": [{"value": "LAB02"}], "name": "Second lab"}},
          {"resource": {"resourceType": "Observation", "status": "amended",
            "identifier": [{"value": "OBS-77"}],
            "code": {"coding": [{"system": "http://loinc.org", "code": "94500-6"}]},
            "specimen": {"reference": "urn:uuid:8a0f4c3e-0000-4000-8000-000000000001"},
            "performer": [{"reference": "urn:uuid:8a0f4c3e-0000-4000-8000-000000000002"}],
            "effectiveDateTime": "2022-11-12", "valueString": "阴性"}}]}
        """;
    Bundle parsed = (Bundle) FHIR.newJsonParser().parseResource(bundle);
    Map<String, IBaseResource> index = new HashMap<>();
    parsed.getEntry().forEach(e -> index.put(e.getFullUrl(), e.getResource()));
    Observation observation = (Observation) parsed.getEntry().get(2).getResource();
    Mapping mapping = FhirObservationMapper.map(observation, "Bundle.entry[2].resource",
        r -> r.getResource() != null ? r.getResource() : index.get(r.getReference()), CITY);
    assertThat(mapping.issue()).isNull();
    assertThat(mapping.result().barcode()).isEqualTo("TUBE-9");
    assertThat(mapping.result().labs()).containsExactly("LAB02", "Second lab");
    assertThat(mapping.result().reportedAt()).isEqualTo(Instant.parse("2022-11-11T16:00:00Z"));

    Mapping byIdentifier = map("""
        {"resourceType": "Observation", "status": "final", "identifier": [{"value": "TUBE-10"}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "94500-6"}]},
         "performer": [{"reference": "Organization/LAB01"}], "effectivePeriod": {"start": "2022-11-12T09:30:00+08:00"},
         "interpretation": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
           "code": "POS"}]}]}
        """);
    assertThat(byIdentifier.issue()).isNull();
    assertThat(byIdentifier.result().barcode()).isEqualTo("TUBE-10");
    assertThat(byIdentifier.result().labs()).containsExactly("LAB01");
    assertThat(byIdentifier.result().result()).isEqualTo("POSITIVE");
    assertThat(byIdentifier.result().reportedAt()).isEqualTo(Instant.parse("2022-11-12T01:30:00Z"));
  }

  @Test
  void whatIsMissingIsNamedWithItsPath() {
    assertThat(map(observation("94500-6", "").replace("\"status\": \"final\",", "")).issue().expression())
        .isEqualTo("Observation.status");
    assertThat(map(observation("94500-6", "\"valueString\": \"Negative\"")
        .replace("\"issued\": \"2022-11-11T20:00:00+08:00\"",
        "\"language\": \"zh\"")).issue().expression()).isEqualTo("Observation.issued");
    assertThat(map(observation("94500-6", "\"valueString\": \"Negative\"")
        .replace("\"performer\": [{\"display\": \"LAB01\"}],", "")).issue().expression())
            .isEqualTo("Observation.performer");
    assertThat(map(observation("94500-6", "\"valueString\": \"Negative\"")
        .replace("\"specimen\": {\"identifier\": {\"value\": \"T-1\"}},",
            "\"specimen\": {\"identifier\": {\"value\": \" \"}},"))
        .issue().expression()).isEqualTo("Observation.specimen");
    assertThat(map(observation("94500-6", "")).issue().key()).isEqualTo("fhir.value");
    assertThat(map(observation("94500-6", "\"valueBoolean\": true")).issue().type()).isEqualTo("value");
    // codings without system or code, a status with only an extension: read as missing, never a failure
    assertThat(map(observation("94500-6", "\"valueCodeableConcept\": {\"coding\": [{\"code\": \"260373001\"},"
        + " {\"system\": \"http://snomed.info/sct\"}]}")).issue().type()).isEqualTo("value");
    assertThat(map(observation("94500-6", "\"valueString\": \"Negative\"").replace("\"status\": \"final\",",
        "\"_status\": {\"extension\": [{\"url\": \"http://example.org/x\", \"valueString\": \"y\"}]},"))
        .issue().expression()).isEqualTo("Observation.status");
    assertThat(map(observation("94500-6", "\"valueString\": \"Negative\"").replace("{\"system\": \"http://loinc.org\", ",
        "{")).issue().type()).isEqualTo("code-invalid");
  }
}
