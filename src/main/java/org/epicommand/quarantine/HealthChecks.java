package org.epicommand.quarantine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.quarantine.internal.AlertBook;
import org.epicommand.quarantine.internal.doors.DoorDeclarations;
import org.epicommand.quarantine.internal.HealthCheckStore;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Health checks twice a day (docs/domain.md §6): by staff, or by the person on a phone page opened with a
 * personal link — an unguessable token, valid only while the order is open; a household head may
 * report for the household's other persons under control. Fever (≥ 37.3 °C), any symptom and a
 * missed half-day raise an alert and a retest. Readings are append-only: a later reading of the same
 * half-day (staff or self) is shown first with its source and never replaces an earlier one, and an
 * alert raised by either stays. Every reading written and every history read is audited on the order.
 */
@Service
public class HealthChecks {

  /** 37.3 °C and above is a fever (docs/domain.md §6). */
  public static final BigDecimal FEVER = new BigDecimal("37.3");
  static final BigDecimal LOWEST = new BigDecimal("34.0");
  static final BigDecimal HIGHEST = new BigDecimal("43.0");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What the personal page shows: whose link it is and for whom it may report. */
  public record LinkView(String orderId, String personName, List<Member> members) {
    public record Member(String orderId, String personName, boolean checkedThisHalf) {}
  }

  private final HealthCheckStore checks;
  private final OrderStore orders;
  private final AlertBook alerts;
  private final CurrentUser currentUser;
  private final SiteStaff staff;
  private final AuditTrail audit;
  private final DoorDeclarations doors;
  private final Clock clock;
  private final TransactionTemplate transactions;

  HealthChecks(HealthCheckStore checks, OrderStore orders, AlertBook alerts, CurrentUser currentUser,
      SiteStaff staff, AuditTrail audit, DoorDeclarations doors, Clock clock,
          PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.checks = checks;
    this.orders = orders;
    this.alerts = alerts;
    this.currentUser = currentUser;
    this.staff = staff;
    this.audit = audit;
    this.doors = doors;
    this.clock = clock;
  }

  /** A check recorded by staff for an order in their jurisdiction. */
  @Transactional
  public HealthCheck recordByStaff(UUID orderId, BigDecimal temperature, List<Symptom> symptoms) {
    validate(temperature);
    OrderStore.Row order = orders.find(orderId, staff.reach())
        .filter(o -> o.state().open()).orElseThrow(() -> new RecordNotFound(QuarantineOrders.SUBJECT));
    return save(order.id(), () -> order, temperature, symptoms, "STAFF", currentUser.get().username());
  }

  /** A new personal link for an open order (the previous one stops working). Returns the token. */
  @Transactional
  public String issueLink(UUID orderId) {
    OrderStore.Row order = orders.find(orderId, staff.reach()).filter(o -> o.state().open())
        .orElseThrow(() -> new RecordNotFound(QuarantineOrders.SUBJECT));
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    checks.setTokenHash(order.id(), hash(token));
    audit.record(AuditAction.UPDATE, QuarantineOrders.SUBJECT, orderId.toString(), "personal health link issued");
    return token;
  }

  /** Whose link this is; 404 (as {@link RecordNotFound}) for an unknown, replaced or expired token. */
  public LinkView link(String token) {
    HealthCheckStore.LinkedOrder head = linked(token);
    LocalDate today = LocalDate.now(clock);
    HalfDay half = HalfDay.at(LocalTime.now(clock));
    List<LinkView.Member> members = new ArrayList<>();
    for (HealthCheckStore.LinkedOrder member : withDependants(head)) {
      boolean checked = checks.checks(member.orderId(), 1).stream()
          .anyMatch(c -> c.date().equals(today) && c.half() == half);
      members.add(new LinkView.Member(member.orderId().toString(), member.personName(), checked));
    }
    return new LinkView(head.orderId().toString(), head.personName(), members);
  }

  /** Through the personal link: a door opening declared from now for {@code minutes} (audited). */
  @Transactional
  public void declareDoorOpening(String token, int minutes) {
    UUID orderId = linked(token).orderId();
    doors.declare(orderId, clock.instant(), minutes, "SELF");
    audit.record(AuditAction.UPDATE, QuarantineOrders.SUBJECT, orderId.toString(),
        "door opening declared for " + minutes + " min through the personal link");
  }

