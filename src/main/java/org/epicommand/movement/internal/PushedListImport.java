package org.epicommand.movement.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonMatching;
import org.epicommand.shared.CopyText;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code pushed-list}: CSV or XLSX
 * {@code listRef,idType,idNumber,name,phone,reason,sourceRegion,pushedAt}. Each batch is prepared
 * ahead of its transaction, on the import's reading thread: checked row by row ({@link PushedRow}),
 * matched to the registry in bulk (document first, then name + phone), routed (the person's
 * community; unmatched: the division of the source region, or the default desk) and written as COPY
 * text; the same list and document again inside the batch is rejected there as a duplicate. Its
 * transaction COPYs it into a staging table and inserts set-based: the same document again while an
 * item for it is open (any list), or again in a list whose item for it is closed, makes no new item;
 * a repeat of an earlier batch of the same file is reported as a duplicate; re-importing a list adds
 * nothing.
 */
@Component
class PushedListImport implements ImportHandler {

  private static final Pattern REGION = Pattern.compile("\\d{6,12}");
  /** How long looked-up divisions are reused (divisions may be imported meanwhile). */
  private static final long PLACES_NANOS = 30_000_000_000L;

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

  /** The columns, with the headers of the lists that other cities and agencies push. */
  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("listRef", "清单编号", "推送批次", "批次号", "批次"),
      ImportColumn.of("idType", "证件类型"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号", "身份证号码", "证件号"),
      ImportColumn.of("name", "姓名"),
      ImportColumn.of("phone", "联系电话", "手机号", "手机号码", "电话", "联系方式"),
      ImportColumn.of("reason", "推送原因", "协查原因", "原因", "风险类型"),
      ImportColumn.of("sourceRegion", "来源地区", "来源地", "推送地区", "来源地区代码"),
      ImportColumn.of("pushedAt", "推送时间"));

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "PUSHED_LIST_IMPORT";
  }

  @Override
  public int batchSize() {
    return 10_000;
  }

  /** A batch checked, matched and routed ahead of its transaction: its rows in COPY text form. */
  private record Prepared(String copy, int staged, Map<Integer, ImportRow> byLine) {}

  /**
   * Checks, matches and routes a batch outside its transaction (the registry is only read), on the
   * import's reading thread while the previous batch is being stored.
   */
  @Override
  public Object prepare(List<ImportRow> rows, ImportBatch batch) {
    Instant now = clock.instant();
    PushedRow.Checks checks = new PushedRow.Checks(now, clock.getZone());
    List<PushedRow> items = new ArrayList<>(rows.size());
    Map<String, Integer> firstLines = new HashMap<>(rows.size() * 2);
    for (ImportRow row : rows) {
      PushedRow item = checks.check(row, batch);
      if (item == null) {
        continue;
      }
      // the same list and document again in this batch: a duplicate of its first line, not staged
      Integer first = firstLines.putIfAbsent(item.listRef + '\u0000' + item.docKey(), row.line());
      if (first != null) {
        batch.reject(row, "idNumber", "movement.pushed.duplicateInFile", first);
      } else {
        items.add(item);
      }
    }
    Places places = places();
    // the importer's jurisdiction bounds the matching: a person outside it is not matched (nor named, nor
    // given an item); the row is routed like an unmatched one, inside the importer's jurisdiction
    JurisdictionScope scope = currentUser.get().scope();
    match(items, places, scope);
    route(items, places, scope);
    StringBuilder out = new StringBuilder(items.size() * 200);
    Map<Integer, ImportRow> byLine = new HashMap<>(items.size() * 2);
    Instant lastPushedAt = null;
    String pushedAtText = null;
    for (PushedRow i : items) {
      if (!i.pushedAt.equals(lastPushedAt)) {
        lastPushedAt = i.pushedAt;
        pushedAtText = i.pushedAt.toString();
      }
      field(out, timeOrderedId().toString()).field(out, i.listRef).field(out, i.docKey())
          .field(out, i.idNumber == null ? null : i.idType.name()).field(out, i.idNumber).field(out, i.name)
          .field(out, i.phone).field(out, i.reason).field(out, i.sourceRegion).field(out, pushedAtText)
          .field(out, i.personId).field(out, i.matchedBy).field(out, i.place.code()).field(out, i.place.path());
      out.append(i.row.line()).append('\n');
      byLine.put(i.row.line(), i.row);
    }
    return new Prepared(out.toString(), items.size(), byLine);
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    importBatch(rows, null, batch);
  }

  /**
   * One statement inserts the staged rows (one per list and document already) except where an open
   * item holds the document (any list) or a closed one of the same list holds it, and answers the
   * rows it did not insert, each with the line of this import's item that holds it, if any.
   */
  private static final String INSERT = """
      with fresh as (
        insert into pushed_item (id, list_ref, doc_key, id_type, id_number, name, phone, reason, source_region,
          pushed_at, person_id, matched_by, jurisdiction_code, jurisdiction_path, state, import_id, source_line,
          updated_at)
        select s.id, s.list_ref, s.doc_key, s.id_type, s.id_number, s.name, s.phone, s.reason, s.source_region,
          s.pushed_at, s.person_id, s.matched_by, s.jurisdiction_code, s.jurisdiction_path, 'PUSHED', :importId,
          s.source_line, :now
        from pushed_stage s
        where not exists (select 1 from pushed_item c where c.list_ref = s.list_ref and c.doc_key = s.doc_key
                            and c.state in ('FEEDBACK_SENT', 'AUDITED'))
        on conflict (doc_key) where state not in ('FEEDBACK_SENT', 'AUDITED') do nothing
        returning source_line
      )
      select s.source_line, coalesce(
               (select p.source_line from pushed_item p
                where p.doc_key = s.doc_key and p.state not in ('FEEDBACK_SENT', 'AUDITED') and p.list_ref = s.list_ref
                  and p.import_id = :importId and p.source_line <> s.source_line),
               (select p.source_line from pushed_item p
                where p.list_ref = s.list_ref and p.doc_key = s.doc_key and p.state in ('FEEDBACK_SENT', 'AUDITED')
                  and p.import_id = :importId and p.source_line <> s.source_line limit 1)) as first
      from pushed_stage s
      where not exists (select 1 from fresh n where n.source_line = s.source_line)
      """;

  /**
   * Stages the prepared rows by COPY and inserts one item per list and document; a row that repeats
   * an earlier line of this file (an item of this import holds its list and document) is rejected as a
   * duplicate, one that an item of another list or import holds adds nothing.
   */
  @Override
  public void importBatch(List<ImportRow> rows, Object prepared, ImportBatch batch) {
    Prepared ready = prepared instanceof Prepared p ? p : (Prepared) prepare(rows, batch);
    if (ready.staged() == 0) {
      return;
    }
    Instant now = clock.instant();
    stage(ready.copy());
    List<Map.Entry<Integer, Integer>> missed = jdbc.sql(INSERT)
        .param("importId", batch.importId()).param("now", Timestamp.from(now))
        .query((rs, n) -> {
          int first = rs.getInt(2);
          return Map.entry(rs.getInt(1), rs.wasNull() ? 0 : first);
        }).list();
    for (Map.Entry<Integer, Integer> dup : missed) {
      // the same list and document in an earlier batch of this file: a duplicate; otherwise an item of
      // another list or import holds it, and the row adds nothing
      if (dup.getValue() != 0) {
        batch.reject(ready.byLine().get(dup.getKey()), "idNumber", "movement.pushed.duplicateInFile", dup.getValue());
      } else {
        batch.alreadyPresent(ready.byLine().get(dup.getKey()));
      }
    }
    int inserted = ready.staged() - missed.size();
    audit.record(AuditAction.CREATE, "PUSHED_LIST", batch.importId().toString(),
        "lines " + rows.get(0).line() + "-" + rows.get(rows.size() - 1).line() + ": " + inserted + " new items");
  }

  /** Document first (one query per document type), then name + phone for the rest; inside the importer's scope. */
  private void match(List<PushedRow> items, Places places, JurisdictionScope scope) {
    Map<IdType, Map<String, PushedRow>> byType = new HashMap<>();
    for (PushedRow item : items) {
      if (item.idNumber != null) {
        byType.computeIfAbsent(item.idType, t -> new HashMap<>()).putIfAbsent(item.idNumber, item);
      }
    }
    Map<String, PersonMatching.Match> found = new HashMap<>();
    byType.forEach((type, numbers) -> matching.byDocuments(type, numbers.keySet(), scope)
        .forEach(m -> found.put(m.idType() + ":" + m.idNumber(), m)));
    Map<String, List<PushedRow>> byPhone = new HashMap<>();
    for (PushedRow item : items) {
      PersonMatching.Match m = item.idNumber == null ? null : found.get(item.idType + ":" + item.idNumber);
      if (m != null) {
        item.personId = m.personId();
        item.matchedBy = "DOCUMENT";
        item.place = places.find(m.jurisdictionCode());
      } else if (item.name != null && item.phone != null) {
        byPhone.computeIfAbsent(item.phone, p -> new ArrayList<>()).add(item);
      }
    }
    if (!byPhone.isEmpty()) {
      for (PersonMatching.Match m : matching.byPhones(byPhone.keySet(), scope)) {
        for (PushedRow item : byPhone.get(m.phone())) {
          if (item.personId == null && m.name().equals(item.name)) {
            item.personId = m.personId();
            item.matchedBy = "NAME_PHONE";
            item.place = places.find(m.jurisdictionCode());
          }
        }
      }
    }
  }

  private Map<String, Jurisdiction> known = new ConcurrentHashMap<>();
  private long knownSince = System.nanoTime();

  /** The divisions of one batch, sharing the ones found lately with the batches of the next half minute. */
  private synchronized Places places() {
    if (System.nanoTime() - knownSince > PLACES_NANOS) {
      known = new ConcurrentHashMap<>();
      knownSince = System.nanoTime();
    }
    return new Places(known);
  }

  /** Division look-ups of one batch: codes that name no division are remembered for this batch only. */
  private final class Places {
    private final Map<String, Jurisdiction> shared;
    private final Map<String, Boolean> unknown = new HashMap<>();

    Places(Map<String, Jurisdiction> shared) {
      this.shared = shared;
    }

    Jurisdiction find(String code) {
      if (code == null || unknown.containsKey(code)) {
        return null;
      }
      Jurisdiction found = shared.get(code);
      if (found == null) {
        found = jurisdictions.find(code).orElse(null);
        if (found == null) {
          unknown.put(code, Boolean.TRUE);
        } else {
          shared.put(code, found);
        }
      }
      return found;
    }
  }

  /**
   * Unmatched: the division named by the source region when it lies in the importer's jurisdiction,
   * else the default desk, else the importer's jurisdiction.
   */
  private void route(List<PushedRow> items, Places places, JurisdictionScope scope) {
    Jurisdiction fallback = null;
    for (PushedRow item : items) {
      if (item.place != null) {
        continue;
      }
      Jurisdiction region = item.sourceRegion != null && REGION.matcher(item.sourceRegion).matches()
          ? places.find(item.sourceRegion) : null;
      if (region != null && !scope.contains(region.path())) {
        region = null;
      }
      if (region == null) {
        if (fallback == null) {
          fallback = Optional.ofNullable(properties.defaultDeskCode()).filter(c -> !c.isBlank())
              .map(places::find).orElseGet(() -> places.find(currentUser.get().jurisdictionCode()));
        }
        region = fallback;
      }
      item.place = region;
    }
  }

  /** COPY of the prepared rows into the transaction's staging table (emptied at commit). */
  private void stage(String copy) {
    jdbc.sql("""
        create temp table if not exists pushed_stage (
          id uuid, list_ref text, doc_key text, id_type text, id_number text, name text, phone text, reason text,
          source_region text, pushed_at timestamptz, person_id uuid, matched_by text, jurisdiction_code text,
          jurisdiction_path text collate "C", source_line int
        ) on commit delete rows
        """).update();
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy pushed_stage from stdin",
          new java.io.StringReader(copy));
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("staging the pushed list failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /**
   * A time-ordered id (the layout of a version 7 UUID: milliseconds, a counter, random bits): the
   * items of an import go to the right edge of the primary key instead of all over it.
   */
  static UUID timeOrderedId() {
    long millis = System.currentTimeMillis();
    long msb = (millis << 16) | 0x7000L | (SEQUENCE.getAndIncrement() & 0x0FFFL);
    long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

  private PushedListImport field(StringBuilder out, String value) {
    CopyText.append(out, value);
    out.append('\t');
    return this;
  }
}
