package org.epicommand.movement.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonMatching;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.shared.CopyText;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code pushed-list}: CSV or XLSX
 * {@code listRef,idType,idNumber,name,phone,reason,sourceRegion,pushedAt}. Each batch is checked row
 * by row (a row needs a valid document, or a name with a phone), matched to the registry in bulk
 * (document first, then name + phone), routed (the person's community; unmatched: the district of
 * the source region, or the default desk), COPYed into a staging table and merged set-based: the same
 * document twice in one list, or again while an item for it is open, makes one item. A document
 * repeated inside the file is reported as a duplicate; re-importing a list adds nothing.
 */
@Component
class PushedListImport implements ImportHandler {

  static final int MAX_TEXT = 200;

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final PersonMatching matching;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final MovementProperties properties;
  private final Clock clock;

  PushedListImport(DataSource dataSource, JdbcClient jdbc, PersonMatching matching, Jurisdictions jurisdictions,
      CurrentUser currentUser, AuditTrail audit, MovementProperties properties, Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.matching = matching;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "pushed-list";
  }

  @Override
  public List<String> columns() {
    return List.of("listRef", "idType", "idNumber", "name", "phone", "reason", "sourceRegion", "pushedAt");
  }

  @Override
  public String requiredAuthority() {
    return "PUSHED_LIST_IMPORT";
  }

  @Override
  public int batchSize() {
    return 10_000;
  }

  /** A checked row, ready to be matched and staged. */
  private static final class Item {
    final ImportRow row;
    final String listRef;
    final IdType idType;
    final String idNumber;
    final String name;
    final String phone;
    final String reason;
    final String sourceRegion;
    final Instant pushedAt;
    String personId;
    String matchedBy = "NONE";
    Jurisdiction place;

    Item(ImportRow row, String listRef, IdType idType, String idNumber, String name, String phone, String reason,
        String sourceRegion, Instant pushedAt) {
      this.row = row;
      this.listRef = listRef;
      this.idType = idType;
      this.idNumber = idNumber;
      this.name = name;
      this.phone = phone;
      this.reason = reason;
      this.sourceRegion = sourceRegion;
      this.pushedAt = pushedAt;
    }

    String docKey() {
      return idNumber != null ? idType.name() + ":" + idNumber : "NP:" + name + ":" + phone;
    }
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    Instant now = clock.instant();
    places.clear(); // divisions may have been imported since the last batch
    List<Item> items = new ArrayList<>(rows.size());
    for (ImportRow row : rows) {
      check(row, batch, now).ifPresent(items::add);
    }
    if (items.isEmpty()) {
      return;
    }
    match(items);
    route(items);
    stage(items);
    Map<Integer, Item> byLine = new HashMap<>();
    items.forEach(item -> byLine.put(item.row.line(), item));
    // the same list and document twice in this file: within the batch, and against earlier batches
    jdbc.sql("""
        select line, first from (
          select source_line as line, min(source_line) over (partition by list_ref, doc_key) as first from pushed_stage
        ) s where line <> first
        union all
        select s.source_line, p.source_line from pushed_stage s
          join pushed_item p on p.list_ref = s.list_ref and p.doc_key = s.doc_key
        where p.import_id = :importId and p.source_line <> s.source_line
        """).param("importId", batch.importId())
        .query((rs, n) -> Map.entry(rs.getInt(1), rs.getInt(2))).list()
        .forEach(dup -> batch.reject(byLine.get(dup.getKey()).row, "idNumber", "movement.pushed.duplicateInFile",
            dup.getValue()));
    int inserted = jdbc.sql("""
        insert into pushed_item (id, list_ref, doc_key, id_type, id_number, name, phone, reason, source_region,
          pushed_at, person_id, matched_by, jurisdiction_code, jurisdiction_path, state, import_id, source_line, updated_at)
        select distinct on (list_ref, doc_key) id, list_ref, doc_key, id_type, id_number, name, phone, reason,
          source_region, pushed_at, person_id, matched_by, jurisdiction_code, jurisdiction_path, 'PUSHED', :importId,
          source_line, :now
        from pushed_stage order by list_ref, doc_key, source_line
        on conflict do nothing
        """).param("importId", batch.importId()).param("now", Timestamp.from(now)).update();
    jdbc.sql("truncate pushed_stage").update();
    audit.record(AuditAction.CREATE, "PUSHED_LIST", batch.importId().toString(),
        "lines " + rows.get(0).line() + "-" + rows.get(rows.size() - 1).line() + ": " + inserted + " new items");
  }

