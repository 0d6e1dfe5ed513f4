package org.epicommand.checklist;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.checklist.internal.ResultStore;
import org.epicommand.platform.EvidenceFiles;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supervision.ProblemRectification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results of a checklist for a subject (a record of another module, e.g. a resumption application),
 * which the calling module has already found inside the caller's scope and in a state that takes results:
 * the latest outcome per item with a note and photos (JPEG, PNG or WebP by their bytes, at most the
 * supervision photo size; anything else 400 {@code file}). A failed blocking item can be raised as a
 * supervision problem of the subject's organisation. Each result and photo is audited on the subject.
 */
@Service
public class ChecklistResults {

  /** Whose results: the subject's type (its audit subject) and id, and the unit a problem would be found at. */
  public record Subject(String type, UUID id, String unitCode, String unitName) {}

  private final ResultStore store;
  private final EvidenceFiles files;
  private final ProblemRectification problems;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final long maxPhotoBytes;

  ChecklistResults(ResultStore store, EvidenceFiles files, ProblemRectification problems, CurrentUser currentUser,
      AuditTrail audit, Clock clock, @Value("${epicommand.supervision.max-photo-size:10MB}")
      org.springframework.util.unit.DataSize maxPhoto) {
    this.store = store;
    this.files = files;
    this.problems = problems;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
    this.maxPhotoBytes = maxPhoto.toBytes();
  }

  /** The subject's results by item code. */
  public Map<String, ItemResult> results(Subject subject) {
    return store.results(subject.type(), subject.id());
  }

  /**
   * Records an item's outcome: 404 for an item the template lacks, 400 {@code outcome} without one. A
   * failed blocking item with {@code raiseProblem} becomes a supervision problem of the subject's unit
   * (FOUND, for the inspection side to assign), once per item.
   */
  @Transactional
  public ItemResult record(Subject subject, ChecklistTemplate template, String itemCode, Outcome outcome, String note,
      boolean onSite, boolean raiseProblem) {
    ChecklistItem item = template.item(itemCode).orElseThrow(() -> new RecordNotFound("checklist item"));
    List<FieldProblem> errors = new ArrayList<>();
    if (outcome == null) {
      errors.add(FieldProblem.of("outcome", "checklist.outcome"));
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 1000) {
      errors.add(FieldProblem.of("note", "checklist.tooLong", 1000));
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    ItemResult before = results(subject).get(item.code());
    UUID problem = null;
    if (raiseProblem && outcome == Outcome.FAIL && item.blocking() && (before == null || before.problemId() == null)) {
      problem = UUID.fromString(problems.raiseFromChecklist(subject.unitCode(),
          subject.unitName() + "：" + item.text() + (text == null ? "" : "（" + text + "）")));
    }
    store.upsert(subject.type(), subject.id(), UUID.fromString(template.id()), item.code(), outcome, text, onSite,
        problem, currentUser.get().username(), clock.instant());
    audit.record(AuditAction.UPDATE, subject.type(), subject.id().toString(), "checklist " + item.code() + " "
        + outcome + (onSite ? " on site" : "") + (problem == null ? "" : " problem " + problem));
    return results(subject).get(item.code());
  }

  /** Adds a photo to an item of the template: 400 {@code file} when it is empty or not a JPEG, PNG or WebP. */
  @Transactional
  public ItemResult.Photo addPhoto(Subject subject, ChecklistTemplate template, String itemCode, InputStream content) {
    ChecklistItem item = template.item(itemCode).orElseThrow(() -> new RecordNotFound("checklist item"));
    UUID id = UUID.randomUUID();
    EvidenceFiles.Stored stored;
    try {
      stored = files.accept(id, content, EvidenceFiles.PHOTOS, maxPhotoBytes, "checklist.notAnImage")
          .orElseThrow(() -> new ValidationFailure(FieldProblem.of("file", "checklist.noFile")));
    } catch (EvidenceFiles.Refused e) {
      if (e.status() == org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
        throw new ValidationFailure(FieldProblem.of("file", "checklist.notAnImage"));
      }
      throw e;
    }
    Instant now = clock.instant();
    String by = currentUser.get().username();
    store.insertPhoto(id, subject.type(), subject.id(), item.code(), stored.contentType(), stored.size(),
        stored.sha256(), by, now);
    audit.record(AuditAction.UPDATE, subject.type(), subject.id().toString(), "checklist " + item.code() + " photo "
        + id);
    return results(subject).get(item.code()).photos().stream().filter(p -> p.id().equals(id.toString())).findFirst()
        .orElseThrow();
  }

  /** A photo of the subject: its type and file; 404 when it is not the subject's. */
  public PhotoContent photo(Subject subject, UUID photoId) {
    String type = store.photoType(subject.type(), subject.id(), photoId)
        .orElseThrow(() -> new RecordNotFound("photo"));
    return new PhotoContent(type, files.existing(photoId));
  }

  /** The bytes of a photo: its sniffed type and where it lies. */
  public record PhotoContent(String contentType, Path file) {}

  /**
   * The blocking items of the template that are not PASS for the subject — with {@code onSiteOnly}, not
   * passed on site (逐项验收: a self-check does not count for approval).
   */
  public List<ChecklistItem> blockingNotPassed(Subject subject, ChecklistTemplate template, boolean onSiteOnly) {
    Map<String, ItemResult> results = results(subject);
    return template.items().stream().filter(ChecklistItem::blocking).filter(item -> {
      ItemResult result = results.get(item.code());
      return result == null || result.outcome() != Outcome.PASS || onSiteOnly && !result.onSite();
    }).toList();
  }
}
