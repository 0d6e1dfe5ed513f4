package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every kind of vaccination master data does alike: read inside the caller's reach (else 404),
 * create (400 naming the fields, 409 when the code is taken), correct (everything but the code; the same
 * data again changes nothing), retire and take back into service, and the import's create-or-correct of
 * one row. Every change is audited in its transaction.
 *
 * @param <R> a stored record
 * @param <D> the details an owner gives (their code included)
 */
public abstract class MasterBook<R, D> {

  private final MasterKind kind;
  private final MasterRows rows;
  private final AuditTrail audit;
  private final Function<D, String> code;
  final Clock clock;

  MasterBook(MasterKind kind, MasterRows rows, AuditTrail audit, Clock clock, Function<D, String> code) {
    this.kind = kind;
    this.rows = rows;
    this.audit = audit;
    this.clock = clock;
    this.code = code;
  }

  /** The stored record of a code, wherever it lies. */
  abstract Optional<R> stored(String code);

  /** Whether the caller may see the record. */
  abstract boolean inScope(R row);

  abstract D data(R row);

  abstract Instant retiredAt(R row);

  /** Checks and normalises {@code raw} under {@code code}: adds the problems found, answers null when there are any. */
  abstract D check(String code, D raw, List<FieldProblem> problems);

  /** Inserts checked data; false when the code is taken. */
  abstract boolean insert(D data, UUID importId, Integer line);

  /** Stores corrected data. */
  abstract void change(D data);

  /** What the audit trail says of the record (its name). */
  abstract String label(D data);

  /** Another record that holds a value that must be unique ({@code existingId} of a 409), if any. */
  Optional<String> taken(D data) {
    return Optional.empty();
  }

  public Optional<R> find(String code) {
    return code == null || code.isBlank() ? Optional.empty() : stored(code.strip()).filter(this::inScope);
  }

  public R get(String code) {
    return find(code).orElseThrow(() -> new RecordNotFound(kind.subject));
  }

  @Transactional
  public R create(D raw) {
    List<FieldProblem> problems = new ArrayList<>();
    String checkedCode = MasterRules.code(code.apply(raw), problems);
    D checked = check(checkedCode, raw, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Optional<String> taken = taken(checked);
    if (taken.isPresent()) {
      throw Conflict.duplicate(kind.key("duplicate"), taken.get());
    }
    if (!insert(checked, null, null)) {
      throw Conflict.duplicate(kind.key("duplicate"), checkedCode);
    }
    audit.record(AuditAction.CREATE, kind.subject, checkedCode, label(checked));
    return stored(checkedCode).orElseThrow();
  }

  @Transactional
  public R update(String code, D raw) {
    R row = get(code);
    String stored = this.code.apply(data(row));
    List<FieldProblem> problems = new ArrayList<>();
    D checked = check(stored, raw, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Optional<String> taken = taken(checked).filter(other -> !other.equals(stored));
    if (taken.isPresent()) {
      throw Conflict.duplicate(kind.key("duplicate"), taken.get());
    }
    write(row, checked);
    return stored(stored).orElseThrow();
  }

  /** Retires the record ({@code retire}) or takes it back into service: 409 naming the state it is in already. */
  @Transactional
  public R move(String code, boolean retire) {
    R row = get(code);
    String stored = this.code.apply(data(row));
    rows.move(kind, stored, retiredAt(row) != null, retire);
    return stored(stored).orElseThrow();
  }

  /**
   * One import row, in the batch's transaction: creates the record, corrects it when the row says
   * something else, or leaves it as it is. Answers what keeps the row out (nothing: imported).
   */
  List<FieldProblem> importRow(String code, Optional<R> stored, D raw, UUID importId, int line) {
    List<FieldProblem> problems = new ArrayList<>();
    D checked = check(code, raw, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    Optional<String> taken = taken(checked).filter(other -> !other.equals(code));
    if (taken.isPresent()) {
      problems.add(FieldProblem.of("code", kind.key("duplicate")));
      return problems;
    }
    if (stored.isEmpty()) {
      insert(checked, importId, line);
      audit.record(AuditAction.CREATE, kind.subject, code, label(checked));
    } else {
      write(stored.get(), checked);
      rows.stamp(kind, code, importId, line);
    }
    return problems;
  }

  MasterKind kind() {
    return kind;
  }

  private void write(R row, D checked) {
    if (!checked.equals(data(row))) {
      change(checked);
      audit.record(AuditAction.UPDATE, kind.subject, code.apply(checked), label(checked));
    }
  }
}
