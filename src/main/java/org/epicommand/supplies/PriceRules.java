package org.epicommand.supplies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supplies.internal.SuppliesProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The price rules beyond the day-on-day rise: the baseline date the command office sets for its division
 * (a price {@code epicommand.supplies.baseline-rise-percent} % or more above the market's mean of the 7 days
 * before it raises PRICE_ABOVE_BASELINE) and optional markup caps per commodity — for every market or one
 * market, which then wins — over a purchase price (a price above purchase × (1 + cap %) raises
 * MARKUP_EXCEEDED). Setting either is audited.
 */
@Service
public class PriceRules {

  /** The baseline date of a division. */
  public record Baseline(String jurisdictionCode, LocalDate date, String setBy) {}

  /** A markup cap; {@code marketCode} null: every market. */
  public record Cap(String commodity, String marketCode, BigDecimal purchasePrice, BigDecimal maxMarkupPct) {}

  /** An alert a price raises by these rules: its kind, the price and what it was measured against. */
  record Breach(Prices.AlertKind kind, BigDecimal reference) {}

  static final int BASELINE_DAYS = 7;
  static final BigDecimal MAX_MARKUP = BigDecimal.valueOf(1000);

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final SuppliesProperties properties;
  private final Clock clock;

  PriceRules(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, SuppliesProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Sets the baseline date of the caller's division (not after today; 400 {@code date} otherwise). */
  @Transactional
  public Baseline setBaseline(LocalDate date) {
    if (date == null || date.isAfter(LocalDate.now(clock)) || date.isBefore(LocalDate.now(clock).minusYears(5))) {
      throw new ValidationFailure(FieldProblem.of("date", "prices.baseline.date"));
    }
    UserContext user = currentUser.get();
    if (user.jurisdictionCode() == null) {
      throw new RecordNotFound("jurisdiction");
    }
    jdbc.sql("insert into price_baseline (jurisdiction_code, jurisdiction_path, baseline_date, set_by, set_at)"
            + " values (:jc, :path, :date, :by, :at) on conflict (jurisdiction_code) do update set"
            + " baseline_date = excluded.baseline_date, set_by = excluded.set_by, set_at = excluded.set_at")
        .param("jc", user.jurisdictionCode()).param("path", user.scope().path()).param("date", date)
        .param("by", user.username()).param("at", Timestamp.from(clock.instant())).update();
    audit.record(AuditAction.UPDATE, "PRICE_BASELINE", user.jurisdictionCode(), date.toString());
    return new Baseline(user.jurisdictionCode(), date, user.username());
  }

  /** The baseline that applies inside the caller's division (its own or the nearest above), when set. */
  public Baseline baseline() {
    UserContext user = currentUser.get();
    return jdbc.sql("select jurisdiction_code, baseline_date, set_by from price_baseline where :path like"
            + " jurisdiction_path || '%' order by length(jurisdiction_path) desc limit 1")
        .param("path", user.scope().path()).query((rs, n) -> new Baseline(rs.getString(1),
            rs.getObject(2, LocalDate.class), rs.getString(3))).optional().orElse(null);
  }

  /**
   * Sets a markup cap: 400 per field ({@code commodity} outside the basket, {@code marketCode} unknown or out
   * of reach, {@code purchasePrice} not in (0, 1000], {@code maxMarkupPct} not in [0, 1000]), nothing stored.
   */
  @Transactional
  public Cap setCap(Cap cap, Prices.Market market) {
    List<FieldProblem> problems = new ArrayList<>();
    String commodity = cap.commodity() == null ? null : cap.commodity().strip().toUpperCase(Locale.ROOT);
    if (commodity == null || !properties.basket().contains(commodity)) {
      problems.add(FieldProblem.of("commodity", "supplies.price.commodity"));
    }
    if (cap.marketCode() != null && !cap.marketCode().isBlank() && market == null) {
      problems.add(FieldProblem.of("marketCode", "supplies.market.unknown"));
    }
    if (cap.purchasePrice() == null || cap.purchasePrice().signum() <= 0
        || cap.purchasePrice().compareTo(Prices.MAX_PRICE) > 0) {
      problems.add(FieldProblem.of("purchasePrice", "supplies.price.price"));
    }
    if (cap.maxMarkupPct() == null || cap.maxMarkupPct().signum() < 0 || cap.maxMarkupPct().compareTo(MAX_MARKUP) > 0) {
      problems.add(FieldProblem.of("maxMarkupPct", "prices.cap.percent"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UserContext user = currentUser.get();
    String marketCode = market == null ? "" : market.code();
    jdbc.sql("insert into price_cap (commodity, market_code, jurisdiction_path, purchase_price, max_markup_pct, set_by,"
            + " set_at) values (:c, :m, :path, :purchase, :pct, :by, :at) on conflict (commodity, market_code) do update"
            + " set purchase_price = excluded.purchase_price, max_markup_pct = excluded.max_markup_pct,"
            + " set_by = excluded.set_by, set_at = excluded.set_at")
        .param("c", commodity).param("m", marketCode).param("path", user.scope().path())
        .param("purchase", cap.purchasePrice()).param("pct", cap.maxMarkupPct()).param("by", user.username())
        .param("at", Timestamp.from(clock.instant())).update();
    audit.record(AuditAction.UPDATE, "PRICE_CAP", commodity + (market == null ? "" : "@" + marketCode),
        cap.purchasePrice() + " +" + cap.maxMarkupPct() + "%");
    return new Cap(commodity, market == null ? null : marketCode, cap.purchasePrice(), cap.maxMarkupPct());
  }

  /** A lifted cap: what it was, who set it, who lifted it, when and why. */
  public record LiftedCap(String commodity, String marketCode, BigDecimal purchasePrice, BigDecimal maxMarkupPct,
      String setBy, java.time.Instant setAt, String liftedBy, java.time.Instant liftedAt, String reason) {}

  /**
   * Lifts the cap in force for a commodity (every market, or one market): it moves to the history of lifted caps,
   * audited; 400 on {@code commodity} or {@code reason} too long, 404 for a cap set outside the caller's
   * jurisdiction, 409 when none is in force.
   */
  @Transactional
  public LiftedCap liftCap(String commodity, Prices.Market market, String reason) {
    String code = commodity == null ? null : commodity.strip().toUpperCase(Locale.ROOT);
    List<FieldProblem> problems = new ArrayList<>();
    if (code == null || !properties.basket().contains(code)) {
      problems.add(FieldProblem.of("commodity", "supplies.price.commodity"));
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > 500) {
      problems.add(FieldProblem.of("reason", "prices.cap.reason"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UserContext user = currentUser.get();
    String marketCode = market == null ? "" : market.code();
    var path = jdbc.sql("select jurisdiction_path from price_cap where commodity = :c and market_code = :m for update")
        .param("c", code).param("m", marketCode).query(String.class).optional()
        .orElseThrow(() -> org.epicommand.shared.Conflict.of("prices.cap.none"));
    if (!user.scope().contains(path)) {
      throw new org.epicommand.shared.RecordNotFound("PRICE_CAP");
    }
    java.time.Instant now = clock.instant();
    LiftedCap lifted = jdbc.sql("insert into price_cap_lift (id, commodity, market_code, jurisdiction_path,"
            + " purchase_price, max_markup_pct, set_by, set_at, lifted_by, lifted_at, reason) select :id, commodity,"
            + " market_code, jurisdiction_path, purchase_price, max_markup_pct, set_by, set_at, :by, :at, :reason"
            + " from price_cap where commodity = :c and market_code = :m returning commodity, market_code,"
            + " purchase_price, max_markup_pct, set_by, set_at, lifted_by, lifted_at, reason")
        .param("id", java.util.UUID.randomUUID()).param("by", user.username()).param("at", Timestamp.from(now))
        .param("reason", why).param("c", code).param("m", marketCode).query(PriceRules::lifted).single();
    jdbc.sql("delete from price_cap where commodity = :c and market_code = :m").param("c", code)
        .param("m", marketCode).update();
    audit.record(AuditAction.DELETE, "PRICE_CAP", code + (market == null ? "" : "@" + marketCode),
        "lifted" + (why == null ? "" : ": " + why));
    return lifted;
  }

  /** The lifted caps inside the caller's jurisdiction, newest first. */
  public List<LiftedCap> liftedCaps() {
    var scope = currentUser.get().scope();
    return jdbc.sql("select commodity, market_code, purchase_price, max_markup_pct, set_by, set_at, lifted_by,"
            + " lifted_at, reason from price_cap_lift where :path like jurisdiction_path || '%'"
            + " or jurisdiction_path like :path || '%' order by lifted_at desc limit 200").param("path", scope.path())
        .query(PriceRules::lifted).list();
  }

  private static LiftedCap lifted(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new LiftedCap(rs.getString(1), rs.getString(2).isEmpty() ? null : rs.getString(2), rs.getBigDecimal(3),
        rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
        rs.getTimestamp(8).toInstant(), rs.getString(9));
  }

  /** The markup caps inside the caller's jurisdiction (general ones and those of its markets). */
  public List<Cap> caps() {
    var scope = currentUser.get().scope();
    return jdbc.sql("select commodity, market_code, purchase_price, max_markup_pct from price_cap"
            + " where :path like jurisdiction_path || '%' or jurisdiction_path like :path || '%'"
            + " order by commodity, market_code").param("path", scope.path())
        .query((rs, n) -> new Cap(rs.getString(1), rs.getString(2).isEmpty() ? null : rs.getString(2),
            rs.getBigDecimal(3), rs.getBigDecimal(4))).list();
  }

  /** What a price of a market (at {@code marketPath}) breaks: the baseline rise and the markup cap. */
  List<Breach> check(String marketCode, String marketPath, String commodity, LocalDate day, BigDecimal price) {
    List<Breach> breaches = new ArrayList<>();
    LocalDate baseline = jdbc.sql("select baseline_date from price_baseline where :path like jurisdiction_path || '%'"
            + " order by length(jurisdiction_path) desc limit 1").param("path", marketPath).query(LocalDate.class)
        .optional().orElse(null);
    if (baseline != null && day.isAfter(baseline.minusDays(1))) {
      BigDecimal mean = jdbc.sql("select avg(price) from price_point where market_code = :m and commodity = :c"
              + " and day >= :from and day < :to").param("m", marketCode).param("c", commodity)
          .param("from", baseline.minusDays(BASELINE_DAYS)).param("to", baseline)
          .query((rs, n) -> rs.getBigDecimal(1)).list().stream().filter(java.util.Objects::nonNull).findFirst()
          .orElse(null);
      if (mean != null && price.subtract(mean).multiply(BigDecimal.valueOf(100))
          .compareTo(mean.multiply(BigDecimal.valueOf(properties.baselineRisePercent()))) >= 0) {
        breaches.add(new Breach(Prices.AlertKind.PRICE_ABOVE_BASELINE, mean.setScale(2, RoundingMode.HALF_UP)));
      }
    }
    jdbc.sql("select purchase_price, max_markup_pct from price_cap where commodity = :c and market_code in (:m, '')"
            + " and :path like jurisdiction_path || '%' order by market_code desc limit 1")
        .param("c", commodity).param("m", marketCode).param("path", marketPath)
        .query((rs, n) -> rs.getBigDecimal(1).multiply(BigDecimal.valueOf(100).add(rs.getBigDecimal(2)))
            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)).optional()
        .filter(ceiling -> price.compareTo(ceiling) > 0)
        .ifPresent(ceiling -> breaches.add(new Breach(Prices.AlertKind.MARKUP_EXCEEDED, ceiling)));
    return breaches;
  }
}
