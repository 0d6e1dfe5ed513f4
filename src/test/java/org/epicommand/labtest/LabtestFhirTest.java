package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** FHIR R4 in: lab Observations and Bundles land as tube results like the results import (real HTTP). */
@EpiCommandTest
class LabtestFhirTest extends RecordsLabtestEvents {

  static final String SITE = "S990101001001";
  static final String COMMUNITY = DemoPlaces.COMMUNITY;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Test
  void anObservationLandsAResultOnTheTubeAndPostingItAgainChangesNothing() {
    String tube = singleTube();
    String observation = FhirSamples.observation(tube, "LAB01", FhirSamples.snomed("260385009", "Negative"),
        FhirSamples.ct("94511-3", "38.2") + "," + FhirSamples.ct("94510-5", "37.46"));
    Api.Answer first = FhirSamples.post(api, "lab", "/api/v1/fhir/Observation", observation);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.header("Content-Type")).startsWith("application/fhir+json");
    assertThat(first.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(first.json().get("issue").get(0).get("severity").asString()).isEqualTo("information");
    assertThat(first.json().get("issue").get(0).get("diagnostics").asString()).contains(tube);

    JsonNode view = api.as("lab").get("/api/v1/tubes/" + tube).json();
    assertThat(view.get("state").asString()).isEqualTo("RESULTED");
    assertThat(view.get("result").asString()).isEqualTo("NEGATIVE");
    Map<String, Object> stored = jdbc.sql("""
        select t.ct_orf1ab, t.ct_n, l.code, t.reported_at, t.result_import_id::text as submission
        from labtest_tube t join labtest_lab l on l.id = t.lab_id where t.barcode = ?
        """).param(tube).query().singleRow();
    assertThat(stored.get("ct_orf1ab")).isEqualTo(new BigDecimal("38.2"));
    assertThat(stored.get("ct_n")).isEqualTo(new BigDecimal("37.5"));
    assertThat(stored.get("code")).isEqualTo("LAB01");
    assertThat(((java.sql.Timestamp) stored.get("reported_at")).toInstant())
        .isEqualTo(java.time.Instant.parse("2022-11-11T12:00:00Z"));
    assertThat(auditCount(stored.get("submission").toString())).isEqualTo(1);

    Api.Answer again = FhirSamples.post(api, "lab", "/api/v1/fhir/Observation", observation);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("issue").get(0).get("severity").asString()).isEqualTo("information");
    assertThat(jdbc.sql("select result_import_id::text from labtest_tube where barcode = ?").param(tube)
        .query(String.class).single()).isEqualTo(stored.get("submission"));
    assertThat(published).noneMatch(e -> e instanceof SingleTubePositive s && s.tubeBarcode().equals(tube));

