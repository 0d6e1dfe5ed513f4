package org.epicommand.supplies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supplies.internal.SuppliesProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Markets and the daily prices of the necessities basket (元/500 g) inside the caller's jurisdiction, one
 * price per market, commodity and day (a second is 409 with {@code existingId}; corrected with PUT). A
 * price {@code epicommand.supplies.price-rise-percent} or more above the market's previous day raises
 * PRICE_RISE; a 保供 market reporting fewer days of sales in stock than
 * {@code epicommand.supplies.necessity-low-days} raises NECESSITY_LOW — each once per market, commodity,
 * day and kind, published as {@link PriceAlertRaised}.
 */
@Service
public class Prices {

  public enum MarketKind { WET_MARKET, SUPERMARKET, WHOLESALE }

  public enum AlertKind { PRICE_RISE, NECESSITY_LOW, PRICE_ABOVE_BASELINE, MARKUP_EXCEEDED }

  public record NewMarket(String code, String name, MarketKind kind, String jurisdictionCode,
      Boolean supplyGuarantee) {}

  public record Market(String code, String name, MarketKind kind, String jurisdictionCode, boolean supplyGuarantee) {}

  /** A price report; {@code stockDays}: a 保供 market's stock of the commodity in days of sales (optional). */
  public record NewPrice(String marketCode, String commodity, LocalDate date, BigDecimal price, BigDecimal stockDays) {}

  public record PricePoint(String id, String marketCode, String commodity, LocalDate date, BigDecimal price,
      BigDecimal stockDays, String reporter) {}

  /**
   * An alert; {@code value}: the price or the days of stock, {@code reference}: the previous price, the floor,
   * the baseline week's mean or the capped price.
   */
  public record Alert(String marketCode, String marketName, String commodity, LocalDate date, AlertKind kind,
      BigDecimal value, BigDecimal reference) {}

