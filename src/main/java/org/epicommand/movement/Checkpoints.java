package org.epicommand.movement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.movement.internal.CheckpointStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.Coordinates;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkpoints and stations (卡口/通道, docs/domain.md §8) and green-channel passes for supply vehicles:
 * the command office sets up, corrects, retires and reactivates checkpoints (never deleting one: a
 * retired checkpoint keeps its arrivals and passages and refuses new ones with 409) and issues passes;
 * staff at a checkpoint record a vehicle's passage, which is refused (409) outside the pass's
 * validity. Arrivals registered at a checkpoint name it ({@link NewArrival} via the arrival API's
 * {@code checkpointCode}).
 */
@Service
public class Checkpoints {

  /** The kinds of checkpoint. */
  public enum Kind { TRAFFIC, STATION, AIRPORT, PORT }

  /** A checkpoint is ACTIVE, or RETIRED: kept with its history, refusing new registrations and passages. */
  public enum State { ACTIVE, RETIRED }

  /**
   * A checkpoint to set up, or the corrected fields of one ({@code code} is then ignored: arrivals and
   * passages name it). {@code lat}/{@code lon}: optional WGS-84 degrees, both or neither.
   */
  public record NewCheckpoint(String code, String name, Kind kind, String jurisdictionCode, Double lat, Double lon) {}

  /** A checkpoint; {@code retiredAt} is null while it is active. */
  public record Checkpoint(String id, String code, String name, Kind kind, String jurisdictionCode, Double lat,
      Double lon, State state, OffsetDateTime retiredAt) {}

  public record GreenPass(String passNumber, String plate, String cargo, LocalDate validFrom, LocalDate validTo) {}

  public record Passage(String passNumber, String plate, String checkpointCode, OffsetDateTime at) {}

  /** What a check at a checkpoint found: VALID today, EXPIRED, NOT_YET_VALID, or UNKNOWN (no pass). */
  public enum PassStatus { VALID, EXPIRED, NOT_YET_VALID, UNKNOWN }

  /** The answer to a check by plate or pass number; {@code pass} is null when UNKNOWN. */
  public record PassCheck(PassStatus status, GreenPass pass) {}

  /** A plate as printed: a province character, a letter, then 5 or 6 letters/digits (new-energy plates). */
  static final String PLATE = "\\p{IsHan}[A-Z][A-Z0-9]{4,5}[A-Z0-9\\p{IsHan}]";
  static final String PASS_NUMBER = "GC-\\d{8}-\\d{6}";
  static final String SUBJECT = "CHECKPOINT";

  private final CheckpointStore store;
  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final DivisionBoundaries boundaries;

  Checkpoints(CheckpointStore store, JdbcClient jdbc, Jurisdictions jurisdictions, CurrentUser currentUser,
      AuditTrail audit, Clock clock, DivisionBoundaries boundaries) {
    this.boundaries = boundaries;
    this.store = store;
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Sets up a checkpoint in a division inside the caller's jurisdiction; a taken code is 409 naming it. */
  @Transactional
  public Checkpoint create(NewCheckpoint request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.code() == null || !request.code().strip().matches("[A-Za-z0-9-]{2,30}")) {
      problems.add(FieldProblem.of("code", "movement.checkpoint.code"));
    }
    check(request, problems);
    Checkpoint checkpoint = new Checkpoint(UUID.randomUUID().toString(),
        request.code() == null ? null : request.code().strip(), request.name() == null ? null : request.name().strip(),
        request.kind(), request.jurisdictionCode() == null ? null : request.jurisdictionCode().strip(), request.lat(),
        request.lon(), State.ACTIVE, null);
    if (!store.insert(checkpoint, clock.instant())) {
      throw Conflict.duplicate("movement.checkpoint.duplicate", store.find(checkpoint.code()).map(Checkpoint::id)
          .orElse(null));
    }
    audit.record(AuditAction.CREATE, SUBJECT, checkpoint.code(), checkpoint.name());
    return checkpoint;
  }

  /** Corrects a checkpoint's name, kind, division or coordinates (its code stays); 404 outside the jurisdiction. */
  @Transactional
  public Checkpoint update(String code, NewCheckpoint request) {
    Checkpoint current = manageable(code);
    check(request, new ArrayList<>());
    Checkpoint corrected = new Checkpoint(current.id(), current.code(), request.name().strip(), request.kind(),
        request.jurisdictionCode().strip(), request.lat(), request.lon(), current.state(), current.retiredAt());
    store.update(corrected, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, current.code(), changes(current, corrected));
    return corrected;
  }

  /** Retires a checkpoint: it keeps its history and refuses new registrations and passages; retired → 409. */
  @Transactional
  public Checkpoint retire(String code) {
    return changeState(code, State.RETIRED);
  }

  /** Takes a retired checkpoint back into use; active → 409. */
  @Transactional
  public Checkpoint reactivate(String code) {
    return changeState(code, State.ACTIVE);
  }

