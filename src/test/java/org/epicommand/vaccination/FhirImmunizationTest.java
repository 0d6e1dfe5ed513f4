package org.epicommand.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.vaccination.VaccinationFixtures.COMMUNITY;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.SharedData;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * FHIR R4 Immunizations in, from the HL7 examples (CVX 208 and the SMART Health Cards bundle): JSON and
 * XML land as doses like the import (the same one twice changes nothing, a dose without a number is the
 * next), the dose rules answer as OperationOutcomes naming the element, a patient who is no registered
 * person is a 400 that names the patient, a transaction is all or nothing.
 */
@EpiCommandTest
class FhirImmunizationTest {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final String JSON = "application/fhir+json; charset=UTF-8";

  @Autowired
  Api api;

  /** The product of CVX 208 (BioNTech), created through the API the first time. */
  @BeforeEach
  void mrnaProduct() {
    Api.Answer created = api.as("commander").post("/api/v1/vaccination/products", Map.of("code", "BNT162B2",
        "name", "Comirnaty", "manufacturer", "BioNTech", "platform", "MRNA", "cvx", "208", "primaryDoses", 2,
        "minIntervalDays", 21, "minAge", 12));
    assertThat(created.status()).as(created.body()).isIn(201, 409);
  }

  /** The CVX 208 example of the HL7 COVID-19 Library IG, for a patient with a resident ID, dose {@code number}, on
   * {@code day}. */
  private static Immunization example(String idNumber, Integer number, LocalDate day) throws Exception {
    Immunization immunization = FHIR.newJsonParser().parseResource(Immunization.class,
        Files.readString(SharedData.require("fhir/DERIVED_covid19library_Immunization_CVX208.json")));
    Patient patient = new Patient();
    patient.setId("p1");
    patient.addIdentifier().setSystem("urn:oid:2.16.156.10011.1.3").setValue(idNumber);
    patient.addName().setFamily("接种").addGiven("测试");
    immunization.getContained().add(patient);
    immunization.setPatient(new Reference("#p1"));
    immunization.setOccurrence(new org.hl7.fhir.r4.model.DateTimeType(day.toString()));
    immunization.setLotNumber("FH" + (number == null ? 0 : number));
    if (number != null) {
      immunization.addProtocolApplied().setDoseNumber(new PositiveIntType(number));
    }
    return immunization;
  }

  private Api.Answer post(String path, String contentType, String body) {
    return api.as("cdc").post(path, contentType, body);
  }

  private static JsonNode issue(Api.Answer answer) {
    return answer.json().get("issue").get(0);
  }

