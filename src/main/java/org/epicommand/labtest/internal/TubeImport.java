package org.epicommand.labtest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.epicommand.labtest.SingleTubeMembership;
import org.epicommand.labtest.TubeKind;
import org.epicommand.person.DocumentStage;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonLookup;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code tubes}: CSV {@code tubeBarcode,kind,memberIdType,memberIdNumber,siteCode,collectedAt}, one row
 * per member. Before the first batch the whole file's documents are resolved against the registry in one join
 * ({@link DocumentStage}); a batch (50,000 rows by default) then costs a fixed handful of round trips whatever its
 * size: the cells are parsed and the members' persons read by line from the stage ahead of the batch's transaction,
 * while the previous batch commits (a batch stored unprepared looks its members up by document, one query); then, in
 * the transaction, the sites, the batch's tubes already stored and their members read in one query each
 * ({@link TubeChecks}); the rows are checked
 * against those in memory (unknown site, the same member twice, a tube described differently than before, a full
 * pool); then the new tubes (with ids drawn from their sequence beforehand) and the new members are COPYed straight
 * into their tables, and the counters — the board's hourly rollup ({@link BoardRollup}) and the campaigns' tested
 * persons — are added up per batch. Members already stored are skipped, so importing a file twice changes nothing.
 * A member of a group that requires single tubes found in a pool is stored with a warning
 * ({@link PooledSingleTubeMembers}).
 * Members outside the importer's jurisdiction are reported like unknown persons.
 */
@Component
class TubeImport implements ImportHandler {

  private final PersonLookup persons;
  private final CurrentUser currentUser;
  private final TubeChecks checks;
  private final TubeWrites writes;
  private final LabtestProperties properties;
  private final PooledSingleTubeMembers singleTube;
  private final Clock clock;

  TubeImport(PersonLookup persons, CurrentUser currentUser, TubeChecks checks,
      TubeWrites writes, LabtestProperties properties, PooledSingleTubeMembers singleTube, Clock clock) {
    this.persons = persons;
    this.currentUser = currentUser;
    this.checks = checks;
    this.writes = writes;
    this.properties = properties;
    this.singleTube = singleTube;
    this.clock = clock;
  }

  private static final Comparator<PersonLookup.Document> DOCUMENT_ORDER = (a, b) -> a.idType() == b.idType()
      ? a.idNumber().compareTo(b.idNumber()) : a.idType().name().compareTo(b.idType().name());

  @Override
  public String kind() {
    return "tubes";
  }