  static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1000);
  static final String SUBJECT = "PRICE_POINT";

  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final SuppliesProperties properties;
  private final ApplicationEventPublisher events;
  private final PriceRules rules;
  private final Clock clock;

  Prices(JdbcClient jdbc, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit,
      SuppliesProperties properties, ApplicationEventPublisher events, PriceRules rules, Clock clock) {
    this.rules = rules;
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Market createMarket(NewMarket request) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = SupplyCatalog.code(request.code(), "code", problems);
    SupplyCatalog.text(request.name(), "name", 100, problems);
    if (request.kind() == null) {
      problems.add(FieldProblem.of("kind", "supplies.market.kind"));
    }
    Jurisdiction division = request.jurisdictionCode() == null ? null
        : jurisdictions.find(request.jurisdictionCode().strip()).orElse(null);
    if (division == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "supplies.warehouse.jurisdiction"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (!currentUser.get().scope().contains(division.path())) {
      throw new RecordNotFound("jurisdiction");
    }
    boolean guarantee = Boolean.TRUE.equals(request.supplyGuarantee());
    if (jdbc.sql("insert into price_market (code, name, kind, jurisdiction_code, jurisdiction_path, supply_guarantee,"
            + " created_at) values (:code, :name, :kind, :jc, :path, :g, :at) on conflict do nothing")
        .param("code", code).param("name", request.name().strip()).param("kind", request.kind().name())
        .param("jc", division.code()).param("path", division.path()).param("g", guarantee)
        .param("at", Timestamp.from(clock.instant())).update() == 0) {
      throw Conflict.duplicate("supplies.market.duplicate", code);
    }
    audit.record(AuditAction.CREATE, "PRICE_MARKET", code, request.name().strip());
    return new Market(code, request.name().strip(), request.kind(), division.code(), guarantee);
  }

  public List<Market> markets() {
    var scope = currentUser.get().scope();
    return scope.bind(jdbc.sql("select code, name, kind, jurisdiction_code, supply_guarantee from price_market where "
            + scope.predicate("jurisdiction_path") + " order by code"))
        .query((rs, n) -> new Market(rs.getString(1), rs.getString(2), MarketKind.valueOf(rs.getString(3)),
            rs.getString(4), rs.getBoolean(5))).list();
  }

  /** Reports a price; the alerts it raises are stored with it. */
  @Transactional
  public PricePoint report(NewPrice request) {
    List<FieldProblem> problems = new ArrayList<>();
    Market market = request.marketCode() == null ? null : market(request.marketCode().strip());
    if (market == null) {
      problems.add(FieldProblem.of("marketCode", "supplies.market.unknown"));
    }
    String commodity = commodity(request.commodity(), problems);
    LocalDate day = request.date() == null ? LocalDate.now(clock) : request.date();
    if (day.isAfter(LocalDate.now(clock))) {
      problems.add(FieldProblem.of("date", "supplies.producer.future"));
    }
    price(request.price(), request.stockDays(), problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    if (jdbc.sql("insert into price_point (id, market_code, commodity, day, price, stock_days, reporter, reported_at)"
            + " values (:id, :m, :c, :day, :price, :stock, :by, :at) on conflict do nothing")
        .param("id", id).param("m", market.code()).param("c", commodity).param("day", day).param("price",
            request.price())
        .param("stock", request.stockDays()).param("by", currentUser.get().username())
        .param("at", Timestamp.from(clock.instant())).update() == 0) {
      throw Conflict.duplicate("supplies.price.duplicate", jdbc.sql("select id from price_point where market_code = :m"
          + " and commodity = :c and day = :day").param("m", market.code()).param("c", commodity).param("day", day)
          .query(UUID.class).single().toString());
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), market.code() + " " + commodity + " " + day + " "
        + request.price());
    raise(market, commodity, day, request.price(), request.stockDays());
    return point(id);
  }

  /**
   * A price from the {@code price-points} import, checked like the API's without throwing: problems go into
   * {@code problems}. The same market, commodity and day again with the same price is {@code false}
   * (already present); with another price a problem on {@code price} (corrected with PUT).
   */
  public boolean importPrice(String marketCode, String commodityCode, LocalDate day, BigDecimal price,
      List<FieldProblem> problems) {
    Market market = marketCode == null ? null : market(marketCode);
    if (market == null) {
      problems.add(FieldProblem.of("marketCode", "supplies.market.unknown"));
    }
    String commodity = commodity(commodityCode, problems);
    if (day == null || day.isAfter(LocalDate.now(clock))) {
      problems.add(FieldProblem.of("date", "supplies.producer.future"));
    }
    price(price, null, problems);
    if (!problems.isEmpty()) {
      return false;
    }
    BigDecimal stored = jdbc.sql(
        "select price from price_point where market_code = :m and commodity = :c and day = :day")
        .param("m", market.code()).param("c", commodity).param("day", day).query(BigDecimal.class).optional()
            .orElse(null);
    if (stored != null) {
      if (stored.compareTo(price) != 0) {
        problems.add(FieldProblem.of("price", "supplies.price.duplicate"));
      }
      return false;
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into price_point (id, market_code, commodity, day, price, reporter, reported_at)"
            + " values (:id, :m, :c, :day, :price, :by, :at)")
        .param("id", id).param("m", market.code()).param("c", commodity).param("day", day).param("price", price)
        .param("by", currentUser.get().username()).param("at", Timestamp.from(clock.instant())).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), market.code() + " " + commodity + " " + day + " " + price
        + " (import)");
    raise(market, commodity, day, price, null);
    return true;
  }

  /** Corrects a reported price (and stock days); the alerts are looked at again. */
  @Transactional
  public PricePoint correct(UUID id, BigDecimal price, BigDecimal stockDays) {
    PricePoint point = point(id);
    Market market = market(point.marketCode());
    if (market == null) {
      throw new RecordNotFound(SUBJECT);
    }
    List<FieldProblem> problems = new ArrayList<>();
    price(price, stockDays, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    jdbc.sql("update price_point set price = :price, stock_days = :stock where id = :id").param("price", price)
        .param("stock", stockDays).param("id", id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), point.price() + " → " + price);
    raise(market, point.commodity(), point.date(), price, stockDays);
    return point(id);
  }

  /** A commodity's prices by day, at one market or all inside the caller's jurisdiction (at most 400 days). */
  public List<PricePoint> series(String commodity, String marketCode) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = commodity(commodity, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    var scope = currentUser.get().scope();
    return scope.bind(jdbc.sql("select p.id from price_point p join price_market m on m.code = p.market_code where "
            + scope.predicate("m.jurisdiction_path") + " and p.commodity = :c and (cast(:m as varchar) is null"
            + " or p.market_code = :m) and p.day > :from order by p.day, p.market_code"))
        .param("c", code).param("m", marketCode == null || marketCode.isBlank() ? null : marketCode.strip())
        .param("from", LocalDate.now(clock).minusDays(400)).query(UUID.class).list().stream().map(this::point).toList();
  }

  /** The alerts of the last {@code days} days inside the caller's jurisdiction, newest first. */
  public List<Alert> alerts(int days) {
    var scope = currentUser.get().scope();
    return scope.bind(jdbc.sql("select a.market_code, m.name, a.commodity, a.day, a.kind, a.value, a.reference"
            + " from price_alert a join price_market m on m.code = a.market_code where "
            + scope.predicate("m.jurisdiction_path") + " and a.day > :from order by a.day desc, a.market_code"))
        .param("from", LocalDate.now(clock).minusDays(Math.max(1, Math.min(days, 366))))
        .query((rs, n) -> new Alert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
            AlertKind.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getBigDecimal(7))).list();
  }

  /** The basket's commodities (configuration). */
  public List<String> basket() {
    return properties.basket();
  }

  /** Sets a markup cap for every market or for one market inside the caller's jurisdiction (400 per field). */
  @Transactional
  public PriceRules.Cap setCap(PriceRules.Cap cap) {
    Market market = cap.marketCode() == null || cap.marketCode().isBlank() ? null : market(cap.marketCode().strip());
    return rules.setCap(cap, market);
  }

  /** Lifts the cap in force for a commodity, for every market or one market (history kept; 409 when none). */
  @Transactional
  public PriceRules.LiftedCap liftCap(String commodity, String marketCode, String reason) {
    Market market = marketCode == null || marketCode.isBlank() ? null : market(marketCode.strip());
    if (marketCode != null && !marketCode.isBlank() && market == null) {
      throw new ValidationFailure(FieldProblem.of("marketCode", "supplies.market.unknown"));
    }
    return rules.liftCap(commodity, market, reason);
  }

  private void raise(Market market, String commodity, LocalDate day, BigDecimal price, BigDecimal stockDays) {
    String path = jdbc.sql("select jurisdiction_path from price_market where code = :m").param("m", market.code())
        .query(String.class).single();
    for (PriceRules.Breach breach : rules.check(market.code(), path, commodity, day, price)) {
      alert(market, commodity, day, breach.kind(), price, breach.reference());
    }
    BigDecimal previous = jdbc.sql("select price from price_point where market_code = :m and commodity = :c"
            + " and day = :day").param("m", market.code()).param("c", commodity).param("day", day.minusDays(1))
        .query(BigDecimal.class).optional().orElse(null);
    if (previous != null && price.subtract(previous).multiply(BigDecimal.valueOf(100))
        .compareTo(previous.multiply(BigDecimal.valueOf(properties.priceRisePercent()))) >= 0) {
      alert(market, commodity, day, AlertKind.PRICE_RISE, price, previous);
    }
    if (market.supplyGuarantee() && stockDays != null
        && stockDays.compareTo(BigDecimal.valueOf(properties.necessityLowDays())) < 0) {
      alert(market, commodity, day, AlertKind.NECESSITY_LOW, stockDays,
          BigDecimal.valueOf(properties.necessityLowDays()));
    }
  }

  private void alert(Market market, String commodity, LocalDate day, AlertKind kind, BigDecimal value,
      BigDecimal reference) {
    int inserted = jdbc.sql(
        "insert into price_alert (id, market_code, commodity, day, kind, value, reference, raised_at)"
            + " values (:id, :m, :c, :day, :kind, :v, :r, :at) on conflict do nothing")
        .param("id", UUID.randomUUID()).param("m", market.code()).param("c", commodity).param("day", day)
        .param("kind", kind.name()).param("v", value.setScale(2, RoundingMode.HALF_UP)).param("r", reference)
        .param("at", Timestamp.from(clock.instant())).update();
    if (inserted == 1) {
      events.publishEvent(new PriceAlertRaised(market.code(), commodity, day, kind));
    }
  }

  private Market market(String code) {
    var scope = currentUser.get().scope();
    return jdbc.sql("select code, name, kind, jurisdiction_code, supply_guarantee, jurisdiction_path from price_market"
            + " where code = :code").param("code", code)
        .query((rs, n) -> scope.contains(rs.getString(6)) ? new Market(rs.getString(1), rs.getString(2),
            MarketKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5)) : null).list().stream()
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private PricePoint point(UUID id) {
    var scope = currentUser.get().scope();
    return jdbc.sql("select p.id, p.market_code, p.commodity, p.day, p.price, p.stock_days, p.reporter,"
            + " m.jurisdiction_path from price_point p join price_market m on m.code = p.market_code where p.id = :id")
        .param("id", id).query((rs, n) -> scope.contains(rs.getString(8)) ? new PricePoint(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5),
                rs.getBigDecimal(6),
            rs.getString(7)) : null).list().stream().filter(java.util.Objects::nonNull).findFirst()
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private String commodity(String raw, List<FieldProblem> problems) {
    String code = raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    if (code == null || !properties.basket().contains(code)) {
      problems.add(FieldProblem.of("commodity", "supplies.price.commodity"));
      return null;
    }
    return code;
  }

  private static void price(BigDecimal price, BigDecimal stockDays, List<FieldProblem> problems) {
    if (price == null || price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0) {
      problems.add(FieldProblem.of("price", "supplies.price.price"));
    }
    if (stockDays != null && (stockDays.signum() < 0 || stockDays.compareTo(BigDecimal.valueOf(3650)) > 0)) {
      problems.add(FieldProblem.of("stockDays", "supplies.price.stockDays"));
    }
  }
}
