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
      problems.add(FieldProblem.of("name", "movement.riskArea.name"));
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
    if (plate == null || !plate.strip().matches("[\\p{IsHan}A-Z0-9]{5,10}")) {
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
    return new Passage(passNumber, pass.plate(), checkpointCode, clock.instant().atZone(clock.getZone()).toOffsetDateTime());
  }
}
