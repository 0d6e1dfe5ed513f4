package org.epicommand.tracing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.epicommand.person.IdType;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PersonLookup.Document;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code venue-scans}: CSV {@code idType,idNumber,venueCode,scannedAt}. Per batch of
 * 20,000 rows: the timestamps read by hand ({@link ScanTimes}), one look-up of the persons, the venues
 * from a cache of known codes (one look-up for the rest) and which of them are retired (one look-up in
 * a small partial index), row errors for unknown venues, scans at a venue since its retirement, unknown
 * documents (a person outside the importer's jurisdiction is one) and bad or future timestamps; the valid rows go into
 * the day partitions by one insert
 * ({@link ScanStore#store}). A scan already stored counts as imported and adds nothing. {@code scannedAt} is ISO-8601
 * with an
 * offset, or a local {@code yyyy-MM-dd HH:mm[:ss]} in the city's zone.
 */
@Component
class VenueScanImport implements ImportHandler {

  /** Scans up to this long after "now" are accepted (clock skew of scanning devices). */
  private static final java.time.Duration SKEW = java.time.Duration.ofMinutes(5);

  /** No scan is older than the first cases. */
  private static final Instant EARLIEST = Instant.parse("2019-12-01T00:00:00Z");

  private static final int VENUE_CACHE = 500_000;

  private final java.util.concurrent.ConcurrentHashMap<String,
      UUID> knownVenues = new java.util.concurrent.ConcurrentHashMap<>();
  private final VenueStore venues;
  private final ScanStore scans;
  private final PersonLookup persons;
  private final CurrentUser currentUser;
  private final Clock clock;

  VenueScanImport(VenueStore venues, ScanStore scans, PersonLookup persons, CurrentUser currentUser, Clock clock) {
    this.venues = venues;
    this.scans = scans;
    this.persons = persons;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "venue-scans";
  }

  /** The columns, with the headers of the scan exports venues and the health-code platform give. */
  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("idType", "证件类型"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号", "身份证号码", "证件号"),
      ImportColumn.of("venueCode", "场所编码", "场所码", "场所代码", "场所码编号"),
      ImportColumn.of("scannedAt", "扫码时间"));

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "CASE_WRITE";
  }

  @Override
  public int batchSize() {
    // per batch: one person look-up, one insert, one commit with the job's counters; larger batches
    // spread those over more rows (20,000 rows of a scan file are about 1.3 MB)
    return 20_000;
  }

  private record ScanKey(UUID venue, Instant at, UUID person) {}

  private record Parsed(ImportRow row, Document document, String venueCode, Instant scannedAt) {}

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    Instant latest = clock.instant().plus(SKEW);
    List<Parsed> parsed = new ArrayList<>(rows.size());
    Set<Document> documents = new HashSet<>();
    Set<String> codes = new HashSet<>();
    for (ImportRow row : rows) {
      Parsed p = parse(row, batch, latest);
      if (p != null) {
        parsed.add(p);
        documents.add(p.document());
        codes.add(p.venueCode());
      }
    }
    Map<String, UUID> venueIds = venueIds(codes);
    // retired venues refuse scans from their retirement on (earlier scans are history and still land)
    Map<UUID, Instant> retired = venues.retiredAmong(new HashSet<>(venueIds.values()));
    Map<Document, UUID> personIds = new java.util.HashMap<>();
    // a person outside the importer's jurisdiction is an unknown person here (no scan is placed on them)
    persons.locate(documents, currentUser.get().scope()).forEach((document, located) -> personIds.put(document,
        UUID.fromString(located.id())));
    List<ScanStore.Scan> valid = new ArrayList<>(parsed.size());
    Map<ScanKey, Integer> seen = new java.util.HashMap<>();
    Map<Integer, ImportRow> byLine = new java.util.HashMap<>();
    for (Parsed p : parsed) {
      UUID venue = venueIds.get(p.venueCode());
      UUID person = personIds.get(p.document());
      Instant retiredAt = venue == null ? null : retired.get(venue);
      if (venue == null) {
        batch.reject(p.row(), "venueCode", "tracing.scan.venueUnknown", p.venueCode());
      } else if (retiredAt != null && !p.scannedAt().isBefore(retiredAt)) {
        batch.reject(p.row(), "venueCode", "tracing.scan.venueRetired", p.venueCode(),
            ScanTimes.local(retiredAt, clock.getZone()));
      } else if (person == null) {
        batch.reject(p.row(), "idNumber", "tracing.scan.personUnknown");
      } else {
        Integer first = seen.putIfAbsent(new ScanKey(venue, p.scannedAt(), person), p.row().line());
        if (first != null) {
          batch.reject(p.row(), "scannedAt", "tracing.scan.duplicateInFile", first);
        } else {
          valid.add(new ScanStore.Scan(venue, p.scannedAt(), person, p.row().line()));
          byLine.put(p.row().line(), p.row());
        }
      }
    }
    // the same scan in an earlier batch of this file: reported like a repeat within the batch
    scans.store(valid, batch.importId(), clock.getZone())
        .forEach(line -> batch.reject(byLine.get(line), "scannedAt", "tracing.scan.duplicateEarlier"));
  }

  /**
   * Venue ids by code. A venue's code never changes and venues are not deleted, so ids once found are
   * kept (up to {@link #VENUE_CACHE}); codes not found are asked again, as they may be registered since.
   */
  private Map<String, UUID> venueIds(Set<String> codes) {
    Map<String, UUID> ids = new java.util.HashMap<>();
    Set<String> missing = new HashSet<>();
    for (String code : codes) {
      UUID id = knownVenues.get(code);
      if (id != null) {
        ids.put(code, id);
      } else {
        missing.add(code);
      }
    }
    if (!missing.isEmpty()) {
      Map<String, UUID> found = venues.idsByCode(missing);
      ids.putAll(found);
      if (knownVenues.size() + found.size() > VENUE_CACHE) {
        knownVenues.clear();
      }
      knownVenues.putAll(found);
    }
    return ids;
  }

  private Parsed parse(ImportRow row, ImportBatch batch, Instant latest) {
    IdType idType = IdType.RESIDENT_ID;
    String type = row.get("idType");
    if (type != null) {
      idType = IdType.parse(type);
      if (idType == null) {
        batch.reject(row, "idType", "person.idType");
        return null;
      }
    }
    String number = row.get("idNumber");
    if (number == null || number.length() > 40) {
      batch.reject(row, "idNumber", "tracing.scan.idNumber");
      return null;
    }
    String code = row.get("venueCode");
    if (code == null || code.length() > 64) {
      batch.reject(row, "venueCode", "tracing.scan.venueCode");
      return null;
    }
    String at = row.get("scannedAt");
    Instant scannedAt = at == null ? null : ScanTimes.parse(at, clock.getZone());
    if (scannedAt == null) {
      batch.reject(row, "scannedAt", "tracing.scan.scannedAt");
      return null;
    }
    if (scannedAt.isAfter(latest) || scannedAt.isBefore(EARLIEST)) {
      batch.reject(row, "scannedAt", "tracing.scan.scannedAtRange");
      return null;
    }
    return new Parsed(row, new Document(idType, number.toUpperCase(Locale.ROOT)), code, scannedAt);
  }

}
