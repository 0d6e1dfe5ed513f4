package org.epicommand.movement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkpoints and stations (卡口/通道, DOMAIN.md §8) and green-channel passes for supply vehicles:
 * the command office sets up checkpoints and issues passes; staff at a checkpoint record a vehicle's
 * passage, which is refused (409) outside the pass's validity. Arrivals registered at a checkpoint
 * name it ({@link NewArrival} via the arrival API's {@code checkpointCode}).
 */
@Service
public class Checkpoints {

  /** The kinds of checkpoint. */
  public enum Kind { TRAFFIC, STATION, AIRPORT, PORT }

  public record Checkpoint(String code, String name, Kind kind, String jurisdictionCode) {}

  public record GreenPass(String passNumber, String plate, String cargo, LocalDate validFrom, LocalDate validTo) {}

  public record Passage(String passNumber, String plate, String checkpointCode, OffsetDateTime at) {}

  /** What a check at a checkpoint found: VALID today, EXPIRED, NOT_YET_VALID, or UNKNOWN (no pass). */
  public enum PassStatus { VALID, EXPIRED, NOT_YET_VALID, UNKNOWN }

  /** The answer to a check by plate or pass number; {@code pass} is null when UNKNOWN. */
  public record PassCheck(PassStatus status, GreenPass pass) {}

  /** A plate as printed: a province character, a letter, then 5 or 6 letters/digits (new-energy plates). */
  static final String PLATE = "\\p{IsHan}[A-Z][A-Z0-9]{4,5}[A-Z0-9\\p{IsHan}]";
  static final String PASS_NUMBER = "GC-\\d{8}-\\d{6}";

  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Checkpoints(JdbcClient jdbc, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Checkpoint create(Checkpoint request) {
    currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    if (request.code() == null || !request.code().matches("[A-Za-z0-9-]{2,30}")) {
      problems.add(FieldProblem.of("code", "movement.checkpoint.code"));
    }
    if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
      problems.add(FieldProblem.of("name", "movement.checkpoint.name"));
    }
    if (request.kind() == null) {
      problems.add(FieldProblem.of("kind", "movement.checkpoint.kind"));
    }
    if (request.jurisdictionCode() == null || jurisdictions.find(request.jurisdictionCode()).isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (find(request.code()).isPresent()) {
      throw Conflict.duplicate("movement.checkpoint.duplicate", request.code());
    }
    jdbc.sql("insert into checkpoint (id, code, name, kind, jurisdiction_code, created_at) values (:id, :code, :name,"
            + " :kind, :jc, :at)").param("id", UUID.randomUUID()).param("code", request.code())
        .param("name", request.name().strip()).param("kind", request.kind().name())
        .param("jc", request.jurisdictionCode()).param("at", Timestamp.from(clock.instant())).update();
    audit.record(AuditAction.CREATE, "CHECKPOINT", request.code(), null);
    return find(request.code()).orElseThrow();
  }

  public List<Checkpoint> list() {
    return jdbc.sql("select code, name, kind, jurisdiction_code from checkpoint order by code")
        .query((rs, n) -> new Checkpoint(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
            rs.getString(4))).list();
  }

  public Optional<Checkpoint> find(String code) {
    return list().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** Issues a pass valid from {@code validFrom} to {@code validTo} inclusive; the number is generated. */
  @Transactional
  public GreenPass issue(String plate, String cargo, LocalDate validFrom, LocalDate validTo) {
    String username = currentUser.get().username();
    List<FieldProblem> problems = new ArrayList<>();
    plate = plate(plate);
    if (plate == null) {
      problems.add(FieldProblem.of("plate", "movement.pass.plate"));
    }
    if (cargo == null || cargo.isBlank() || cargo.length() > 200) {
      problems.add(FieldProblem.of("cargo", "movement.pass.cargo"));
    }
    if (validFrom == null || validTo == null || validTo.isBefore(validFrom) || validTo.isAfter(validFrom.plusDays(90))) {
      problems.add(FieldProblem.of("validTo", "movement.pass.validity"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    String number = "GC-" + LocalDate.now(clock).toString().replace("-", "") + "-"
        + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    jdbc.sql("insert into green_pass (pass_number, plate, cargo, valid_from, valid_to, issued_by, issued_at)"
            + " values (:n, :plate, :cargo, :from, :to, :by, :at)").param("n", number).param("plate", plate.strip())
        .param("cargo", cargo.strip()).param("from", validFrom).param("to", validTo).param("by", username)
        .param("at", Timestamp.from(clock.instant())).update();
    audit.record(AuditAction.CREATE, "GREEN_PASS", number, plate.strip());
    return new GreenPass(number, plate.strip(), cargo.strip(), validFrom, validTo);
  }

  /** A vehicle shows its pass at a checkpoint: recorded when valid today, 409 otherwise, 404 when unknown. */
  @Transactional
  public Passage pass(String passNumber, String checkpointCode) {
    String username = currentUser.get().username();
    GreenPass pass = jdbc.sql("select pass_number, plate, cargo, valid_from, valid_to from green_pass where pass_number = :n")
        .param("n", passNumber).query((rs, n) -> new GreenPass(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).optional()
        .orElseThrow(() -> new RecordNotFound("GREEN_PASS"));
    if (checkpointCode == null || find(checkpointCode).isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("checkpointCode", "movement.checkpoint.unknown"));
    }
    LocalDate today = LocalDate.now(clock);
    if (today.isBefore(pass.validFrom()) || today.isAfter(pass.validTo())) {
      throw Conflict.of("movement.pass.notValidToday");
    }
    jdbc.sql("insert into green_pass_passage (pass_number, checkpoint_code, at, username) values (:n, :c, :at, :by)")
        .param("n", passNumber).param("c", checkpointCode).param("at", Timestamp.from(clock.instant()))
        .param("by", username).update();
    audit.record(AuditAction.CREATE, "GREEN_PASS_PASSAGE", passNumber, checkpointCode);
    return new Passage(passNumber, pass.plate(), checkpointCode, clock.instant().atZone(clock.getZone()).toOffsetDateTime());
  }

  /**
   * Checks a vehicle by pass number or plate (exactly one; a malformed one is a 400 field error): the
   * pass valid today if the plate has one, else its latest pass; UNKNOWN when there is none. Audited.
   */
  @Transactional
  public PassCheck check(String passNumber, String plate) {
    currentUser.get();
    boolean byNumber = passNumber != null && !passNumber.isBlank();
    boolean byPlate = plate != null && !plate.isBlank();
    if (byNumber == byPlate) {
      throw new ValidationFailure(FieldProblem.of(byNumber ? "plate" : "passNumber", "movement.pass.checkOne"));
    }
    String key;
    List<GreenPass> found;
    if (byNumber) {
      key = passNumber.strip().toUpperCase(java.util.Locale.ROOT);
      if (!key.matches(PASS_NUMBER)) {
        throw new ValidationFailure(FieldProblem.of("passNumber", "movement.pass.number"));
      }
      found = passes("where pass_number = :key", key, 1);
    } else {
      key = plate(plate);
      if (key == null) {
        throw new ValidationFailure(FieldProblem.of("plate", "movement.pass.plate"));
      }
      found = passes("where plate = :key", key, 50);
    }
    LocalDate today = LocalDate.now(clock);
    PassCheck result = found.stream().filter(p -> status(p, today) == PassStatus.VALID).findFirst()
        .or(() -> found.stream().findFirst())
        .map(p -> new PassCheck(status(p, today), p)).orElse(new PassCheck(PassStatus.UNKNOWN, null));
    audit.record(AuditAction.READ, "GREEN_PASS", key, result.status().name());
    return result;
  }

  /** The latest passes issued, newest first. */
  public List<GreenPass> recentPasses(int limit) {
    currentUser.get();
    return passes("", null, Math.max(1, Math.min(limit, 200)));
  }

  private List<GreenPass> passes(String where, String key, int limit) {
    var spec = jdbc.sql("select pass_number, plate, cargo, valid_from, valid_to from green_pass " + where
        + " order by valid_to desc, issued_at desc limit :limit").param("limit", limit);
    if (key != null) {
      spec = spec.param("key", key);
    }
    return spec.query((rs, n) -> new GreenPass(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).list();
  }

  static PassStatus status(GreenPass pass, LocalDate today) {
    if (today.isBefore(pass.validFrom())) {
      return PassStatus.NOT_YET_VALID;
    }
    return today.isAfter(pass.validTo()) ? PassStatus.EXPIRED : PassStatus.VALID;
  }

  /** The plate in its printed form (upper case, no spaces or dots), or null when it is not a plate. */
  static String plate(String raw) {
    if (raw == null) {
      return null;
    }
    String plate = raw.replaceAll("[\\s·.\\-]", "").toUpperCase(java.util.Locale.ROOT);
    return plate.matches(PLATE) ? plate : null;
  }
}
