package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonLookup;
import org.epicommand.shared.FieldProblem;
import org.epicommand.vaccination.DoseSource;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code doses}: CSV or XLSX {@code idType,idNumber,doseNumber,productCode,batch,date,siteCode}
 * (plus optional {@code vaccinatorCode} and {@code manufacturer}), one row per dose, under the headers
 * the immunisation information systems export. Built like the tubes import for mass-testing speed: ahead
 * of the batch's transaction, while the previous one commits, the cells are parsed, the persons found by
 * document with their birth dates (one query answered from the registry's document key) and the batch's
 * products, sites and vaccinators read; in the transaction {@link DoseLanding} checks each person's doses
 * in order and COPYs the new ones. A dose already stored as the row says counts as already there, so a
 * file imported twice changes nothing; persons outside the importer's jurisdiction are reported like
 * unknown ones.
 */
@Component
class DoseImport implements ImportHandler {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.optional("idType", "证件类型"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号", "身份证号码", "证件号"),
      ImportColumn.of("doseNumber", "剂次", "接种剂次", "第几剂"),
      ImportColumn.of("productCode", "疫苗编码", "疫苗代码", "疫苗名称", "疫苗"),
      ImportColumn.of("batch", "批号", "疫苗批号", "批次号"),
      ImportColumn.of("date", "接种日期", "接种时间"),
      ImportColumn.of("siteCode", "接种点编码", "接种单位编码", "接种点代码"),
      ImportColumn.optional("vaccinatorCode", "接种人员编码", "接种医生编码"),
      ImportColumn.optional("manufacturer", "生产企业", "生产厂家", "疫苗厂家"));

  private static final Comparator<PersonLookup.Document> DOCUMENT_ORDER = (a, b) -> a.idType() == b.idType()
      ? a.idNumber().compareTo(b.idNumber()) : a.idType().name().compareTo(b.idType().name());

  private final PersonLookup persons;
  private final CurrentUser currentUser;
  private final DoseInputs inputs;
  private final DoseLanding landing;
  private final VaccinationProperties properties;
  private final Clock clock;

  DoseImport(PersonLookup persons, CurrentUser currentUser, DoseInputs inputs, DoseLanding landing,
      VaccinationProperties properties, Clock clock) {
    this.persons = persons;
    this.currentUser = currentUser;
    this.inputs = inputs;
    this.landing = landing;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "doses";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "VACCINATION_IMPORT";
  }

  @Override
  public int batchSize() {
    return properties.importBatchSize();
  }

  /** A parsed row waiting for its person. */
  private record Parsed(ImportRow row, PersonLookup.Document document, Integer number, ProductStore.Row product,
      String batch, LocalDate date, String site, String vaccinator) {}

  /** A row on its way in and its dose. */
  private record Pending(ImportRow row, DoseLanding.Candidate candidate) {}

  @Override
  public Object prepare(List<ImportRow> rows, ImportBatch batch) {
    return candidates(rows, batch);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void importBatch(List<ImportRow> rows, Object prepared, ImportBatch batch) {
    List<Pending> pending = prepared == null ? candidates(rows, batch) : (List<Pending>) prepared;
    landing.land(pending.stream().map(Pending::candidate).toList(),
        new DoseLanding.Submission(batch.importId(), DoseSource.IMPORT, batch.username()));
    for (Pending p : pending) {
      ImportRow row = p.row();
      DoseLanding.Candidate c = p.candidate();
      switch (c.fate()) {
        case PRESENT -> batch.alreadyPresent(row);
        case DIFFERS -> batch.reject(row, "doseNumber", "vaccination.dose.recordedDifferently", c.number == null ? ""
            : c.number);
        case REJECTED -> MasterImport.reject(batch, row, c.problems());
        default -> { }
      }
    }
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    importBatch(rows, null, batch);
  }

  /** The rows that parse and name a person of the importer's jurisdiction, with their doses. */
  private List<Pending> candidates(List<ImportRow> rows, ImportBatch batch) {
    List<Parsed> parsed = new ArrayList<>(rows.size());
    Set<String> sites = new HashSet<>();
    Set<String> vaccinators = new HashSet<>();
    for (ImportRow row : rows) {
      if (row.get("siteCode") != null) {
        sites.add(row.get("siteCode"));
      }
      if (row.get("vaccinatorCode") != null) {
        vaccinators.add(row.get("vaccinatorCode"));
      }
    }
    DoseInputs.Known known = inputs.read(sites, vaccinators);
    Set<PersonLookup.Document> documents = new HashSet<>();
    for (ImportRow row : rows) {
      Parsed p = parse(row, known, batch);
      if (p != null) {
        parsed.add(p);
        documents.add(p.document());
      }
    }
    List<PersonLookup.Document> ordered = new ArrayList<>(documents);
    ordered.sort(DOCUMENT_ORDER);
    Map<PersonLookup.Document, PersonLookup.Born> found = persons.locateBorn(ordered);
    JurisdictionScope scope = currentUser.get().scope();
    List<Pending> candidates = new ArrayList<>(parsed.size());
    for (Parsed p : parsed) {
      PersonLookup.Born person = found.get(p.document());
      if (person == null || !scope.contains(person.jurisdictionPath())) {
        batch.reject(p.row(), "idNumber", "vaccination.unknownPerson");
        continue;
      }
      candidates.add(new Pending(p.row(), new DoseLanding.Candidate(p.row().line(), UUID.fromString(person.id()),
          person.jurisdictionPath(), person.birthDate(), p.number(), p.product(), p.batch(), p.date(), p.site(),
          p.vaccinator())));
    }
    return candidates;
  }

  private Parsed parse(ImportRow row, DoseInputs.Known known, ImportBatch batch) {
    List<FieldProblem> problems = new ArrayList<>();
    IdType idType = row.get("idType") == null ? IdType.RESIDENT_ID : IdType.parse(row.get("idType"));
    if (idType == null) {
      problems.add(FieldProblem.of("idType", "person.idType"));
    }
    String number = row.get("idNumber");
    if (number == null) {
      problems.add(FieldProblem.of("idNumber", "vaccination.unknownPerson"));
    }
    Integer dose = DoseCells.doseNumber(row.get("doseNumber"));
    if (dose == null) {
      problems.add(FieldProblem.of("doseNumber", "vaccination.dose.number"));
    }
    ProductStore.Row product = known.product(row.get("productCode"), row.get("manufacturer"), problems);
    String lot = MasterRules.limited(row.get("batch"), 40, "batch", problems);
    LocalDate date = DoseCells.date(row.get("date"), clock.getZone());
    if (date == null) {
      problems.add(FieldProblem.of("date", "vaccination.date"));
    }
    String site = row.get("siteCode");
    String vaccinator = row.get("vaccinatorCode");
    known.place(site, vaccinator, problems);
    if (!problems.isEmpty()) {
      MasterImport.reject(batch, row, problems);
      return null;
    }
    String document = idType == IdType.RESIDENT_ID ? number.toUpperCase(Locale.ROOT) : number;
    return new Parsed(row, new PersonLookup.Document(idType, document), dose, product, lot, date, site, vaccinator);
  }
}
