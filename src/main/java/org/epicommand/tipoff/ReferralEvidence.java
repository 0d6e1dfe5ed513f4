package org.epicommand.tipoff;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.platform.EvidenceFiles;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tipoff.internal.ConcealmentStore;
import org.epicommand.tipoff.internal.TipOffProperties;
import org.epicommand.tipoff.internal.TipOffStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of a concealment case's evidence (询问笔录、行程截图 …), the tip-off office's alone: PDF, JPEG, PNG or
 * WebP by their first bytes (415 otherwise), at most {@code epicommand.tipoff.max-evidence-size} (413); added while
 * the case waits for the authority's decision (409 once decided). A tip-off's referral is its case: its files are
 * reached through the tip-off too. Every upload and every download is audited.
 */
@Service
public class ReferralEvidence {

  static final String SUBJECT = "TIP_OFF_REFERRAL";
  private static final Set<String> TYPES = Set.of(EvidenceFiles.PDF, EvidenceFiles.JPEG, EvidenceFiles.PNG,
      EvidenceFiles.WEBP);

  /** A file's type, the name to offer and where it lies. */
  public record Content(String contentType, String fileName, Path file) {}

  private final TipOffStore tips;
  private final ConcealmentStore store;
  private final EvidenceFiles files;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final TipOffProperties properties;
  private final Clock clock;

  ReferralEvidence(TipOffStore tips, ConcealmentStore store, EvidenceFiles files, CurrentUser currentUser,
      AuditTrail audit, TipOffProperties properties, Clock clock) {
    this.tips = tips;
    this.store = store;
    this.files = files;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Adds a file to the referral of a tip-off of the office's jurisdiction (404 without a referral). */
  @Transactional
  public TipOff.EvidenceFile add(UUID tipOffId, String fileName, InputStream content) {
    TipOff.EvidenceFile file = addToCase(caseOf(tipOffId), fileName, content);
    audit.record(AuditAction.UPDATE, TipOffStore.SUBJECT, tipOffId.toString(), "evidence " + file.id());
    return file;
  }

  /** A file of a tip-off's referral (audited); 404 for anything else. */
  @Transactional
  public Content file(UUID tipOffId, UUID fileId) {
    return fileOfCase(caseOf(tipOffId), fileId);
  }

  /** Adds a file to a concealment case of the caller's jurisdiction, until the authority decides (409 after). */
  @Transactional
  public TipOff.EvidenceFile addToCase(UUID caseId, String fileName, InputStream content) {
    UserContext user = currentUser.get();
    store.lock(caseId, user.scope()).requireEvidenceOpen();
    UUID fileId = UUID.randomUUID();
    EvidenceFiles.Stored stored = files.accept(fileId, content == null ? InputStream.nullInputStream() : content,
        TYPES, properties.maxEvidenceSize().toBytes(), "tipoff.fileType")
        .orElseThrow(() -> new ValidationFailure(FieldProblem.of("file", "tipoff.noFile")));
    String name = fileName == null || fileName.isBlank() ? fileId.toString() : fileName.strip();
    name = name.length() > 200 ? name.substring(name.length() - 200) : name;
    store.insertFile(fileId, caseId, name, stored.contentType(), stored.size(), stored.sha256(), clock.instant(),
        user.username());
    audit.record(AuditAction.UPDATE, ConcealmentStore.SUBJECT, caseId.toString(), "evidence " + fileId);
    return store.files(caseId).stream().filter(f -> f.id().equals(fileId)).findFirst().orElseThrow();
  }

  /** A file of a concealment case's evidence (audited); 404 for anything else. */
  @Transactional
  public Content fileOfCase(UUID caseId, UUID fileId) {
    TipOff.EvidenceFile file = store.find(caseId, currentUser.get().scope()).files().stream()
        .filter(f -> f.id().equals(fileId)).findFirst().orElseThrow(() -> new RecordNotFound(SUBJECT));
    audit.record(AuditAction.READ, SUBJECT, fileId.toString(), caseId.toString());
    return new Content(file.contentType(), file.fileName(), files.existing(fileId));
  }

  /** The case of a tip-off of the office's jurisdiction (404 without a referral). */
  private UUID caseOf(UUID tipOffId) {
    UserContext user = currentUser.get();
    TipOff.Referral referral = tips.find(tipOffId, user.scope(), true, clock.instant()).referral();
    if (referral == null) {
      throw new RecordNotFound(SUBJECT);
    }
    return referral.id();
  }
}