  private Checkpoint changeState(String code, State target) {
    Checkpoint current = manageable(code);
    if (current.state() == target || !store.changeState(current.id(), target, clock.instant())) {
      throw Conflict.illegalTransition(target == State.RETIRED ? "movement.checkpoint.alreadyRetired"
          : "movement.checkpoint.alreadyActive", current.state());
    }
    audit.record(AuditAction.UPDATE, SUBJECT, current.code(), target.name());
    return store.find(current.code()).orElseThrow();
  }

  /** The checkpoints city-wide (they hold no personal data), in code order; {@code state}: null for all. */
  public List<Checkpoint> list(State state) {
    currentUser.get();
    return store.list(state);
  }

  /** A checkpoint by code, active or retired. */
  public Optional<Checkpoint> find(String code) {
    return code == null ? Optional.empty() : store.find(code.strip());
  }

  /** A checkpoint that takes new work (registrations, passages): 400 when unknown, 409 when retired. */
  public Checkpoint inService(String code, String field) {
    Checkpoint checkpoint = find(code).orElseThrow(() ->
        new ValidationFailure(FieldProblem.of(field, "movement.checkpoint.unknown")));
    if (checkpoint.state() == State.RETIRED) {
      throw Conflict.illegalTransition("movement.checkpoint.retired", checkpoint.state());
    }
    return checkpoint;
  }

  /** A checkpoint the caller may change: its division inside their jurisdiction, else 404 as if it did not exist. */
  public Checkpoint manageable(String code) {
    JurisdictionScope scope = currentUser.get().scope();
    return find(code).filter(c -> jurisdictions.find(c.jurisdictionCode()).map(j -> scope.contains(j.path()))
        .orElse(false)).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** The rules of the fields but the code; throws the problems found with {@code problems}'s. */
  private void check(NewCheckpoint request, List<FieldProblem> problems) {
    if (request.name() == null || request.name().isBlank() || request.name().strip().length() > 100) {
      problems.add(FieldProblem.of("name", "movement.checkpoint.name"));
    }
    if (request.kind() == null) {
      problems.add(FieldProblem.of("kind", "movement.checkpoint.kind"));
    }
    Jurisdiction place = request.jurisdictionCode() == null || request.jurisdictionCode().isBlank() ? null
        : jurisdictions.find(request.jurisdictionCode().strip()).orElse(null);
    if (place == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    } else if (!currentUser.get().scope().contains(place.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "movement.checkpoint.outsideScope"));
    }
    Coordinates.check(request.lat(), request.lon(), problems);
    if (place != null) {
      boundaries.checkInside(place.code(), request.lat(), request.lon(), "lat", problems);
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
  }

  private static String changes(Checkpoint before, Checkpoint after) {
    List<String> changed = new ArrayList<>();
    if (!before.name().equals(after.name())) {
      changed.add("name: " + before.name() + " → " + after.name());
    }
    if (before.kind() != after.kind()) {
      changed.add("kind: " + before.kind() + " → " + after.kind());
    }
    if (!before.jurisdictionCode().equals(after.jurisdictionCode())) {
      changed.add("jurisdictionCode: " + before.jurisdictionCode() + " → " + after.jurisdictionCode());
    }
    if (!Objects.equals(before.lat(), after.lat()) || !Objects.equals(before.lon(), after.lon())) {
      changed.add("coordinates: " + before.lat() + "," + before.lon() + " → " + after.lat() + "," + after.lon());
    }
    return changed.isEmpty() ? null : String.join("; ", changed);
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
    if (validFrom == null || validTo == null || validTo.isBefore(validFrom)
        || validTo.isAfter(validFrom.plusDays(90))) {
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
    GreenPass pass = jdbc.sql(
        "select pass_number, plate, cargo, valid_from, valid_to from green_pass where pass_number = :n")
        .param("n", passNumber).query((rs, n) -> new GreenPass(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).optional()
        .orElseThrow(() -> new RecordNotFound("GREEN_PASS"));
    Checkpoint checkpoint = inService(checkpointCode, "checkpointCode");
    LocalDate today = LocalDate.now(clock);
    if (today.isBefore(pass.validFrom()) || today.isAfter(pass.validTo())) {
      throw Conflict.of("movement.pass.notValidToday");
    }
    jdbc.sql("insert into green_pass_passage (pass_number, checkpoint_code, at, username) values (:n, :c, :at, :by)")
        .param("n", passNumber).param("c", checkpoint.code()).param("at", Timestamp.from(clock.instant()))
        .param("by", username).update();
    audit.record(AuditAction.CREATE, "GREEN_PASS_PASSAGE", passNumber, checkpoint.code());
    return new Passage(passNumber, pass.plate(), checkpoint.code(),
        clock.instant().atZone(clock.getZone()).toOffsetDateTime());
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