  /**
   * A check reported through the personal link, for the person or (household head) a dependant.
   * The everyday case — the link's own person, no fever, no symptom — is one insert and its audit
   * event; anything that needs the household, an alert or a retest runs in one transaction.
   */
  public HealthCheck selfReport(String token, UUID forOrderId, BigDecimal temperature, List<Symptom> symptoms) {
    validate(temperature);
    List<Symptom> reported = symptoms == null ? List.of() : symptoms.stream().distinct().toList();
    if (forOrderId == null && reported.isEmpty() && temperature.compareTo(FEVER) < 0 && wellFormed(token)) {
      Instant now = clock.instant();
      LocalDate today = LocalDate.now(clock);
      HalfDay half = HalfDay.at(LocalTime.now(clock));
      // one insert found by the token's hash, and its audit event, in one short transaction
      Optional<UUID> saved = transactions.execute(status -> checks.saveSelfByToken(hash(token), today, half,
          temperature, now).map(order -> {
            audit.record(AuditAction.CREATE, QuarantineOrders.SUBJECT, order.toString(),
                written("SELF", temperature, List.of()));
            return order;
          }));
      if (saved.isPresent()) {
        return new HealthCheck(saved.get().toString(), today, half, temperature, reported, "SELF", null);
      }
    }
    return transactions.execute(status -> {
      HealthCheckStore.LinkedOrder head = linked(token);
      UUID target = forOrderId == null ? head.orderId() : forOrderId;
      boolean self = target.equals(head.orderId());
      if (!self && checks.dependants(head).stream().noneMatch(m -> m.orderId().equals(target))) {
        throw new ValidationFailure(FieldProblem.of("forOrderId", "quarantine.health.member"));
      }
      return save(target, () -> orders.find(target).orElseThrow(), temperature, reported, self ? "SELF" : "HOUSEHOLD",
          null);
    });
  }

  /** The order's readings, the latest first, each with its source (an audited read). */
  @Transactional
  public List<HealthCheck> history(UUID orderId) {
    orders.find(orderId, staff.reach()).orElseThrow(() -> new RecordNotFound(QuarantineOrders.SUBJECT));
    audit.record(AuditAction.READ, QuarantineOrders.SUBJECT, orderId.toString(), "health checks");
    return checks.checks(orderId, 60);
  }

  /**
   * Raises MISSED_CHECK alerts for the half-days that ended before {@code now} (the last two, so a
   * late run catches up; raising is idempotent). Returns how many alerts were raised.
   */
  @Transactional
  public int raiseMissed(Instant now) {
    ZonedDateTime local = now.atZone(clock.getZone());
    LocalDate today = local.toLocalDate();
    Instant noon = today.atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant();
    Instant midnight = today.atStartOfDay(clock.getZone()).toInstant();
    int raised = checks.raiseMissed(today.minusDays(1), HalfDay.PM, midnight, now);
    if (!now.isBefore(noon)) {
      raised += checks.raiseMissed(today, HalfDay.AM, noon, now);
    } else {
      raised += checks.raiseMissed(today.minusDays(1), HalfDay.AM,
          today.minusDays(1).atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant(), now);
    }
    return raised;
  }

  /** Saves the check; the order itself is read only when an alert must be raised. */
  private HealthCheck save(UUID orderId, java.util.function.Supplier<OrderStore.Row> orderRow,
      BigDecimal temperature, List<Symptom> symptoms, String by, String reporter) {
    List<Symptom> reported = symptoms == null ? List.of() : symptoms.stream().distinct().toList();
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    HalfDay half = HalfDay.at(LocalTime.now(clock));
    checks.save(orderId, today, half, temperature, reported, by, reporter, now);
    audit.record(AuditAction.CREATE, QuarantineOrders.SUBJECT, orderId.toString(), written(by, temperature, reported));
    String key = today + "/" + half;
    boolean fever = temperature.compareTo(FEVER) >= 0;
    if (!fever && reported.isEmpty()) {
      return new HealthCheck(orderId.toString(), today, half, temperature, reported, by, null);
    }
    OrderStore.Row order = orderRow.get();
    if (fever) {
      alerts.raise(order, AlertKind.FEVER, key, temperature + " °C", now);
    }
    if (!reported.isEmpty()) {
      alerts.raise(order, AlertKind.SYMPTOMS, key, reported.toString(), now);
    }
    // retest and clinical follow-up (docs/domain.md §6): a test today on the order's list
    orders.addExtraTest(order.id(), today, (int) (today.toEpochDay() - order.anchorDate().toEpochDay()),
        fever ? "FEVER" : "SYMPTOMS");
    return new HealthCheck(orderId.toString(), today, half, temperature, reported, by, null);
  }

  /** The audit detail of a reading written. */
  private static String written(String by, BigDecimal temperature, List<Symptom> symptoms) {
    return "health check " + by + " " + temperature.toPlainString() + " °C" + (symptoms.isEmpty() ? "" : " "
        + symptoms);
  }

  private static void validate(BigDecimal temperature) {
    if (temperature == null || temperature.compareTo(LOWEST) < 0 || temperature.compareTo(HIGHEST) > 0
        || temperature.scale() > 1 && temperature.stripTrailingZeros().scale() > 1) {
      throw new ValidationFailure(FieldProblem.of("temperature", "quarantine.health.temperature", LOWEST, HIGHEST));
    }
  }

  private HealthCheckStore.LinkedOrder linked(String token) {
    return Optional.ofNullable(token).filter(HealthChecks::wellFormed)
        .flatMap(t -> checks.byToken(hash(t))).orElseThrow(() -> new RecordNotFound("HEALTH_LINK"));
  }

  private static boolean wellFormed(String token) {
    return token != null && token.length() >= 40 && token.length() <= 64;
  }

  private List<HealthCheckStore.LinkedOrder> withDependants(HealthCheckStore.LinkedOrder head) {
    List<HealthCheckStore.LinkedOrder> all = new ArrayList<>();
    all.add(head);
    all.addAll(checks.dependants(head));
    return all;
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
