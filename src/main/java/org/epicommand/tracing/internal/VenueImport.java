package org.epicommand.tracing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Coordinates;
import org.epicommand.shared.FieldProblem;
import org.epicommand.tracing.NewVenue;
import org.epicommand.tracing.Venue;
import org.epicommand.tracing.VenueState;
import org.epicommand.tracing.VenueType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code venues}: a city's venue list, CSV or XLSX
 * {@code code,name,type,address,jurisdictionCode,lat,lon} or the Chinese headers offices write
 * (场所编码, 场所名称, 场所类型, 详细地址, 所属区划代码, 纬度, 经度). {@code type} is the type's code
 * ({@code SUPERMARKET}) or its name (超市, Supermarket); {@code address}, {@code lat} and {@code lon}
 * may be empty. Each row passes the rules of a registration, its division must lie inside the
 * importer's jurisdiction and its coordinates inside the division's boundary (where it has one). Idempotent by code: a
 * new code registers a venue, a known one takes the
 * row's name, address, type, division and coordinates when they changed (audited as an edit), an
 * unchanged one counts as imported and changes nothing. Row errors: the code twice in the file (naming
 * the first line, also across batches: each venue keeps the import and line that last named it), a
 * code of a venue outside the importer's jurisdiction, changes to a retired venue.
 */
@Component
class VenueImport implements ImportHandler {

  private static final String SUBJECT = "VENUE";

  private final VenueStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final Clock clock;
  private final DivisionBoundaries boundaries;

  VenueImport(VenueStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit,
      MessageSource messages, Clock clock, DivisionBoundaries boundaries) {
    this.boundaries = boundaries;
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "venues";
  }

  /**
   * The columns, with the headers of the venue lists market supervision and the health-code platform
   * give (场所编码 as in the scans import, so one office's files agree).
   */
  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("code", "场所编码", "场所码", "场所代码", "场所码编号"),
      ImportColumn.of("name", "场所名称", "名称"),
      ImportColumn.of("type", "场所类型", "类型", "场所类别"),
      ImportColumn.of("address", "详细地址", "场所地址", "地址"),
      ImportColumn.of("jurisdictionCode", "所属区划代码", "行政区划代码", "区划代码", "所属社区代码", "辖区代码"),
      ImportColumn.of("lat", "纬度"),
      ImportColumn.of("lon", "经度"));

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
    return 2000;
  }

  private record Parsed(ImportRow row, NewVenue venue, Jurisdiction place) {}

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    UserContext user = currentUser.get();
    Map<String, VenueType> types = typesByName();
    Map<String, Optional<Jurisdiction>> places = new HashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    List<Parsed> valid = new ArrayList<>(rows.size());
    for (ImportRow row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      NewVenue venue = VenueRules.normalise(parse(row, types, problems));
      VenueRules.check(venue, true, problems);
      Optional<Jurisdiction> place = venue.jurisdictionCode() == null ? Optional.empty()
          : places.computeIfAbsent(venue.jurisdictionCode(), jurisdictions::find);
      if (place.isEmpty()) {
        problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
      } else if (!user.scope().contains(place.get().path())) {
        problems.add(FieldProblem.of("jurisdictionCode", "tracing.venue.outsideScope"));
      } else {
        boundaries.checkInside(place.get().code(), venue.lat(), venue.lon(), "lat", problems);
      }
      Integer first = problems.isEmpty() ? firstLine.putIfAbsent(venue.code(), row.line()) : null;
      if (first != null) {
        problems.add(FieldProblem.of("code", "tracing.venue.duplicateInFile", venue.code(), first));
      }
      if (problems.isEmpty()) {
        valid.add(new Parsed(row, venue, place.get()));
      } else {
        reject(batch, row, problems);
      }
    }
    Map<String, VenueStore.Stored> stored = store.byCodes(valid.stream().map(p -> p.venue().code()).toList());
    Instant now = clock.instant();
    for (Parsed p : valid) {
      store(p, stored.get(p.venue().code()), user, batch, now);
    }
  }

  private void store(Parsed p, VenueStore.Stored existing, UserContext user, ImportBatch batch, Instant now) {
    NewVenue v = p.venue();
    int line = p.row().line();
    if (existing == null) {
      Venue venue = new Venue(UUID.randomUUID().toString(), v.code(), v.name(), v.address(), v.type(),
          p.place().code(), v.lat(), v.lon(), VenueState.ACTIVE, null);
      if (store.insert(venue, p.place().path(), now, batch.importId(), line)) {
        audit.record(AuditAction.CREATE, SUBJECT, venue.id(), venue.code() + " import " + batch.importId());
      } else {
        // registered meanwhile by someone else
        batch.reject(p.row(), "code", "tracing.venue.duplicate");
      }
      return;
    }
    if (batch.importId().equals(existing.importId()) && existing.importLine() != null
        && existing.importLine() != line) {
      batch.reject(p.row(), "code", "tracing.venue.duplicateInFile", v.code(), existing.importLine());
      return;
    }
    if (!user.scope().contains(existing.path())) {
      batch.reject(p.row(), "code", "tracing.venue.codeOutsideScope", v.code());
      return;
    }
    Venue current = existing.venue();
    Venue corrected = new Venue(current.id(), current.code(), v.name(), v.address(), v.type(), p.place().code(),
        v.lat(), v.lon(), current.state(), current.retiredAt());
    String changes = VenueRules.changes(current, corrected);
    if (changes == null) {
      store.markImported(current.id(), batch.importId(), line);
    } else if (current.state() == VenueState.RETIRED) {
      batch.reject(p.row(), "code", "tracing.venue.retiredInFile", v.code());
    } else {
      store.update(corrected, p.place().path(), now, batch.importId(), line);
      audit.record(AuditAction.UPDATE, SUBJECT, current.id(), changes);
    }
  }

  private static NewVenue parse(ImportRow row, Map<String, VenueType> types, List<FieldProblem> problems) {
    String typeText = row.get("type");
    VenueType type = null;
    if (typeText != null) {
      type = types.get(typeText.toLowerCase(Locale.ROOT));
      if (type == null) {
        problems.add(FieldProblem.of("type", "tracing.venue.typeUnknown", typeText));
      }
    }
    return new NewVenue(row.get("code"), row.get("name"), row.get("address"), type, row.get("jurisdictionCode"),
        Coordinates.parse(row.get("lat")), Coordinates.parse(row.get("lon")));
  }

  /** Each type by its code and by its Chinese and English names, in lower case. */
  private Map<String, VenueType> typesByName() {
    Map<String, VenueType> types = new HashMap<>();
    for (VenueType type : VenueType.values()) {
      types.put(type.name().toLowerCase(Locale.ROOT), type);
      for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
        types.putIfAbsent(messages.getMessage("venueType." + type.name(), null, type.name(), locale)
            .toLowerCase(Locale.ROOT), type);
      }
    }
    return types;
  }

  /** One error per field (the first), in the order found. */
  private static void reject(ImportBatch batch, ImportRow row, List<FieldProblem> problems) {
    Map<String, FieldProblem> first = new LinkedHashMap<>();
    problems.forEach(p -> first.putIfAbsent(p.field(), p));
    first.values().forEach(p -> batch.reject(row, p.field(), p.code(), p.args().toArray()));
  }
}
