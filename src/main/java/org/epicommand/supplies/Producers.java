package org.epicommand.supplies;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supplies.internal.CatalogStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Producers of protective goods (003 "开足马力、扩大产能"): an organisation of the directory inside the
 * caller's jurisdiction with the items it makes and its daily capacity, and one output report a day
 * (output, shipped, the bottleneck). A producer is a bottleneck when its latest report names one or its
 * output stays under {@value #FULL_LOAD_PERCENT} % of capacity.
 */
@Service
public class Producers {

  /** What holds a producer back. */
  public enum Bottleneck { RAW_MATERIAL, LABOUR, LOGISTICS, EQUIPMENT, OTHER }

  public record NewProducer(String creditCode, List<String> itemCodes, Long dailyCapacity) {}

  public record NewReport(LocalDate date, Long outputToday, Long shippedToday, Bottleneck bottleneck, String note) {}

  public record Report(LocalDate date, long outputToday, long shippedToday, Bottleneck bottleneck, String note,
      String reportedBy, OffsetDateTime reportedAt) {}

  /** A producer with its latest report; {@code utilisationPercent} null before the first report. */
  public record Producer(String id, String creditCode, String name, List<String> itemCodes, long dailyCapacity,
      Report latest, Integer utilisationPercent, boolean bottleneck) {}

  static final int FULL_LOAD_PERCENT = 80;
  static final String SUBJECT = "SUPPLY_PRODUCER";
  private static final String REPORT = "select day, output_today, shipped_today, bottleneck, note, reported_by,"
      + " reported_at from supply_producer_report ";

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final CatalogStore catalog;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Producers(JdbcClient jdbc, Organisations organisations, CatalogStore catalog, CurrentUser currentUser,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.catalog = catalog;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Registers an organisation of the directory as a producer; 409 with {@code existingId} when it is one already. */
  @Transactional
  public Producer register(NewProducer request) {
    List<FieldProblem> problems = new ArrayList<>();
    var scope = currentUser.get().scope();
    OrganisationSnapshot org = request.creditCode() == null ? null : organisations.findForPlatform(request.creditCode())
        .filter(o -> o.active() && scope.contains(o.path())).orElse(null);
    if (org == null) {
      problems.add(FieldProblem.of("creditCode", "supplies.producer.organisation"));
    }
    List<String> items = request.itemCodes() == null ? List.of()
        : request.itemCodes().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
    if (items.isEmpty() || catalog.items(items).size() != items.size()) {
      problems.add(FieldProblem.of("itemCodes", "supplies.item.unknown"));
    }
    if (request.dailyCapacity() == null || request.dailyCapacity() < 1
        || request.dailyCapacity() > StockLedger.MAX_QUANTITY) {
      problems.add(FieldProblem.of("dailyCapacity", "supplies.quantity"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    int inserted = jdbc.sql("insert into supply_producer (id, credit_code, name, path, item_codes, daily_capacity,"
            + " created_at) values (:id, :code, :name, :path, :items, :capacity, :at) on conflict do nothing")
        .param("id", id).param("code", org.creditCode()).param("name", org.name()).param("path", org.path())
        .param("items", items.toArray(String[]::new)).param("capacity", request.dailyCapacity())
        .param("at", Timestamp.from(clock.instant())).update();
    if (inserted == 0) {
      throw Conflict.duplicate("supplies.producer.duplicate", jdbc.sql("select id from supply_producer where"
          + " credit_code = :code").param("code", org.creditCode()).query(UUID.class).single().toString());
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), org.name() + " " + items + " " + request.dailyCapacity());
    return get(id);
  }

  /** The producers inside the caller's jurisdiction, bottlenecks first. */
  public List<Producer> list() {
    var scope = currentUser.get().scope();
    List<UUID> ids = scope.bind(jdbc.sql("select id from supply_producer where " + scope.predicate("path")
        + " order by name")).query(UUID.class).list();
    return ids.stream().map(this::view).sorted(java.util.Comparator.comparing(p -> !p.bottleneck())).toList();
  }

  /** A producer inside the caller's jurisdiction; 404 otherwise. */
  public Producer get(UUID id) {
    return view(reachable(id));
  }

  /** The producer's reports, newest first (at most 90). */
  public List<Report> reports(UUID id) {
    return jdbc.sql(REPORT + "where producer_id = :id order by day desc limit 90").param("id", reachable(id))
        .query(Producers::report).list();
  }

  /** Files the day's report; a second one for the same day is 409 naming it, a day in the future 400. */
  @Transactional
  public Report report(UUID id, NewReport request) {
    UUID producer = reachable(id);
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate day = request.date() == null ? LocalDate.now(clock) : request.date();
    if (day.isAfter(LocalDate.now(clock))) {
      problems.add(FieldProblem.of("date", "supplies.producer.future"));
    }
    for (var field : List.of(java.util.Map.entry("outputToday", java.util.Optional.ofNullable(request.outputToday())),
        java.util.Map.entry("shippedToday", java.util.Optional.ofNullable(request.shippedToday())))) {
      long value = field.getValue().orElse(-1L);
      if (value < 0 || value > StockLedger.MAX_QUANTITY) {
        problems.add(FieldProblem.of(field.getKey(), "supplies.producer.figure"));
      }
    }
    String note = SupplyCatalog.blank(request.note());
    if (note != null && note.length() > 500) {
      problems.add(FieldProblem.of("note", "supplies.text", 500));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    int inserted = jdbc.sql("insert into supply_producer_report (producer_id, day, output_today, shipped_today,"
            + " bottleneck, note, reported_by, reported_at) values (:id, :day, :output, :shipped, :bottleneck, :note,"
            + " :by, :at) on conflict do nothing")
        .param("id", producer).param("day", day).param("output", request.outputToday())
        .param("shipped", request.shippedToday())
        .param("bottleneck", request.bottleneck() == null ? null : request.bottleneck().name()).param("note", note)
        .param("by", currentUser.get().username()).param("at", Timestamp.from(clock.instant())).update();
    if (inserted == 0) {
      throw Conflict.duplicate("supplies.producer.reported", producer + "/" + day);
    }
    audit.record(AuditAction.UPDATE, SUBJECT, producer.toString(), day + " output " + request.outputToday()
        + " shipped " + request.shippedToday() + (request.bottleneck() == null ? "" : " " + request.bottleneck()));
    return jdbc.sql(REPORT + "where producer_id = :id and day = :day").param("id", producer).param("day", day)
        .query(Producers::report).single();
  }

  private UUID reachable(UUID id) {
    var scope = currentUser.get().scope();
    return jdbc.sql("select path from supply_producer where id = :id").param("id", id).query(String.class).optional()
        .filter(scope::contains).map(p -> id).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private Producer view(UUID id) {
    return jdbc.sql("select id, credit_code, name, item_codes, daily_capacity from supply_producer where id = :id")
        .param("id", id).query((rs, n) -> {
          long capacity = rs.getLong(5);
          Report latest = jdbc.sql(REPORT + "where producer_id = :id order by day desc limit 1").param("id", id)
              .query(Producers::report).optional().orElse(null);
          Integer utilisation = latest == null ? null : (int) Math.round(latest.outputToday() * 100.0 / capacity);
          boolean bottleneck = latest != null && (latest.bottleneck() != null || utilisation < FULL_LOAD_PERCENT);
          return new Producer(rs.getString(1), rs.getString(2), rs.getString(3),
              List.of((String[]) rs.getArray(4).getArray()), capacity, latest, utilisation, bottleneck);
        }).single();
  }

  private static Report report(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Report(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
        rs.getString(4) == null ? null : Bottleneck.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
        rs.getObject(7, OffsetDateTime.class));
  }
}