    // the same tube with another result is refused, not overwritten
    Api.Answer other = FhirSamples.post(api, "lab", "/api/v1/fhir/Observation",
        FhirSamples.observation(tube, "LAB01", "\"valueString\": \"Detected\"", ""));
    assertThat(other.status()).as(other.body()).isEqualTo(400);
    assertThat(other.json().get("issue").get(0).get("code").asString()).isEqualTo("conflict");
    assertThat(api.as("lab").get("/api/v1/tubes/" + tube).json().get("result").asString()).isEqualTo("NEGATIVE");
  }

  @Test
  void aTransactionBundleWithAPositivePoolPutsItsMembersOnTheRetestList() {
    List<Member> members = persons(api, 5, COMMUNITY);
    String pool = "FP" + System.nanoTime();
    String single = singleTube();
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(pool, "POOL_5", members, SITE, "2022-11-11T08:00:00+08:00"));
    String bundle = FhirSamples.bundle("transaction",
        FhirSamples.observation(pool, "LAB02", "\"valueString\": \"阳性\"",
            FhirSamples.ct("94644-2", "24.5") + "," + FhirSamples.ct("94510-5", "26.1")),
        // a Ct-only observation: overall RNA Ct 38 on both targets → negative
        FhirSamples.observation(single, "LAB02", null, null).replace("94500-6", "94745-7")
            .replace("\"status\"", "\"valueQuantity\": {\"value\": 38, \"unit\": \"Ct\"}, \"status\""));
    Api.Answer answer = FhirSamples.post(api, "lab", "/api/v1/fhir", bundle);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.json().get("type").asString()).isEqualTo("transaction-response");
    assertThat(answer.json().get("entry").valueStream().map(e -> e.get("response").get("status").asString()).toList())
        .containsExactly("201 Created", "201 Created");

    JsonNode retests = api.as("community").get("/api/v1/retests?jurisdiction=" + COMMUNITY + "&size=500").json();
    assertThat(retests.get("items").valueStream().filter(i -> i.get("poolBarcode").asString().equals(pool))
        .map(i -> i.get("personId").asString()).toList())
        .containsExactlyInAnyOrderElementsOf(members.stream().map(Member::personId).toList());
    JsonNode view = api.as("community").get("/api/v1/tubes/" + pool).json();
    assertThat(view.get("result").asString()).isEqualTo("POSITIVE");
    assertThat(view.get("members").valueStream().map(m -> m.get("retestState").asString()).distinct().toList())
        .containsExactly("AWAITING_RETEST");
    assertThat(positivePools().stream().filter(p -> p.tubeBarcode().equals(pool))).hasSize(1);
    assertThat(api.as("lab").get("/api/v1/tubes/" + single).json().get("result").asString()).isEqualTo("NEGATIVE");
    assertThat(jdbc.sql("select ct_n from labtest_tube where barcode = ?").param(single).query(BigDecimal.class)
        .single()).isEqualTo(new BigDecimal("38.0"));
  }

  @Test
  void invalidResourcesAre400OperationOutcomesThatSayWhatIsWrong() {
    String tube = singleTube();
    String valid = FhirSamples.observation(tube, "LAB01", FhirSamples.snomed("260373001", "Detected"), "");
    record Case(String what, String body, String code, String expression) {}
    List<Case> cases = List.of(
        new Case("unparseable JSON", "{\"resourceType\": \"Observation\", \"status\": ", "structure", null),
        new Case("empty body", " ", "structure", null),
        new Case("wrong resourceType", "{\"resourceType\": \"Patient\", \"id\": \"p1\"}", "not-supported", null),
        new Case("missing code", valid.replace(FhirSamples.CODE, ""), "required", "Observation.code"),
        new Case("unknown LOINC", valid.replace("94500-6", "94558-4"), "code-invalid", "Observation.code"),
        new Case("no barcode", FhirSamples.observation(null, "LAB01", FhirSamples.snomed("260373001", "Detected"), ""),
            "required", "Observation.specimen"),
        new Case("unknown barcode", valid.replace(tube, "NOSUCH" + tube), "not-found", "Observation.specimen"),
        new Case("value not interpretable", FhirSamples.observation(tube, "LAB01", "\"valueString\": \"maybe\"", ""),
            "value", "Observation.value"),
        new Case("Ct out of range", FhirSamples.observation(tube, "LAB01", null, FhirSamples.ct("94511-3", "75")),
            "value", "Observation.component[0].value"),
        new Case("unknown lab", valid.replace("\"LAB01\"", "\"LAB-NOWHERE\""), "not-found", "Observation.performer"),
        new Case("cancelled", valid.replace("\"final\"", "\"cancelled\""), "business-rule", "Observation.status"));
    for (Case c : cases) {
      Api.Answer answer = FhirSamples.post(api, "lab", "/api/v1/fhir/Observation", c.body());
      assertThat(answer.status()).as(c.what() + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.header("Content-Type")).as(c.what()).startsWith("application/fhir+json");
      JsonNode issue = answer.json().get("issue").get(0);
      assertThat(answer.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
      assertThat(issue.get("severity").asString()).as(c.what()).isEqualTo("error");
      assertThat(issue.get("code").asString()).as(c.what() + ": " + answer.body()).isEqualTo(c.code());
      assertThat(issue.get("diagnostics").asString()).as(c.what()).isNotBlank();
      if (c.expression() != null) {
        assertThat(issue.get("expression").get(0).asString()).as(c.what()).isEqualTo(c.expression());
      }
    }
    Api.Answer english = FhirSamples.post(api, "lab", "en", "/api/v1/fhir/Observation",
        valid.replace("94500-6", "94558-4"));
    assertThat(english.json().get("issue").get(0).get("diagnostics").asString())
        .contains("94558-4").contains("nucleic-acid");
    assertThat(api.as("lab").get("/api/v1/tubes/" + tube).json().get("state").asString()).isEqualTo("COLLECTED");

    // a transaction with one bad entry lands nothing; a batch lands the good one and reports the other
    String other = singleTube();
    String good = FhirSamples.observation(other, "LAB01", FhirSamples.snomed("260415000", "Not detected"), "");
    String bad = valid.replace(tube, "NOSUCH" + tube);
    Api.Answer transaction = FhirSamples.post(api, "lab", "/api/v1/fhir", FhirSamples.bundle("transaction", good, bad));
    assertThat(transaction.status()).as(transaction.body()).isEqualTo(400);
    assertThat(transaction.json().get("issue").get(0).get("expression").get(0).asString())
        .isEqualTo("Bundle.entry[1].resource.specimen");
    assertThat(api.as("lab").get("/api/v1/tubes/" + other).json().get("state").asString()).isEqualTo("COLLECTED");
    Api.Answer batch = FhirSamples.post(api, "lab", "/api/v1/fhir", FhirSamples.bundle("batch", good, bad));
    assertThat(batch.status()).as(batch.body()).isEqualTo(200);
    assertThat(batch.json().get("type").asString()).isEqualTo("batch-response");
    assertThat(batch.json().get("entry").valueStream().map(e -> e.get("response").get("status").asString()).toList())
        .containsExactly("201 Created", "400 Bad Request");
    assertThat(api.as("lab").get("/api/v1/tubes/" + other).json().get("result").asString()).isEqualTo("NEGATIVE");
    Api.Answer searchset = FhirSamples.post(api, "lab", "/api/v1/fhir", FhirSamples.bundle("searchset", good));
    assertThat(searchset.status()).isEqualTo(400);
    assertThat(searchset.json().get("issue").get(0).get("expression").get(0).asString()).isEqualTo("Bundle.type");
  }

  @Test
  void onlyLabOperatorsMayPostResults() {
    String tube = singleTube();
    String observation = FhirSamples.observation(tube, "LAB01", FhirSamples.snomed("260373001", "Detected"), "");
    for (String user : List.of("community", "site", "cdc", "auditor")) {
      Api.Answer answer = FhirSamples.post(api, user, "/api/v1/fhir/Observation", observation);
      assertThat(answer.status()).as(user + ": " + answer.body()).isEqualTo(403);
      assertThat(FhirSamples.post(api, user, "/api/v1/fhir", FhirSamples.bundle("batch", observation)).status())
          .isEqualTo(403);
    }
    assertThat(api.as("lab").get("/api/v1/tubes/" + tube).json().get("state").asString()).isEqualTo("COLLECTED");
  }

  /**
   * Every SARS-CoV-2 lab Observation among the public examples in src/test/resources/reference/fhir (alone or in a
   * Bundle) is read: as published (no tube barcode) it is refused for what it lacks, never as
   * unparseable; with a fresh tube's barcode as its specimen and LAB01 as performer, a nucleic-acid
   * one lands its coded result, an antigen test (LOINC 94558-4) is refused as not nucleic-acid.
   */
  @Test
  void theSharedFhirExamplesOfSarsCov2LabObservationsAreRead() throws java.io.IOException {
    java.nio.file.Path dir = org.epicommand.support.SharedData.require("fhir");
    Map<String, String> sarsCov2 = new java.util.HashMap<>();
    java.util.regex.Pattern line = java.util.regex.Pattern.compile("\\$loinc#([0-9-]+) \"([^\"]+)\"");
    for (String text : java.nio.file.Files.readAllLines(org.epicommand.support.SharedData
        .require("fhir/shc-ig_covid_qualitative_loinc_codes.txt"))) {
      java.util.regex.Matcher m = line.matcher(text);
      if (m.find()) {
        sarsCov2.put(m.group(1), m.group(2));
      }
    }
    assertThat(sarsCov2).containsKeys("94500-6", "94558-4");
    ca.uhn.fhir.context.FhirContext fhir = ca.uhn.fhir.context.FhirContext.forR4Cached();
    List<java.nio.file.Path> files;
    try (var list = java.nio.file.Files.list(dir)) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    int seen = 0;
    int landed = 0;
    for (java.nio.file.Path file : files) {
      JsonNode json = Api.JSON.readTree(java.nio.file.Files.readString(file));
      // a SMART Health Card payload carries its Bundle in vc.credentialSubject.fhirBundle
      JsonNode fhirJson = json.has("resourceType") ? json : json.at("/vc/credentialSubject/fhirBundle");
      if (!fhirJson.isObject()) {
        continue;
      }
      var resource = fhir.newJsonParser().parseResource(fhirJson.toString());
      List<org.hl7.fhir.r4.model.Observation> observations = resource instanceof org.hl7.fhir.r4.model.Bundle b
          ? b.getEntry().stream().map(e -> e.getResource())
              .filter(org.hl7.fhir.r4.model.Observation.class::isInstance)
              .map(org.hl7.fhir.r4.model.Observation.class::cast).toList()
          : resource instanceof org.hl7.fhir.r4.model.Observation o ? List.of(o) : List.of();
      for (org.hl7.fhir.r4.model.Observation observation : observations) {
        String loinc = observation.getCode().getCoding().stream().filter(c -> "http://loinc.org".equals(c.getSystem()))
            .map(c -> c.getCode()).filter(sarsCov2::containsKey).findFirst().orElse(null);
        if (loinc == null) {
          continue;
        }
        seen++;
        String what = file.getFileName() + " (LOINC " + loinc + ")";
        Api.Answer asPublished = FhirSamples.post(api, "lab", "/api/v1/fhir/Observation",
            fhir.newJsonParser().encodeResourceToString(observation));
        assertThat(asPublished.status()).as(what + ": " + asPublished.body()).isEqualTo(400);
        assertThat(asPublished.json().get("issue").get(0).get("code").asString()).as(what)
            .isIn("required", "code-invalid");

        String tube = singleTube();
        observation.setSpecimen(new org.hl7.fhir.r4.model.Reference()
            .setIdentifier(new org.hl7.fhir.r4.model.Identifier().setValue(tube)));
        observation.getPerformer().add(0, new org.hl7.fhir.r4.model.Reference()
            .setIdentifier(new org.hl7.fhir.r4.model.Identifier().setValue("LAB01")));
        Api.Answer adapted = FhirSamples.post(api, "lab", "/api/v1/fhir/Observation",
            fhir.newJsonParser().encodeResourceToString(observation));
        boolean nucleicAcid = sarsCov2.get(loinc).contains("NAA") || sarsCov2.get(loinc).contains("Seq");
        if (nucleicAcid) {
          assertThat(adapted.status()).as(what + ": " + adapted.body()).isEqualTo(201);
          String snomed = ((org.hl7.fhir.r4.model.CodeableConcept) observation.getValue()).getCodingFirstRep()
              .getCode();
          String expected = snomed.equals("260373001") || snomed.equals("10828004") ? "POSITIVE" : "NEGATIVE";
          assertThat(api.as("lab").get("/api/v1/tubes/" + tube).json().get("result").asString()).as(what)
              .isEqualTo(expected);
          landed++;
        } else {
          assertThat(adapted.status()).as(what + ": " + adapted.body()).isEqualTo(400);
          assertThat(adapted.json().get("issue").get(0).get("code").asString()).as(what).isEqualTo("code-invalid");
          assertThat(adapted.json().get("issue").get(0).get("diagnostics").asString()).as(what).contains(loinc);
        }
      }
      if (resource instanceof org.hl7.fhir.r4.model.Bundle bundle && !observations.isEmpty()) {
        Api.Answer whole = FhirSamples.post(api, "lab", "/api/v1/fhir", fhir.newJsonParser()
            .encodeResourceToString(bundle));
        assertThat(whole.status()).as(file.getFileName() + ": " + whole.body()).isIn(200, 201, 400);
        assertThat(whole.json().get("resourceType").asString()).isIn("OperationOutcome", "Bundle");
        assertThat(whole.body()).doesNotContain("\"structure\"");
      }
    }
    assertThat(seen).as("SARS-CoV-2 lab Observations among the examples").isGreaterThanOrEqualTo(3);
    assertThat(landed).as("nucleic-acid ones landed").isGreaterThanOrEqualTo(1);
  }

  @Test
  void aCollectionBundleFindsTubeAndLabInItsOtherEntriesAndAPositiveTubeStartsTheCaseFlow() {
    String tube = singleTube();
    String bundle = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"fullUrl": "urn:uuid:0c8e1f2a-1111-4000-8000-000000000001",
           "resource": {"resourceType": "Patient", "name": [{"family": "检测"}]}},
          {"fullUrl": "urn:uuid:0c8e1f2a-1111-4000-8000-000000000002",
           "resource": {"resourceType": "Specimen", "accessionIdentifier": {"value": "%s"}}},
          {"fullUrl": "urn:uuid:0c8e1f2a-1111-4000-8000-000000000003",
           "resource": {"resourceType": "Organization", "name": "第一人民医院检验科"}},
          {"fullUrl": "urn:uuid:0c8e1f2a-1111-4000-8000-000000000004",
           "resource": {"resourceType": "Observation", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "94309-2"}]},
             "subject": {"reference": "urn:uuid:0c8e1f2a-1111-4000-8000-000000000001"},
             "specimen": {"reference": "urn:uuid:0c8e1f2a-1111-4000-8000-000000000002"},
             "performer": [{"reference": "urn:uuid:0c8e1f2a-1111-4000-8000-000000000003"}],
             "effectiveDateTime": "2022-11-11T09:00:00+08:00", "issued": "2022-11-11T21:15:00+08:00",
             "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "10828004"}],
               "text": "阳性"}}}]}
        """.formatted(tube);
    Api.Answer answer = FhirSamples.post(api, "lab", "/api/v1/fhir", bundle);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(answer.json().get("issue").size()).as("one issue per Observation, none for the others").isEqualTo(1);
    assertThat(answer.json().get("issue").get(0).get("expression").get(0).asString())
        .isEqualTo("Bundle.entry[3].resource");
    assertThat(jdbc.sql("select l.code from labtest_tube t join labtest_lab l on l.id = t.lab_id where t.barcode = ?")
        .param(tube).query(String.class).single()).isEqualTo("LAB02");
    assertThat(api.as("lab").get("/api/v1/tubes/" + tube).json().get("result").asString()).isEqualTo("POSITIVE");
    assertThat(published).filteredOn(e -> e instanceof SingleTubePositive s && s.tubeBarcode().equals(tube)).hasSize(1);
    // again: nothing changes, no second event
    Api.Answer again = FhirSamples.post(api, "lab", "/api/v1/fhir", bundle);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(published).filteredOn(e -> e instanceof SingleTubePositive s && s.tubeBarcode().equals(tube)).hasSize(1);
  }

  private String singleTube() {
    List<Member> member = persons(api, 1, COMMUNITY);
    String barcode = "FS" + System.nanoTime();
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(barcode, "SINGLE", member, SITE, "2022-11-11T08:00:00+08:00"));
    return barcode;
  }

  private long auditCount(String submission) {
    return jdbc.sql("""
        select count(*) from audit_event
        where action = 'IMPORT' and subject_type = 'FHIR_OBSERVATION' and subject_id = ? and username = 'lab'
        """).param(submission).query(Long.class).single();
  }
}
