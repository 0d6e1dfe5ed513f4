package org.epicommand.vaccination.internal;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonLookup;
import org.epicommand.shared.Masking;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * Reads a FHIR R4 Immunization as a dose: status {@code completed}; the vaccine from {@code vaccineCode}
 * (CVX codes under {@code http://hl7.org/fhir/sid/cvx}, our product codes, or the product's name as text);
 * the person from the Patient it refers to (contained, in the Bundle, or a logical reference) by an
 * identifier that is a resident ID number (18 characters) or a passport ({@code type} PPN); the day from
 * {@code occurrenceDateTime} in the city's zone; the dose number from {@code protocolApplied.doseNumber}
 * (absent: the person's next dose); the batch from {@code lotNumber}; the site from the performers'
 * identifiers or names. Each problem names its element (FHIRPath).
 */
final class ImmunizationMapper {

  static final String CVX = "http://hl7.org/fhir/sid/cvx";
  private static final String RESIDENT_ID = "\\d{17}[\\dXx]";

  private ImmunizationMapper() {}

  /** What a sender says is wrong: an OperationOutcome issue type, the element, a message key and its arguments. */
  record Issue(String type, String expression, String key, Object... args) {}

  /** A readable Immunization: the patient (label for messages) and the dose's cells. */
  record Mapped(PersonLookup.Document document, String patient, List<Coding> codings, String vaccineText,
      String manufacturer, Integer doseNumber, LocalDate date, String lot, List<String> performers) {}

  /** Either a mapped Immunization or the issue that keeps it out. */
  record Mapping(Mapped result, Issue issue) {

    static Mapping failed(String type, String expression, String key, Object... args) {
      return new Mapping(null, new Issue(type, expression, key, args));
    }
  }

  static Mapping map(Immunization immunization, String at, Function<Reference, IBaseResource> resolve, ZoneId zone) {
    if (immunization.getStatus() != Immunization.ImmunizationStatus.COMPLETED) {
      return Mapping.failed("business-rule", at + ".status", "vaccination.fhir.status",
          immunization.getStatus() == null ? "-" : immunization.getStatus().toCode());
    }
    List<Coding> codings = immunization.getVaccineCode().getCoding();
    String text = immunization.getVaccineCode().getText();
    if (codings.stream().noneMatch(Coding::hasCode) && (text == null || text.isBlank())) {
      return Mapping.failed("required", at + ".vaccineCode", "vaccination.fhir.vaccineCode", "-");
    }
    Reference patientReference = immunization.getPatient();
    PersonLookup.Document document = document(patientReference, resolve);
    String patient = label(patientReference, resolve);
    if (document == null) {
      return Mapping.failed("not-found", at + ".patient", "vaccination.fhir.unknownPatient", patient);
    }
    if (!immunization.hasOccurrenceDateTimeType() || !immunization.getOccurrenceDateTimeType().hasValue()
        || immunization.getOccurrenceDateTimeType().getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
      return Mapping.failed("required", at + ".occurrence", "vaccination.fhir.occurrence");
    }
    var occurrence = immunization.getOccurrenceDateTimeType();
    LocalDate date = occurrence.getPrecision() == TemporalPrecisionEnum.DAY
        ? LocalDate.of(occurrence.getYear(), occurrence.getMonth() + 1, occurrence.getDay())
        : occurrence.getValue().toInstant().atZone(zone).toLocalDate();
    Integer doseNumber = null;
    if (immunization.hasProtocolApplied()) {
      Immunization.ImmunizationProtocolAppliedComponent applied = immunization.getProtocolAppliedFirstRep();
      if (applied.hasDoseNumber()) {
        String value = applied.getDoseNumber().primitiveValue();
        doseNumber = value != null && value.strip().matches("[1-9]") ? Integer.valueOf(value.strip()) : null;
        if (doseNumber == null) {
          return Mapping.failed("value", at + ".protocolApplied[0].doseNumber", "vaccination.dose.number");
        }
      }
    }
    String lot = immunization.getLotNumber();
    if (lot != null && lot.length() > 40) {
      return Mapping.failed("value", at + ".lotNumber", "vaccination.tooLong", 40);
    }
    List<String> performers = new ArrayList<>();
    for (Immunization.ImmunizationPerformerComponent performer : immunization.getPerformer()) {
      Reference actor = performer.getActor();
      if (actor.hasIdentifier() && actor.getIdentifier().hasValue()) {
        performers.add(actor.getIdentifier().getValue().strip());
      }
      if (actor.hasDisplay()) {
        performers.add(actor.getDisplay().strip());
      }
    }
    String manufacturer = immunization.getManufacturer().getDisplay();
    return new Mapping(new Mapped(document, patient, codings, text, manufacturer, doseNumber, date,
        lot == null || lot.isBlank() ? null : lot.strip(), performers), null);
  }

  /** The person's document: an identifier of the reference itself, or of the Patient it points to. */
  private static PersonLookup.Document document(Reference reference, Function<Reference, IBaseResource> resolve) {
    List<Identifier> identifiers = new ArrayList<>();
    if (reference.hasIdentifier()) {
      identifiers.add(reference.getIdentifier());
    }
    if (resolve.apply(reference) instanceof Patient patient) {
      identifiers.addAll(patient.getIdentifier());
    }
    for (Identifier identifier : identifiers) {
      String value = identifier.getValue();
      if (value == null || value.isBlank()) {
        continue;
      }
      boolean passport = identifier.getType().getCoding().stream().anyMatch(c -> "PPN".equals(c.getCode()))
          || (identifier.getSystem() != null && identifier.getSystem().toLowerCase(Locale.ROOT).contains("passport"));
      if (passport) {
        return new PersonLookup.Document(IdType.PASSPORT, value.strip());
      }
      if (value.strip().matches(RESIDENT_ID)) {
        return new PersonLookup.Document(IdType.RESIDENT_ID, value.strip().toUpperCase(Locale.ROOT));
      }
    }
    return null;
  }

  /** The patient as messages name them: the reference, the name, a document number masked. */
  private static String label(Reference reference, Function<Reference, IBaseResource> resolve) {
    StringBuilder label = new StringBuilder(reference.hasReference() ? reference.getReference() : "Patient");
    List<String> details = new ArrayList<>();
    IBaseResource target = resolve.apply(reference);
    if (target instanceof Patient patient) {
      patient.getName().stream().findFirst().map(HumanName::getNameAsSingleString).filter(n -> !n.isBlank())
          .ifPresent(details::add);
      patient.getIdentifier().stream().filter(Identifier::hasValue).findFirst()
          .ifPresent(i -> details.add(Masking.documentNumber(i.getValue())));
    } else if (reference.hasIdentifier() && reference.getIdentifier().hasValue()) {
      details.add(Masking.documentNumber(reference.getIdentifier().getValue()));
    }
    if (reference.hasDisplay()) {
      details.add(reference.getDisplay());
    }
    if (!details.isEmpty()) {
      label.append(" (").append(String.join(", ", details)).append(')');
    }
    return label.toString();
  }
}
