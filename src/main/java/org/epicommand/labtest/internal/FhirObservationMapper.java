package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads one FHIR R4 lab {@link Observation} of a SARS-CoV-2 nucleic-acid test as a tube result: the
 * tube barcode (specimen accession or identifier, else the Observation's identifier), the result
 * (SNOMED CT or HL7 interpretation codes, or text such as "Detected", "阳性"), Ct values of ORF1ab and
 * N (components or the value itself, by LOINC Ct code or by "Ct" in the code's text), the lab
 * (performer) and the report time (issued, else effective). Anything it cannot read is one
 * {@link Issue} with a FHIRPath expression, never an exception.
 */
final class FhirObservationMapper {

  static final String LOINC = "http://loinc.org";
  static final String SNOMED = "http://snomed.info/sct";
  /** The code systems by URL or by OID (as HL7 v2-derived messages carry them). */
  static final Set<String> LOINC_SYSTEMS = Set.of(LOINC, "urn:oid:2.16.840.1.113883.6.1");
  static final Set<String> SNOMED_SYSTEMS = Set.of(SNOMED, "urn:oid:2.16.840.1.113883.6.96");

  /** Qualitative SARS-CoV-2 RNA / gene-target codes by nucleic-acid amplification or sequencing, and RNA panels. */
  static final Set<String> QUALITATIVE = Set.of("94500-6", "94306-8", "94531-1", "94307-6", "94308-4", "94309-2",
      "94310-0", "94314-2", "94315-9", "94316-7", "94502-2", "94532-9", "94533-7", "94534-5", "94559-2", "94565-9",
      "94639-2", "94640-0", "94641-8", "94647-5", "94660-8", "94756-4", "94757-2", "94758-0", "94759-8", "94760-6",
      "94765-5", "94766-3", "94767-1", "94822-4", "94845-5", "95406-5", "95409-9", "95424-8", "95425-5", "95608-6",
      "95609-4", "95823-1", "95824-9", "96091-4", "96120-1", "96121-9", "96122-7", "96123-5", "96448-6", "96763-8",
      "96765-3", "96797-6", "96829-7", "96957-6", "96958-4", "96986-5", "97098-8", "98131-6", "98132-4", "98493-0",
      "98494-8");
  /** Cycle-threshold codes: ORF1ab, N gene (incl. CDC N1/N2/N3), and the assay's overall RNA Ct. */
  static final Set<String> CT_ORF1AB = Set.of("94511-3", "94644-2");
  static final Set<String> CT_N = Set.of("94510-5", "94311-8", "94312-6", "94313-4");
  static final Set<String> CT_ANY = Set.of("94745-7", "94746-5");
  /** Gene-target codes (qualitative or Ct) naming ORF1ab or N, for Ct components coded with them. */
  static final Set<String> TARGET_ORF1AB = Set.of("94511-3", "94644-2", "94559-2", "94639-2", "95824-9");
  static final Set<String> TARGET_N = Set.of("94510-5", "94311-8", "94312-6", "94313-4", "94307-6", "94308-4",
      "94316-7", "94533-7", "94756-4", "94757-2", "94760-6", "94766-3", "95409-9", "95425-5", "96448-6", "96958-4",
      "96986-5");

  static final Map<String, String> SNOMED_RESULTS = Map.of("260373001", "POSITIVE", "10828004", "POSITIVE",
      "260415000", "NEGATIVE", "260385009", "NEGATIVE", "419984006", "INVALID", "82334004", "INVALID",
      "455371000124106", "INVALID");
  /** HL7 v3 ObservationInterpretation codes. */
  static final Map<String, String> INTERPRETATIONS = Map.of("POS", "POSITIVE", "DET", "POSITIVE", "NEG", "NEGATIVE",
      "ND", "NEGATIVE", "IND", "INVALID", "E", "INVALID");
  static final Map<String, String> TEXT_RESULTS = Map.ofEntries(Map.entry("detected", "POSITIVE"),
      Map.entry("positive", "POSITIVE"), Map.entry("pos", "POSITIVE"), Map.entry("阳性", "POSITIVE"),
      Map.entry("检出", "POSITIVE"), Map.entry("+", "POSITIVE"), Map.entry("not detected", "NEGATIVE"),
      Map.entry("undetected", "NEGATIVE"), Map.entry("negative", "NEGATIVE"), Map.entry("neg", "NEGATIVE"),
      Map.entry("阴性", "NEGATIVE"), Map.entry("未检出", "NEGATIVE"), Map.entry("-", "NEGATIVE"),
      Map.entry("inconclusive", "INVALID"), Map.entry("indeterminate", "INVALID"), Map.entry("invalid", "INVALID"),
      Map.entry("equivocal", "INVALID"), Map.entry("无效", "INVALID"), Map.entry("不确定", "INVALID"),
      Map.entry("可疑", "INVALID"));
  private static final Pattern CT_TEXT = Pattern.compile("(?i)(\\bct\\b|cycle threshold|循环阈值|ct值)");
  private static final Pattern ORF1AB_TEXT = Pattern.compile("(?i)orf\\s*1");
  private static final Pattern N_TEXT = Pattern.compile("(?i)(\\bn\\b|\\bn[123]\\b|n gene|n基因|n 基因)");
  private static final Set<Observation.ObservationStatus> FINAL = Set.of(Observation.ObservationStatus.FINAL,
      Observation.ObservationStatus.AMENDED, Observation.ObservationStatus.CORRECTED);

  /** One problem with a resource: OperationOutcome issue type, FHIRPath, message key (under {@code error.}), arguments.
   * */
  record Issue(String type, String expression, String key, Object... args) {}

  /** A readable result; {@code labs} are the performer's names and identifiers, best first. */
  record Mapped(String barcode, String result, BigDecimal ctOrf1ab, BigDecimal ctN, List<String> labs,
      Instant reportedAt) {}

  /** Either a result or the issue that prevented it. */
  record Mapping(Mapped result, Issue issue) {

    static Mapping failed(String type, String expression, String key, Object... args) {
      return new Mapping(null, new Issue(type, expression, key, args));
    }
  }

  private enum Target { ORF1AB, N, ANY }

  private FhirObservationMapper() {}

  /**
   * @param at the FHIRPath of the resource, e.g. {@code Observation} or {@code Bundle.entry[2].resource}
   * @param resolve finds the resource a reference points to (contained or in the same Bundle), or null
   */
  static Mapping map(Observation observation, String at, Function<Reference, IBaseResource> resolve, ZoneId zone) {
    if (!observation.hasStatus() || observation.getStatus() == null) {
      return Mapping.failed("required", at + ".status", "fhir.status", "-");
    }
    if (!FINAL.contains(observation.getStatus())) {
      return Mapping.failed("business-rule", at + ".status", "fhir.status", observation.getStatus().toCode());
    }
    if (!observation.hasCode() || (!observation.getCode().hasCoding() && !observation.getCode().hasText())) {
      return Mapping.failed("required", at + ".code", "fhir.code");
    }
    String loinc = observation.getCode().getCoding().stream()
        .filter(c -> loinc(c) && c.getCode() != null).map(Coding::getCode)
        .filter(c -> QUALITATIVE.contains(c) || CT_ORF1AB.contains(c) || CT_N.contains(c) || CT_ANY.contains(c))
        .findFirst().orElse(null);
    if (loinc == null) {
      String given = observation.getCode().getCoding().stream().map(c -> c.getCode() == null ? "?" : c.getCode())
          .reduce((a, b) -> a + ", " + b).orElse(observation.getCode().getText());
      return Mapping.failed("code-invalid", at + ".code", "fhir.loinc", given);
    }
    Cts cts = new Cts();
    for (int i = 0; i < observation.getComponent().size(); i++) {
      Observation.ObservationComponentComponent component = observation.getComponent().get(i);
      Issue issue = cts.take(component.getCode(), component.getValue(), at + ".component[" + i + "].value");
      if (issue != null) {
        return new Mapping(null, issue);
      }
    }
    String result = null;
    Type value = observation.getValue();
    if (value instanceof Quantity) {
      Issue issue = cts.take(observation.getCode(), value, at + ".value");
      if (issue != null) {
        return new Mapping(null, issue);
      }
      if (!cts.took(value)) {
        return Mapping.failed("value", at + ".value", "fhir.value", "Quantity");
      }
    } else if (value != null) {
      result = qualitative(value);
      if (result == null) {
        return Mapping.failed("value", at + ".value", "fhir.value", text(value));
      }
    }
    if (result == null) {
      result = observation.getInterpretation().stream().map(FhirObservationMapper::interpretation)
          .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
    if (result == null && cts.orf1ab() == null && cts.n() == null) {
      return Mapping.failed("value", at + ".value", "fhir.value", value == null ? "-" : text(value));
    }
    String barcode = barcode(observation, resolve);
    if (barcode == null) {
      return Mapping.failed("required", at + ".specimen", "fhir.barcode");
    }
    if (barcode.length() > 40) {
      return Mapping.failed("value", at + ".specimen", "labtest.barcode");
    }
    List<String> labs = labs(observation, resolve);
    if (labs.isEmpty()) {
      return Mapping.failed("required", at + ".performer", "fhir.lab");
    }
    Instant reportedAt = reportedAt(observation, zone);
    if (reportedAt == null) {
      return Mapping.failed("required", at + ".issued", "fhir.time");
    }
    return new Mapping(new Mapped(barcode, result, cts.orf1ab(), cts.n(), labs, reportedAt), null);
  }

  /** The Ct values found so far; an overall Ct counts for both targets unless target-specific ones are given. */
  private static final class Cts {
    BigDecimal orf1ab;
    BigDecimal n;
    BigDecimal any;
    private final List<Type> taken = new ArrayList<>();

    /** Takes the value when the code names a Ct; an issue when that Ct is unreadable. */
    Issue take(CodeableConcept code, Type value, String expression) {
      if (!(value instanceof Quantity quantity) || !isCt(code, quantity)) {
        return null;
      }
      BigDecimal ct = quantity.hasValue() ? Cells.ct(quantity.getValue().toPlainString()) : null;
      if (ct == null) {
        return new Issue("value", expression, "labtest.ct");
      }
      switch (target(code)) {
        case ORF1AB -> orf1ab = ct;
        case N -> n = ct;
        case ANY -> any = ct;
      }
      taken.add(value);
      return null;
    }

    boolean took(Type value) {
      return taken.contains(value);
    }

    BigDecimal orf1ab() {
      return orf1ab != null || n != null ? orf1ab : any;
    }

    BigDecimal n() {
      return orf1ab != null || n != null ? n : any;
    }
  }

  private static boolean isCt(CodeableConcept code, Quantity quantity) {
    if (codes(code).anyMatch(c -> CT_ORF1AB.contains(c) || CT_N.contains(c) || CT_ANY.contains(c))) {
      return true;
    }
    String unit = (quantity.getUnit() == null ? "" : quantity.getUnit()) + " " + (quantity.getCode() == null ? ""
        : quantity.getCode());
    return CT_TEXT.matcher(words(code)).find() || CT_TEXT.matcher(unit.replace("{", " ").replace("_", " ")).find()
        || unit.toLowerCase(Locale.ROOT).contains("cycle");
  }

  private static Target target(CodeableConcept code) {
    if (codes(code).anyMatch(TARGET_ORF1AB::contains)) {
      return Target.ORF1AB;
    }
    if (codes(code).anyMatch(TARGET_N::contains)) {
      return Target.N;
    }
    String words = words(code);
    return ORF1AB_TEXT.matcher(words).find() ? Target.ORF1AB : N_TEXT.matcher(words).find() ? Target.N : Target.ANY;
  }

  private static java.util.stream.Stream<String> codes(CodeableConcept code) {
    return code.getCoding().stream().filter(c -> loinc(c) && c.getCode() != null)
        .map(Coding::getCode);
  }

  private static boolean loinc(Coding coding) {
    return coding.getSystem() != null && LOINC_SYSTEMS.contains(coding.getSystem());
  }

  private static String words(CodeableConcept code) {
    StringBuilder words = new StringBuilder(code.hasText() ? code.getText() : "");
    code.getCoding().forEach(c -> words.append(' ').append(c.hasDisplay() ? c.getDisplay() : "")
        .append(' ').append(loinc(c) || c.getCode() == null ? "" : c.getCode()));
    return words.toString();
  }

  /** POSITIVE, NEGATIVE, INVALID from a coded or text value, or null. */
  private static String qualitative(Type value) {
    if (value instanceof CodeableConcept concept) {
      for (Coding coding : concept.getCoding()) {
        if (coding.getSystem() != null && coding.getCode() != null && SNOMED_SYSTEMS.contains(coding.getSystem())
            && SNOMED_RESULTS.containsKey(coding.getCode())) {
          return SNOMED_RESULTS.get(coding.getCode());
        }
        String byInterpretation = coding.getCode() == null ? null : INTERPRETATIONS.get(coding.getCode());
        if (byInterpretation != null && coding.getSystem() != null && coding.getSystem().contains("Interpretation")) {
          return byInterpretation;
        }
      }
      for (Coding coding : concept.getCoding()) {
        String byText = byText(coding.getDisplay());
        if (byText != null) {
          return byText;
        }
      }
      return byText(concept.getText());
    }
    return value.hasPrimitiveValue() ? byText(value.primitiveValue()) : null;
  }

  private static String interpretation(CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      if (coding.getCode() != null && INTERPRETATIONS.containsKey(coding.getCode())) {
        return INTERPRETATIONS.get(coding.getCode());
      }
    }
    return null;
  }

  private static String byText(String text) {
    if (text == null) {
      return null;
    }
    String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*\\(.*\\)$", "").replaceAll("\\s+", " ");
    return TEXT_RESULTS.get(key);
  }

  private static String text(Type value) {
    if (value instanceof CodeableConcept concept) {
      return concept.getCoding().stream().map(c -> c.getCode() + (c.hasDisplay() ? " " + c.getDisplay() : ""))
          .reduce((a, b) -> a + ", " + b).orElse(concept.getText());
    }
    return value.hasPrimitiveValue() ? value.primitiveValue() : value.fhirType();
  }

  /** Specimen accession (or identifier) first, then the Observation's own identifier. */
  private static String barcode(Observation observation, Function<Reference, IBaseResource> resolve) {
    if (observation.hasSpecimen()) {
      Reference reference = observation.getSpecimen();
      if (resolve.apply(reference) instanceof Specimen specimen) {
        String value = first(specimen.hasAccessionIdentifier() ? List.of(specimen.getAccessionIdentifier())
            : List.of());
        if (value == null) {
          value = first(specimen.getIdentifier());
        }
        if (value != null) {
          return value;
        }
      }
      String value = first(reference.hasIdentifier() ? List.of(reference.getIdentifier()) : List.of());
      if (value != null) {
        return value;
      }
    }
    return first(observation.getIdentifier());
  }

  private static String first(List<Identifier> identifiers) {
    return identifiers.stream().filter(Identifier::hasValue).map(i -> i.getValue().strip()).filter(v -> !v.isEmpty())
        .findFirst().orElse(null);
  }

  /** What may name the lab: the organisation's identifiers and name, the reference's identifier, display and id. */
  private static List<String> labs(Observation observation, Function<Reference, IBaseResource> resolve) {
    List<String> labs = new ArrayList<>();
    for (Reference performer : observation.getPerformer()) {
      if (resolve.apply(performer) instanceof Organization organization) {
        organization.getIdentifier().stream().filter(Identifier::hasValue).forEach(i -> labs.add(i.getValue().strip()));
        if (organization.hasName()) {
          labs.add(organization.getName().strip());
        }
      }
      if (performer.hasIdentifier() && performer.getIdentifier().hasValue()) {
        labs.add(performer.getIdentifier().getValue().strip());
      }
      if (performer.hasDisplay()) {
        labs.add(performer.getDisplay().strip());
      }
      if (performer.hasReference() && performer.getReferenceElement().hasIdPart()
          && "Organization".equals(performer.getReferenceElement().getResourceType())) {
        labs.add(performer.getReferenceElement().getIdPart());
      }
    }
    return labs.stream().filter(l -> !l.isEmpty()).distinct().toList();
  }

  /** issued, else the effective time (a date alone is midnight in the city's zone), else null. */
  private static Instant reportedAt(Observation observation, ZoneId zone) {
    if (observation.hasIssued()) {
      return observation.getIssued().toInstant();
    }
    Type effective = observation.getEffective();
    if (effective instanceof org.hl7.fhir.r4.model.Period period) {
      return instant(period.hasEnd() ? period.getEndElement() : period.getStartElement(), zone);
    }
    return effective instanceof BaseDateTimeType time ? instant(time, zone) : null;
  }

  private static Instant instant(BaseDateTimeType time, ZoneId zone) {
    if (time == null || time.getValue() == null) {
      return null;
    }
    if (time.getPrecision().ordinal() <= ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
      return LocalDate.of(time.getYear(), time.getMonth() + 1, time.getDay() == null ? 1 : time.getDay())
          .atStartOfDay(zone).toInstant();
    }
    return time.getValue().toInstant();
  }
}