  private Optional<Item> check(ImportRow row, ImportBatch batch, Instant now) {
    String listRef = row.get("listRef");
    if (listRef == null || listRef.length() > 100) {
      batch.reject(row, "listRef", "movement.pushed.listRef");
      return Optional.empty();
    }
    IdType idType = IdType.RESIDENT_ID;
    if (row.get("idType") != null) {
      try {
        idType = IdType.valueOf(row.get("idType").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        batch.reject(row, "idType", "person.idType");
        return Optional.empty();
      }
    }
    String idNumber = row.get("idNumber");
    if (idNumber != null) {
      if (idType == IdType.RESIDENT_ID) {
        ResidentIdNumber.Parsed parsed = ResidentIdNumber.parse(idNumber, LocalDate.now(clock));
        if (parsed.problem().isPresent()) {
          batch.reject(row, "idNumber", "idNumber." + parsed.problem().get());
          return Optional.empty();
        }
        idNumber = parsed.number().get().value();
      } else if (!idNumber.matches("[A-Za-z0-9]{3,40}")) {
        batch.reject(row, "idNumber", "movement.pushed.documentNumber");
        return Optional.empty();
      } else {
        idNumber = idNumber.toUpperCase(Locale.ROOT);
      }
    }
    String name = row.get("name");
    if (name != null && name.length() > 50) {
      batch.reject(row, "name", "movement.pushed.name");
      return Optional.empty();
    }
    String phone = null;
    if (row.get("phone") != null) {
      phone = PhoneNumbers.normalize(row.get("phone"));
      if (phone == null) {
        batch.reject(row, "phone", "person.phone");
        return Optional.empty();
      }
    }
    if (idNumber == null && (name == null || phone == null)) {
      batch.reject(row, "idNumber", "movement.pushed.noIdentifier");
      return Optional.empty();
    }
    String reason = row.get("reason");
    String sourceRegion = row.get("sourceRegion");
    if ((reason != null && reason.length() > MAX_TEXT) || (sourceRegion != null && sourceRegion.length() > 20)) {
      batch.reject(row, reason != null && reason.length() > MAX_TEXT ? "reason" : "sourceRegion", "movement.pushed.tooLong");
      return Optional.empty();
    }
    Instant pushedAt = pushedAt(row.get("pushedAt"));
    if (pushedAt == null || pushedAt.isAfter(now.plusSeconds(3600))) {
      batch.reject(row, "pushedAt", "movement.pushed.pushedAt");
      return Optional.empty();
    }
    return Optional.of(new Item(row, listRef, idType, idNumber, name, phone, reason, sourceRegion, pushedAt));
  }

  /** ISO with offset, or a local date-time in the city's zone ({@code 2022-11-11 08:00[:00]} or with {@code T}). */
  private Instant pushedAt(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text.replace(' ', 'T').replace('/', '-')).atZone(clock.getZone()).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** Document first (one query per document type), then name + phone for the rest. */
  private void match(List<Item> items) {
    Map<IdType, Map<String, Item>> byType = new HashMap<>();
    for (Item item : items) {
      if (item.idNumber != null) {
        byType.computeIfAbsent(item.idType, t -> new HashMap<>()).putIfAbsent(item.idNumber, item);
      }
    }
    Map<String, PersonMatching.Match> found = new HashMap<>();
    byType.forEach((type, numbers) -> matching.byDocuments(type, numbers.keySet())
        .forEach(m -> found.put(m.idType() + ":" + m.idNumber(), m)));
    Map<String, List<Item>> byPhone = new HashMap<>();
    for (Item item : items) {
      PersonMatching.Match m = item.idNumber == null ? null : found.get(item.idType + ":" + item.idNumber);
      if (m != null) {
        item.personId = m.personId();
        item.matchedBy = "DOCUMENT";
        item.place = place(m.jurisdictionCode());
      } else if (item.name != null && item.phone != null) {
        byPhone.computeIfAbsent(item.phone, p -> new ArrayList<>()).add(item);
      }
    }
    if (!byPhone.isEmpty()) {
      for (PersonMatching.Match m : matching.byPhones(byPhone.keySet())) {
        for (Item item : byPhone.get(m.phone())) {
          if (item.personId == null && m.name().equals(item.name)) {
            item.personId = m.personId();
            item.matchedBy = "NAME_PHONE";
            item.place = place(m.jurisdictionCode());
          }
        }
      }
    }
  }

  private final Map<String, Optional<Jurisdiction>> places = new java.util.concurrent.ConcurrentHashMap<>();

  private Jurisdiction place(String code) {
    return code == null ? null : places.computeIfAbsent(code, jurisdictions::find).orElse(null);
  }

  /** Unmatched: the division named by the source region, else the default desk, else the importer's jurisdiction. */
  private void route(List<Item> items) {
    Jurisdiction fallback = null;
    for (Item item : items) {
      if (item.place != null) {
        continue;
      }
      Jurisdiction region = item.sourceRegion != null && item.sourceRegion.matches("\\d{6,12}") ? place(item.sourceRegion) : null;
      if (region == null) {
        if (fallback == null) {
          fallback = Optional.ofNullable(properties.defaultDeskCode()).filter(c -> !c.isBlank()).map(this::place)
              .orElseGet(() -> place(currentUser.get().jurisdictionCode()));
        }
        region = fallback;
      }
      item.place = region;
    }
  }

  /** COPY of the checked rows into the transaction's staging table. */
  private void stage(List<Item> items) {
    jdbc.sql("""
        create temp table if not exists pushed_stage (
          id uuid, list_ref text, doc_key text, id_type text, id_number text, name text, phone text, reason text,
          source_region text, pushed_at timestamptz, person_id uuid, matched_by text, jurisdiction_code text,
          jurisdiction_path text collate "C", source_line int
        ) on commit delete rows
        """).update();
    StringBuilder out = new StringBuilder(items.size() * 160);
    for (Item i : items) {
      field(out, UUID.randomUUID().toString()).field(out, i.listRef).field(out, i.docKey())
          .field(out, i.idNumber == null ? null : i.idType.name()).field(out, i.idNumber).field(out, i.name)
          .field(out, i.phone).field(out, i.reason).field(out, i.sourceRegion).field(out, i.pushedAt.toString())
          .field(out, i.personId).field(out, i.matchedBy).field(out, i.place.code()).field(out, i.place.path());
      out.append(i.row.line()).append('\n');
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy pushed_stage from stdin",
          new java.io.StringReader(out.toString()));
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("staging the pushed list failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private PushedListImport field(StringBuilder out, String value) {
    CopyText.append(out, value);
    out.append('\t');
    return this;
  }
}