  @Test
  void immunizationsLandInJsonAndXmlAndTheSameOneTwiceChangesNothing() throws Exception {
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1961, 9, 9), COMMUNITY);
    String first = FHIR.newJsonParser().encodeResourceToString(example(person.idNumber(), 1, TODAY.minusMonths(4)));
    Api.Answer landed = post("/api/v1/vaccination/fhir/Immunization", JSON, first);
    assertThat(landed.status()).as(landed.body()).isEqualTo(201);
    assertThat(landed.header("Content-Type")).startsWith("application/fhir+json");
    assertThat(issue(landed).get("severity").asString()).isEqualTo("information");
    assertThat(issue(landed).get("diagnostics").asString()).contains("第 1 剂已入库");
    Api.Answer again = post("/api/v1/vaccination/fhir/Immunization", JSON, first);
    assertThat(again.status()).isEqualTo(200);
    assertThat(issue(again).get("diagnostics").asString()).contains("已有相同接种记录");

    // dose 2 in XML and without a number: the person's next dose
    String second = FHIR.newXmlParser().encodeResourceToString(example(person.idNumber(), null,
        TODAY.minusMonths(4).plusDays(21)));
    Api.Answer xml = post("/api/v1/vaccination/fhir/Immunization", "application/fhir+xml", second);
    assertThat(xml.status()).as(xml.body()).isEqualTo(201);
    assertThat(post("/api/v1/vaccination/fhir/Immunization", "application/fhir+xml", second).status()).isEqualTo(200);
    JsonNode record = api.as("cdc").get("/api/v1/vaccination/persons/" + person.id()).json();
    assertThat(record.get("status").asString()).isEqualTo("PRIMARY_COMPLETE");
    assertThat(record.get("doses").valueStream().map(d -> d.get("productCode").asString() + "/"
        + d.get("source").asString() + "/" + d.get("batch").asString()).toList())
        .containsExactly("BNT162B2/FHIR/FH1", "BNT162B2/FHIR/FH0");
  }

  @Test
  void theDoseRulesAnswerAsOperationOutcomesNamingTheElement() throws Exception {
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1962, 8, 8), COMMUNITY);
    post("/api/v1/vaccination/fhir/Immunization", JSON,
        FHIR.newJsonParser().encodeResourceToString(example(person.idNumber(), 1, TODAY.minusMonths(2))));
    Api.Answer soon = post("/api/v1/vaccination/fhir/Immunization", JSON,
        FHIR.newJsonParser().encodeResourceToString(example(person.idNumber(), 2, TODAY.minusMonths(2).plusDays(7))));
    assertThat(soon.status()).isEqualTo(400);
    assertThat(issue(soon).get("code").asString()).isEqualTo("business-rule");
    assertThat(issue(soon).get("expression").get(0).asString()).isEqualTo("Immunization.occurrence");
    assertThat(issue(soon).get("diagnostics").asString()).contains("距上一剂不足 21 天");
    Api.Answer gap = post("/api/v1/vaccination/fhir/Immunization", JSON,
        FHIR.newJsonParser().encodeResourceToString(example(person.idNumber(), 3, TODAY.minusDays(2))));
    assertThat(issue(gap).get("expression").get(0).asString()).isEqualTo("Immunization.protocolApplied[0].doseNumber");
  }

  @Test
  void anImmunizationOfAnUnknownPersonIsA400NamingThePatient() throws Exception {
    String bundle = Files.readString(SharedData.require(
        "fhir/shc-vaccination-ig__input_examples_bundle-immunization-covid.json"));
    Api.Answer examples = post("/api/v1/vaccination/fhir", JSON, bundle);
    assertThat(examples.status()).isEqualTo(400);
    assertThat(examples.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(examples.json().get("issue").size()).isEqualTo(3);
    JsonNode first = issue(examples);
    assertThat(first.get("code").asString()).isEqualTo("not-found");
    assertThat(first.get("expression").get(0).asString()).isEqualTo("Bundle.entry[1].resource.patient");
    assertThat(first.get("diagnostics").asString()).contains("resource:0").contains("John B. Anyperson");

    Api.Answer stranger = post("/api/v1/vaccination/fhir/Immunization", JSON, FHIR.newJsonParser()
        .encodeResourceToString(example("460105199901019998", 1, TODAY.minusDays(3))));
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(issue(stranger).get("expression").get(0).asString()).isEqualTo("Immunization.patient");
    assertThat(issue(stranger).get("diagnostics").asString()).contains("#p1").contains("4601**********9998");

    Api.Answer english = api.as("cdc").header("Accept-Language", "en").post("/api/v1/vaccination/fhir/Immunization",
        JSON, FHIR.newJsonParser().encodeResourceToString(example("460105199901019998", 1, TODAY.minusDays(3))));
    assertThat(issue(english).get("diagnostics").asString()).startsWith("Patient not found: #p1");
  }

  @Test
  void aTransactionLandsAllOrNothingAndABatchItsValidEntries() throws Exception {
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1963, 7, 7), COMMUNITY);
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(example(person.idNumber(), 1, TODAY.minusMonths(3)));
    transaction.addEntry().setResource(example("460105199901019998", 1, TODAY.minusMonths(3)));
    Api.Answer refused = post("/api/v1/vaccination/fhir", JSON, FHIR.newJsonParser()
        .encodeResourceToString(transaction));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(api.as("cdc").get("/api/v1/vaccination/persons/" + person.id()).json().get("doses").size()).isZero();

    transaction.setType(Bundle.BundleType.BATCH);
    Api.Answer batch = post("/api/v1/vaccination/fhir", JSON, FHIR.newJsonParser().encodeResourceToString(transaction));
    assertThat(batch.status()).isEqualTo(200);
    JsonNode entries = batch.json().get("entry");
    assertThat(entries.get(0).get("response").get("status").asString()).isEqualTo("201 Created");
    assertThat(entries.get(1).get("response").get("status").asString()).isEqualTo("400 Bad Request");
    assertThat(api.as("cdc").get("/api/v1/vaccination/persons/" + person.id()).json().get("doses").size()).isEqualTo(1);
  }

  @Test
  void otherMediaTypesLargeBodiesAndCallersWithoutTheImportRightAreRefused() {
    Api.Answer text = post("/api/v1/vaccination/fhir/Immunization", "text/plain", "hello");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    Api.Answer large = post("/api/v1/vaccination/fhir/Immunization", JSON, "{\"x\": \"" + "a".repeat(10_500_000)
        + "\"}");
    assertThat(large.status()).isEqualTo(413);
    assertThat(issue(large).get("code").asString()).isEqualTo("too-costly");
    Api.Answer garbled = post("/api/v1/vaccination/fhir/Immunization", JSON, "{\"resourceType\": \"Immunization\",");
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(api.as("community").post("/api/v1/vaccination/fhir/Immunization", JSON, "{}").status()).isEqualTo(403);
  }
}