  /** The columns, with the headers of the sampling lists that sites and labs export. */
  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("tubeBarcode", "试管条码", "采样管条码", "试管编码", "管码", "条码"),
      ImportColumn.of("kind", "采样类型", "混采类型", "试管类型", "管型"),
      ImportColumn.of("memberIdType", "证件类型"),
      ImportColumn.documentNumber("memberIdNumber", "证件号码", "身份证号", "身份证号码", "证件号"),
      ImportColumn.of("siteCode", "采样点编码", "采样点代码", "采样点编号"),
      ImportColumn.of("collectedAt", "采样时间"));

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "LAB_SAMPLE_WRITE";
  }

  @Override
  public int batchSize() {
    return properties.importBatchSize();
  }

  /** One member row on its way in; {@code personId} etc. are filled as the checks go. */
  static final class Member {
    final ImportRow row;
    final String barcode;
    final TubeKind kind;
    final PersonLookup.Document document;
    final String site;
    final Instant collectedAt;
    /** The person's id in its canonical text form (lower-case hex: its order is the uuid's order). */
    String personId;
    String path;
    long siteId;

    Member(ImportRow row, String barcode, TubeKind kind, PersonLookup.Document document, String site,
        Instant collectedAt) {
      this.row = row;
      this.barcode = barcode;
      this.kind = kind;
      this.document = document;
      this.site = site;
      this.collectedAt = collectedAt;
    }

    int line() {
      return row.line();
    }
  }

  /** A batch's members known to the registry, and the single-tube memberships of those in pools. */
  private record Prepared(List<Member> known, Map<String, List<SingleTubeMembership>> singleTube) {}

  /**
   * Parsing, the registry look-up and the single-tube memberships of pooled members, ahead of the batch's
   * transaction while the previous one commits.
   */
  @Override
  public Object prepare(List<ImportRow> rows, ImportBatch batch) {
    List<Member> known = known(rows, batch, null);
    return new Prepared(known, singleTube.lookUp(known));
  }

  /**
   * The whole file's documents resolved against the registry in one join ({@link DocumentStage}) ahead of
   * the batches, which then read their persons by line instead of probing the registry batch by batch.
   */
  @Override
  public FileStage stage(UUID importId) {
    DocumentStage stage = persons.stage(currentUser.get().scope());
    Cache cache = new Cache();
    return new FileStage() {
      @Override
      public void accept(ImportRow row) {
        String typeCell = row.get("memberIdType");
        IdType idType = typeCell == null ? IdType.RESIDENT_ID : cache.idTypes.computeIfAbsent(typeCell, IdType::parse);
        String number = row.get("memberIdNumber");
        if (idType != null && number != null) {
          stage.add(row.line(), document(idType, number));
        }
      }

      @Override
      public void finish() {
        stage.resolve();
      }

      @Override
      public Object prepare(List<ImportRow> rows, ImportBatch batch) {
        List<Member> known = known(rows, batch, stage);
        return new Prepared(known, singleTube.lookUp(known));
      }

      @Override
      public void close() {
        stage.close();
      }
    };
  }

  @Override
  public void importBatch(List<ImportRow> rows, Object prepared, ImportBatch batch) {
    Prepared ready = prepared == null ? (Prepared) prepare(rows, batch) : (Prepared) prepared;
    if (!ready.known().isEmpty()) {
      TubeChecks.Outcome outcome = checks.check(ready.known(), batch);
      writes.write(outcome, batch.importId());
      singleTube.warn(outcome.accepted(), ready.singleTube(), batch);
    }
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    importBatch(rows, null, batch);
  }

  /**
   * The rows that parse and whose member is a person of the importer's jurisdiction (the others rejected):
   * the persons read from the file's {@code stage} by line, or without one looked up by document.
   */
  private List<Member> known(List<ImportRow> rows, ImportBatch batch, DocumentStage stage) {
    Cache cache = new Cache();
    List<Member> parsed = new ArrayList<>(rows.size());
    for (ImportRow row : rows) {
      Member m = parse(row, batch, cache);
      if (m != null) {
        parsed.add(m);
      }
    }
    Map<Integer, PersonLookup.Located> byLine = null;
    Map<PersonLookup.Document, PersonLookup.Located> found = null;
    if (stage != null) {
      byLine = parsed.isEmpty() ? Map.of()
          : stage.located(parsed.get(0).line(), parsed.get(parsed.size() - 1).line());
    } else {
      // in the key's order: neighbouring probes of the registry's document key share its pages
      Set<PersonLookup.Document> documents = new HashSet<>(rows.size() * 2);
      parsed.forEach(m -> documents.add(m.document));
      List<PersonLookup.Document> ordered = new ArrayList<>(documents);
      ordered.sort(DOCUMENT_ORDER);
      found = persons.locate(ordered, currentUser.get().scope());
    }
    List<Member> known = new ArrayList<>(parsed.size());
    for (Member m : parsed) {
      PersonLookup.Located person = byLine != null ? byLine.get(m.line()) : found.get(m.document);
      if (person == null) {
        batch.reject(m.row, "memberIdNumber", "labtest.unknownPerson");
        continue;
      }
      m.personId = person.id();
      m.path = person.jurisdictionPath();
      known.add(m);
    }
    return known;
  }

  /** A member's document as the registry keys it: resident ID numbers in upper case. */
  private static PersonLookup.Document document(IdType idType, String number) {
    return new PersonLookup.Document(idType, idType == IdType.RESIDENT_ID ? number.toUpperCase(Locale.ROOT) : number);
  }

  /** Per batch: the few distinct kinds, document types and instants of a file parsed once each. */
  private static final class Cache {
    final Map<String, TubeKind> kinds = new HashMap<>();
    final Map<String, IdType> idTypes = new HashMap<>();
    final Map<String, Instant> instants = new HashMap<>();
  }

  private Member parse(ImportRow row, ImportBatch batch, Cache cache) {
    String barcode = row.get("tubeBarcode");
    if (barcode == null || barcode.length() > 40) {
      batch.reject(row, "tubeBarcode", "labtest.barcode");
      return null;
    }
    String kindCell = String.valueOf(row.get("kind"));
    TubeKind kind = cache.kinds.computeIfAbsent(kindCell, Cells::kind);
    if (kind == null) {
      batch.reject(row, "kind", "labtest.kind");
      return null;
    }
    IdType idType = IdType.RESIDENT_ID;
    String typeCell = row.get("memberIdType");
    if (typeCell != null) {
      idType = cache.idTypes.computeIfAbsent(typeCell, IdType::parse);
      if (idType == null) {
        batch.reject(row, "memberIdType", "person.idType");
        return null;
      }
    }
    String number = row.get("memberIdNumber");
    if (number == null) {
      batch.reject(row, "memberIdNumber", "labtest.unknownPerson");
      return null;
    }
    String site = row.get("siteCode");
    if (site == null) {
      batch.reject(row, "siteCode", "labtest.unknownSite");
      return null;
    }
    String collected = row.get("collectedAt");
    Instant collectedAt = collected == null ? null
        : cache.instants.computeIfAbsent(collected, c -> Cells.micros(Cells.instant(c, clock.getZone())));
    if (collectedAt == null) {
      batch.reject(row, "collectedAt", "labtest.instant");
      return null;
    }
    if (Cells.future(collectedAt, clock)) {
      batch.reject(row, "collectedAt", "labtest.futureTime");
      return null;
    }
    return new Member(row, barcode, kind, document(idType, number), site, collectedAt);
  }
}
