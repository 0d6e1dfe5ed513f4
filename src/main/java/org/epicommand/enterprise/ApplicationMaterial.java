package org.epicommand.enterprise;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.checklist.ChecklistResults;
import org.epicommand.checklist.ChecklistTemplate;
import org.epicommand.checklist.ChecklistTemplates;
import org.epicommand.checklist.ItemResult;
import org.epicommand.checklist.Outcome;
import org.epicommand.enterprise.internal.Application;
import org.epicommand.enterprise.internal.ApplicationRow;
import org.epicommand.enterprise.internal.ApplicationStore;
import org.epicommand.enterprise.internal.EnterpriseProperties;
import org.epicommand.platform.EvidenceFiles;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's material while it is open (DRAFT to SITE_INSPECTION; 409 naming the state after):
 * its documents (PDF, JPEG or PNG by their bytes, 415 otherwise; at most 10 MB, 413), the sign-offs of the
 * positions its template names (400 {@code signOffs[i].position} for any other), and its checklist — the
 * organisation's self-check while it is a draft, the inspection on site during SITE_INSPECTION, each item
 * with photos; a failed blocking item can be raised as a supervision problem.
 */
@Service
public class ApplicationMaterial {

  /** A signature to record. */
  public record SignOffRequest(String position, String name) {}

  /** The accepted document types. */
  static final Set<String> DOCUMENT_TYPES = Set.of(EvidenceFiles.PDF, EvidenceFiles.JPEG, EvidenceFiles.PNG);

  private final ResumptionApplications applications;
  private final ApplicationStore store;
  private final ChecklistTemplates templates;
  private final ChecklistResults results;
  private final EvidenceFiles files;
  private final EnterpriseProperties properties;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  ApplicationMaterial(ResumptionApplications applications, ApplicationStore store, ChecklistTemplates templates,
      ChecklistResults results, EvidenceFiles files, EnterpriseProperties properties, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.applications = applications;
    this.store = store;
    this.templates = templates;
    this.results = results;
    this.files = files;
    this.properties = properties;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records signatures, all or none: each position must be one the template names, each with a name. */
  @Transactional
  public ResumptionApplication signOff(UUID id, List<SignOffRequest> signOffs) {
    ApplicationRow row = applications.lock(id);
    new Application(row.id(), row.state(), row.reason()).requireOpen();
    ChecklistTemplate template = templates.get(row.templateId());
    List<FieldProblem> problems = new ArrayList<>();
    List<SignOffRequest> given = signOffs == null ? List.of() : signOffs;
    if (given.isEmpty()) {
      problems.add(FieldProblem.of("signOffs", "resumption.signOffs"));
    }
    for (int i = 0; i < given.size(); i++) {
      SignOffRequest s = given.get(i);
      String position = s == null || s.position() == null ? null : s.position().strip();
      if (position == null || !template.signOffs().contains(position)) {
        problems.add(FieldProblem.of("signOffs[" + i + "].position", "resumption.signOffPosition",
            String.join("、", template.signOffs())));
      }
      String name = s == null || s.name() == null ? null : s.name().strip();
      if (name == null || name.isEmpty() || name.length() > 50) {
        problems.add(FieldProblem.of("signOffs[" + i + "].name", "resumption.signOffName"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Instant now = clock.instant();
    String by = currentUser.get().username();
    for (SignOffRequest s : given) {
      store.signOff(id, s.position().strip(), s.name().strip(), by, now);
      audit.record(AuditAction.UPDATE, ResumptionApplications.SUBJECT, id.toString(), "signed " + s.position().strip());
    }
    return applications.get(id);
  }

  /** Stores a document of a kind: 400 without a kind or file, 415 for another type, 413 above the size limit. */
  @Transactional
  public ApplicationDocument addDocument(UUID id, DocumentKind kind, String fileName, InputStream content) {
    ApplicationRow row = applications.lock(id);
    new Application(row.id(), row.state(), row.reason()).requireOpen();
    if (kind == null) {
      throw new ValidationFailure(FieldProblem.of("kind", "resumption.documentKind"));
    }
    UUID documentId = UUID.randomUUID();
    EvidenceFiles.Stored stored = files.accept(documentId, content, DOCUMENT_TYPES,
        properties.maxDocumentSize().toBytes(), "resumption.documentType")
        .orElseThrow(() -> new ValidationFailure(FieldProblem.of("file", "resumption.noFile")));
    String name = fileName == null || fileName.isBlank() ? kind.name() : fileName.strip();
    name = name.length() > 200 ? name.substring(name.length() - 200) : name;
    store.insertDocument(documentId, id, kind, name, stored.contentType(), stored.size(), stored.sha256(),
        currentUser.get().username(), clock.instant());
    audit.record(AuditAction.UPDATE, ResumptionApplications.SUBJECT, id.toString(), "document " + kind + " "
        + documentId);
    return store.documents(id).stream().filter(d -> d.id().equals(documentId.toString())).findFirst().orElseThrow();
  }

  /** A document's type and file, for those who may read the application. */
  public Content document(UUID id, UUID documentId) {
    applications.row(id);
    ApplicationDocument document = store.documents(id).stream().filter(d -> d.id().equals(documentId.toString()))
        .findFirst().orElseThrow(() -> new RecordNotFound("document"));
    return new Content(document.contentType(), document.fileName(), files.existing(documentId));
  }

  /** The bytes of a document or photo: its sniffed type, the name to offer, where it lies. */
  public record Content(String contentType, String fileName, Path file) {}

  /**
   * Records a checklist item: the organisation's self-check in DRAFT (RESUMPTION_APPLY), the inspection on
   * site in SITE_INSPECTION (RESUMPTION_INSPECT); 409 naming the state otherwise, 404 for an item the
   * template lacks.
   */
  @Transactional
  public ItemResult record(UUID id, String itemCode, Outcome outcome, String note, boolean raiseProblem) {
    ApplicationRow row = applications.lock(id);
    boolean onSite = stage(row);
    return results.record(ResumptionApplications.subject(row), templates.get(row.templateId()), itemCode, outcome,
        note, onSite, raiseProblem && onSite);
  }

  /** Adds a photo to a checklist item, in the same stages as results (400 {@code file} for anything but a photo). */
  @Transactional
  public ItemResult.Photo addPhoto(UUID id, String itemCode, InputStream content) {
    ApplicationRow row = applications.lock(id);
    stage(row);
    return results.addPhoto(ResumptionApplications.subject(row), templates.get(row.templateId()), itemCode, content);
  }

  public Content photo(UUID id, UUID photoId) {
    ApplicationRow row = applications.row(id);
    ChecklistResults.PhotoContent photo = results.photo(ResumptionApplications.subject(row), photoId);
    return new Content(photo.contentType(), photoId.toString(), photo.file());
  }

  /** Whether results now are on site (SITE_INSPECTION) or a self-check (DRAFT); 409 or 403 otherwise. */
  private boolean stage(ApplicationRow row) {
    UserContext user = currentUser.get();
    new Application(row.id(), row.state(), row.reason()).require(ApplicationState.DRAFT,
        ApplicationState.SITE_INSPECTION);
    boolean onSite = row.state() == ApplicationState.SITE_INSPECTION;
    if (!user.has(onSite ? Permission.RESUMPTION_INSPECT : Permission.RESUMPTION_APPLY)) {
      throw new AccessDeniedException(onSite ? "the site inspection records results now"
          : "the organisation records its self-check");
    }
    return onSite;
  }
}
