package org.epicommand.tracing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.epicommand.cases.Classification;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportRow;
import org.epicommand.person.IdType;
import org.epicommand.person.Sex;
import org.epicommand.shared.FieldProblem;

/**
 * One row of a {@code cases} line list, parsed: {@code caseRef,name,idType,idNumber,sex,age,
 * classification,onsetDate,diagnosedDate,jurisdictionCode,infectorRefs,cluster}.
 */
record LineListRow(ImportRow row, String caseRef, String name, IdType idType, String idNumber, Sex sex, Integer age,
    Classification classification, LocalDate onsetDate, LocalDate diagnosedDate, String jurisdictionCode,
    Set<String> infectorRefs, String cluster) {

  static final int MAX_REF = 64;

  static LineListRow parse(ImportRow row, List<FieldProblem> problems) {
    String caseRef = row.get("caseRef");
    if (caseRef == null || caseRef.length() > MAX_REF || caseRef.contains(";")) {
      problems.add(FieldProblem.of("caseRef", "tracing.import.caseRef", MAX_REF));
    }
    IdType idType = null;
    String type = row.get("idType");
    if (type != null) {
      idType = IdType.parse(type);
      if (idType == null) {
        problems.add(FieldProblem.of("idType", "person.idType"));
      }
    }
    Sex sex = null;
    String sexText = row.get("sex");
    if (sexText != null) {
      sex = Sex.parse(sexText);
      if (sex == null) {
        problems.add(FieldProblem.of("sex", "person.sex"));
      }
    }
    Integer age = null;
    String ageText = row.get("age");
    if (ageText != null) {
      // historic line lists give infants' ages in fractions of a year (0.5): whole years are kept
      if (ageText.matches("\\d{1,3}(\\.\\d{1,2})?") && new BigDecimal(ageText).intValue() <= 130) {
        age = new BigDecimal(ageText).intValue();
      } else {
        problems.add(FieldProblem.of("age", "case.age"));
      }
    }
    Classification classification = classification(row.get("classification"));
    if (classification == null || classification == Classification.EXCLUDED) {
      problems.add(FieldProblem.of("classification", "case.initialClassification"));
    }
    LocalDate onset = date(row, "onsetDate", problems);
    LocalDate diagnosed = date(row, "diagnosedDate", problems);
    Set<String> infectors = new LinkedHashSet<>();
    String refs = row.get("infectorRefs");
    if (refs != null) {
      for (String ref : refs.split(";")) {
        if (!ref.isBlank()) {
          infectors.add(ref.strip());
        }
      }
      if (caseRef != null && infectors.contains(caseRef)) {
        problems.add(FieldProblem.of("infectorRefs", "tracing.selfLink"));
      }
    }
    String cluster = row.get("cluster");
    if (cluster != null && cluster.length() > 100) {
      problems.add(FieldProblem.of("cluster", "tracing.import.cluster"));
    }
    return new LineListRow(row, caseRef, row.get("name"), idType, row.get("idNumber"), sex, age, classification,
        onset, diagnosed, row.get("jurisdictionCode"), infectors, cluster);
  }

  private static Classification classification(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "CONFIRMED", "确诊", "确诊病例" -> Classification.CONFIRMED;
      case "SUSPECTED", "疑似", "疑似病例" -> Classification.SUSPECTED;
      case "ASYMPTOMATIC", "无症状", "无症状感染者" -> Classification.ASYMPTOMATIC;
      default -> null;
    };
  }

  private static LocalDate date(ImportRow row, String column, List<FieldProblem> problems) {
    String text = row.get(column);
    if (text == null) {
      return null;
    }
    LocalDate date = CellValues.date(text);
    if (date == null || date.getYear() < 1900) {
      problems.add(FieldProblem.of(column, "tracing.import.date"));
      return null;
    }
    return date;
  }

  /** Only the first problem of each field is reported. */
  static List<FieldProblem> firstPerField(List<FieldProblem> problems) {
    List<FieldProblem> first = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (FieldProblem p : problems) {
      if (seen.add(p.field())) {
        first.add(p);
      }
    }
    return first;
  }
}
