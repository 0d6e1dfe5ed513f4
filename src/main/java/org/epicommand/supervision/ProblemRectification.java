package org.epicommand.supervision;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supervision.internal.InspectionStore;
import org.epicommand.supervision.internal.PhotoFiles;
import org.epicommand.supervision.internal.ProblemItem;
import org.epicommand.supervision.internal.ProblemStore;
import org.epicommand.supervision.internal.Units;
import org.epicommand.supervision.internal.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problem items from finding to closing (对账销号): the inspection side records, assigns, verifies,
 * rejects and closes; the responsible unit rectifies and submits evidence. Each move is guarded by
 * {@link ProblemItem}, written to the history and published as an event.
 */
@Service
public class ProblemRectification {

  static final String SUBJECT = "problem";

  private final ProblemStore problems;
  private final InspectionStore inspections;
  private final PhotoFiles files;
  private final Units units;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProblemRectification(ProblemStore problems, InspectionStore inspections, PhotoFiles files, Units units,
      CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
    this.problems = problems;
    this.inspections = inspections;
    this.files = files;
    this.units = units;
    this.currentUser = currentUser;
    this.events = events;
    this.clock = clock;
  }

  /** Records a finding on a visit in progress: a problem item in {@code FOUND}. */
  @Transactional
  public Problem recordFinding(UUID visitId, NewFinding finding) {
    UserContext user = currentUser.get();
    Visibility visibility = units.visibility(user);
    Visit visit = inspections.visit(visitId, visibility).orElseThrow(() -> new RecordNotFound("visit"));
    List<FieldProblem> errors = new ArrayList<>();
    if (finding.category() == null) {
      errors.add(FieldProblem.of("category", "supervision.required"));
    }
    if (finding.severity() == null) {
      errors.add(FieldProblem.of("severity", "supervision.required"));
    }
    String description = text(finding.description(), "description", 2000, errors);
    String unitCode = finding.unitCode() == null || finding.unitCode().isBlank() ? visit.unitCode()
        : finding.unitCode();
    var unit = units.find(unitCode, user);
    if (unit.isEmpty()) {
      errors.add(FieldProblem.of("unitCode", "supervision.unknownUnit"));
    }
    if (finding.deadline() != null && finding.deadline().isBefore(today())) {
      errors.add(FieldProblem.of("deadline", "supervision.deadlinePast"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    if (visit.state() != VisitState.IN_PROGRESS) {
      throw Conflict.illegalTransition("supervision.visitNotInProgress", visit.state());
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    problems.insert(new ProblemStore.Found(id, visitId, finding.category(), finding.severity(), description,
        unit.get().code(), unit.get().name(), unit.get().path(), finding.deadline(), user.username(), now));
    problems.history(id, "FOUND", null, ProblemState.FOUND, user.username(), null, now);
    return get(id);
  }

  /**
   * A problem found outside a visit, by a facade call of another module: a blocking checklist item failed
   * at an organisation's (or a division's) site inspection. It starts {@code FOUND}, as a finding does,
   * for the inspection side to assign — invisible to the unit until then. Answers the problem's id.
   */
  @Transactional
  public String raiseFromChecklist(String unitCode, String description) {
    UserContext user = currentUser.get();
    var unit = units.find(unitCode, null).orElseThrow(() -> new RecordNotFound("unit"));
    String text = description.length() > 2000 ? description.substring(0, 1999) + "…" : description;
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    problems.insert(new ProblemStore.Found(id, null, ProblemCategory.OTHER, Severity.MAJOR, text, unit.code(),
        unit.name(), unit.path(), null, user.username(), now));
    problems.history(id, "FOUND", null, ProblemState.FOUND, user.username(), "checklist", now);
    return id.toString();
  }

  /** A finding and, when given, its photo, in one transaction: both or neither. */
  @Transactional
  public Problem recordFindingWithPhoto(UUID visitId, NewFinding finding, InputStream photo) {
    UUID id = UUID.fromString(recordFinding(visitId, finding).id());
    if (photo != null) {
      addPhoto(id, PhotoKind.FINDING, photo);
    }
    return get(id);
  }

  /** The problem with its photos and history; 404 when the caller may not see it. */
  public Problem get(UUID id) {
    Visibility visibility = units.visibility(currentUser.get());
    Problem problem = problems.find(id, visibility, today()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    return problem.withDetail(problems.photos(id), problems.history(id));
  }

  /** A page of the problems the caller may see, newest first. */
  public PageResult<Problem> list(ProblemState state, String unitCode, Boolean overdue, UUID visitId, Paging paging) {
    UserContext user = currentUser.get();
    String unitPath = null;
    if (unitCode != null && !unitCode.isBlank()) {
      unitPath = units.pathInScope(unitCode, user).orElseThrow(() -> new RecordNotFound("jurisdiction"));
    }
    List<Problem> rows = problems.list(new ProblemStore.Filter(state, unitPath, overdue, visitId),
        units.visibility(user), today(), paging.offset(), paging.fetchSize());
    return paging.toResult(rows, null);
  }

  /** FOUND → ASSIGNED to the responsible unit (default: the one it was found at) with a deadline. */
  @Transactional
  public Problem assign(UUID id, String unitCode, LocalDate deadline, String note) {
    UserContext user = currentUser.get();
    ProblemItem item = item(id, user);
    List<FieldProblem> errors = new ArrayList<>();
    var unit = units.find(unitCode == null || unitCode.isBlank() ? item.unitCode() : unitCode, user);
    if (unit.isEmpty()) {
      errors.add(FieldProblem.of("unitCode", "supervision.unknownUnit"));
    }
    LocalDate due = deadline != null ? deadline : item.deadline();
    if (due == null) {
      errors.add(FieldProblem.of("deadline", "supervision.required"));
    } else if (due.isBefore(today())) {
      errors.add(FieldProblem.of("deadline", "supervision.deadlinePast"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    ProblemState from = item.state();
    Instant now = clock.instant();
    item.assign(unit.get().code(), unit.get().name(), unit.get().path(), due, now);
    saved(item, "ASSIGNED", from, user, note, now);
    events.publishEvent(new ProblemAssigned(id.toString(), item.unitCode(), item.deadline()));
    return get(id);
  }

  @Transactional
  public Problem startRectifying(UUID id, String note) {
    UserContext user = currentUser.get();
    ProblemItem item = item(id, user);
    ProblemState from = item.state();
    item.startRectifying();
    saved(item, "RECTIFYING", from, user, note, clock.instant());
    return get(id);
  }

  @Transactional
  public Problem submitEvidence(UUID id, String note) {
    UserContext user = currentUser.get();
    ProblemItem item = item(id, user);
    ProblemState from = item.state();
    item.submitEvidence(from == ProblemState.RECTIFYING ? problems.evidenceCount(id, item.round()) : 0);
    saved(item, "EVIDENCE_SUBMITTED", from, user, note, clock.instant());
    events.publishEvent(new EvidenceSubmitted(id.toString(), item.unitCode()));
    return get(id);
  }

  @Transactional
  public Problem verify(UUID id, String note) {
    UserContext user = currentUser.get();
    ProblemItem item = item(id, user);
    ProblemState from = item.state();
    Instant now = clock.instant();
    item.verify(now);
    saved(item, "VERIFIED", from, user, note, now);
    return get(id);
  }

  /** Rejects the evidence with a reason: back to RECTIFYING, and new evidence is needed. */
  @Transactional
  public Problem reject(UUID id, String reason) {
    UserContext user = currentUser.get();
    ProblemItem item = item(id, user);
    List<FieldProblem> errors = new ArrayList<>();
    String why = text(reason, "reason", 2000, errors);
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    ProblemState from = item.state();
    item.reject();
    saved(item, "REJECTED", from, user, why, clock.instant());
    events.publishEvent(new EvidenceRejected(id.toString(), item.unitCode(), why));
    return get(id);
  }

  /** VERIFIED → CLOSED (对账销号); from any other state a 409 naming it. */
  @Transactional
  public Problem close(UUID id, String note) {
    UserContext user = currentUser.get();
    ProblemItem item = item(id, user);
    ProblemState from = item.state();
    Instant now = clock.instant();
    item.close(now);
    saved(item, "CLOSED", from, user, note, now);
    events.publishEvent(new ProblemClosed(id.toString(), item.unitCode(), false));
    return get(id);
  }

  /** FOUND → CLOSED, fixed on the spot (立行立改): needs an evidence photo first. */
  @Transactional
  public Problem fixOnSpot(UUID id, String note) {
    UserContext user = currentUser.get();
    ProblemItem item = item(id, user);
    ProblemState from = item.state();
    Instant now = clock.instant();
    item.fixOnSpot(problems.evidenceCount(id, item.round()), now);
    saved(item, "FIXED_ON_SPOT", from, user, note, now);
    events.publishEvent(new ProblemClosed(id.toString(), item.unitCode(), true));
    return get(id);
  }

  /**
   * Stores a photo of the problem. The inspection side adds finding photos while the problem is
   * open and evidence while it is {@code FOUND} (fixed on the spot); the unit adds evidence while
   * {@code RECTIFYING}. The type comes from the bytes: JPEG, PNG or WebP, anything else is a 400.
   * The caller checks the size limit before ({@link #maxPhotoSize()}).
   */
  @Transactional
  public Problem.Photo addPhoto(UUID id, PhotoKind requested, InputStream content) {
    UserContext user = currentUser.get();
    ProblemItem item = item(id, user);
    boolean inspection = user.has(Permission.INSPECTION_MANAGE);
    PhotoKind kind = requested != null ? requested : inspection ? PhotoKind.FINDING : PhotoKind.EVIDENCE;
    if (inspection) {
      boolean allowed = kind == PhotoKind.FINDING ? item.state() != ProblemState.CLOSED
          : item.state() == ProblemState.FOUND;
      if (!allowed) {
        throw Conflict.illegalTransition("supervision.photoNotNow", item.state());
      }
    } else if (!user.has(Permission.PROBLEM_RECTIFY) || kind != PhotoKind.EVIDENCE) {
      throw new AccessDeniedException("only evidence, only by the responsible unit");
    } else if (item.state() != ProblemState.RECTIFYING) {
      throw Conflict.illegalTransition("supervision.photoNotNow", item.state());
    }
    try (BufferedInputStream in = new BufferedInputStream(content)) {
      in.mark(16);
      byte[] head = in.readNBytes(12);
      in.reset();
      if (head.length == 0) {
        throw new ValidationFailure(FieldProblem.of("file", "supervision.noFile"));
      }
      String type = PhotoFiles.sniff(head)
          .orElseThrow(() -> new ValidationFailure(FieldProblem.of("file", "supervision.notAnImage")));
      UUID photoId = UUID.randomUUID();
      PhotoFiles.Stored stored = files.store(photoId, type, in);
      Instant now = clock.instant();
      problems.insertPhoto(photoId, id, kind, item.round(), type, stored.size(), stored.sha256(), user.username(), now);
      return problems.photo(id, photoId).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A photo's type and file, for those who may see its problem. */
  public PhotoContent photo(UUID id, UUID photoId) {
    Visibility visibility = units.visibility(currentUser.get());
    problems.find(id, visibility, today()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    Problem.Photo photo = problems.photo(id, photoId).orElseThrow(() -> new RecordNotFound("photo"));
    return new PhotoContent(photo.contentType(), files.existing(UUID.fromString(photo.id())));
  }

  /** The bytes of a photo: its sniffed type and where it lies. */
  public record PhotoContent(String contentType, Path file) {}

  public long maxPhotoSize() {
    return files.maxSize();
  }

  private ProblemItem item(UUID id, UserContext user) {
    return problems.findItem(id, units.visibility(user)).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private void saved(ProblemItem item, String action, ProblemState from, UserContext user, String note, Instant now) {
    String trimmed = note == null || note.isBlank() ? null : note.strip();
    if (trimmed != null && trimmed.length() > 2000) {
      throw new ValidationFailure(FieldProblem.of("note", "supervision.tooLong", 2000));
    }
    problems.save(item, now);
    problems.history(item.id(), action, from, item.state(), user.username(), trimmed, now);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  static String text(String value, String field, int max, List<FieldProblem> errors) {
    if (value == null || value.isBlank()) {
      errors.add(FieldProblem.of(field, "supervision.required"));
      return null;
    }
    if (value.strip().length() > max) {
      errors.add(FieldProblem.of(field, "supervision.tooLong", max));
      return null;
    }
    return value.strip();
  }
}
