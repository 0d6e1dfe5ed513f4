package org.epicommand.enterprise.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.epicommand.checklist.ItemResult;
import org.epicommand.checklist.Outcome;
import org.epicommand.enterprise.ApplicationDocument;
import org.epicommand.enterprise.ApplicationKind;
import org.epicommand.enterprise.ApplicationMaterial;
import org.epicommand.enterprise.ApplicationState;
import org.epicommand.enterprise.ApplicationSteps;
import org.epicommand.enterprise.DocumentKind;
import org.epicommand.enterprise.NewApplication;
import org.epicommand.enterprise.ResumptionApplication;
import org.epicommand.enterprise.ResumptionApplications;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/resumption/applications}: resumption applications inside the caller's reach, their
 * moves (each refused with a 409 naming the current state when it is not the application's to make),
 * checklist results with photos, sign-offs and documents.
 */
@RestController
@RequestMapping("/api/v1/resumption/applications")
@Tag(name = "Reopening")
class ApplicationApiController {

  static final String READ = "hasAuthority('RESUMPTION_READ')";
  static final String APPLY = "hasAuthority('RESUMPTION_APPLY')";
  static final String REVIEW = "hasAuthority('RESUMPTION_REVIEW')";
  static final String DECIDE = "hasAuthority('RESUMPTION_DECIDE')";

  /** A reason or a note for a move. */
  record Note(String reason, String note) {}

  /** A checklist item's result. */
  record Result(Outcome outcome, String note, Boolean raiseProblem) {}

  /** Signatures to record. */
  record SignOffs(List<ApplicationMaterial.SignOffRequest> signOffs) {}

  private final ResumptionApplications applications;
  private final ApplicationSteps steps;
  private final ApplicationMaterial material;

  ApplicationApiController(ResumptionApplications applications, ApplicationSteps steps, ApplicationMaterial material) {
    this.applications = applications;
    this.steps = steps;
    this.material = material;
  }

  @Operation(
      summary = "Applications inside the caller's reach, newest first; state, organisation (id or credit code), kind, overdue")
  @GetMapping
  @PreAuthorize(READ)
  PageResult<ResumptionApplication> list(@RequestParam(required = false) ApplicationState state,
      @RequestParam(required = false) String organisation, @RequestParam(required = false) ApplicationKind kind,
      @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return applications.list(new ResumptionApplications.Filter(state, organisation, kind, overdue),
        Paging.of(page, size));
  }

  @Operation(
      summary = "Files a draft: 400 naming the fields (plannedDate before a gate names its day), 409 with existingId for a second application of the organisation, kind and cohort")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(APPLY)
  ResumptionApplication create(@RequestBody NewApplication request) {
    return applications.create(request);
  }

  @Operation(summary = "The application with its checklist, sign-offs, documents, staff figures and history (audited)")
  @GetMapping("/{id}")
  @PreAuthorize(READ)
  ResumptionApplication get(@PathVariable UUID id) {
    return applications.get(id);
  }

  @Operation(summary = "Corrects a draft (409 unless DRAFT)")
  @PutMapping("/{id}")
  @PreAuthorize(APPLY)
  ResumptionApplication update(@PathVariable UUID id, @RequestBody NewApplication request) {
    return applications.update(id, request);
  }

  @Operation(summary = "What an approval still needs (empty: it may be approved)")
  @GetMapping("/{id}/requirements")
  @PreAuthorize(READ)
  List<FieldProblem> requirements(@PathVariable UUID id) {
    return steps.requirements(id);
  }

  @Operation(summary = "DRAFT → SUBMITTED (the gates are checked again)")
  @PostMapping("/{id}/submit")
  @PreAuthorize(APPLY)
  ResumptionApplication submit(@PathVariable UUID id) {
    return steps.submit(id);
  }

  @Operation(summary = "SUBMITTED → MATERIAL_REVIEW")
  @PostMapping("/{id}/start-review")
  @PreAuthorize(REVIEW)
  ResumptionApplication startReview(@PathVariable UUID id) {
    return steps.startReview(id);
  }

  @Operation(summary = "MATERIAL_REVIEW → SITE_INSPECTION")
  @PostMapping("/{id}/request-inspection")
  @PreAuthorize(REVIEW)
  ResumptionApplication requestInspection(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return steps.requestInspection(id, body == null ? null : body.note());
  }

  @Operation(summary = "SITE_INSPECTION → APPROVED; 409 listing what is missing (missing[])")
  @PostMapping("/{id}/approve")
  @PreAuthorize(DECIDE)
  ResumptionApplication approve(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return steps.approve(id, body == null ? null : body.note());
  }

  @Operation(summary = "MATERIAL_REVIEW or SITE_INSPECTION → REJECTED with a reason")
  @PostMapping("/{id}/reject")
  @PreAuthorize("hasAnyAuthority('RESUMPTION_REVIEW', 'RESUMPTION_DECIDE')")
  ResumptionApplication reject(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return steps.reject(id, body == null ? null : body.reason());
  }

  @Operation(summary = "APPROVED → SUSPENDED with a reason")
  @PostMapping("/{id}/suspend")
  @PreAuthorize(DECIDE)
  ResumptionApplication suspend(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return steps.suspend(id, body == null ? null : body.reason());
  }

  @Operation(summary = "SUSPENDED → SITE_INSPECTION (re-inspection)")
  @PostMapping("/{id}/resume")
  @PreAuthorize(DECIDE)
  ResumptionApplication resume(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return steps.resume(id, body == null ? null : body.note());
  }

  @Operation(summary = "REJECTED → DRAFT (to correct and submit again)")
  @PostMapping("/{id}/reopen")
  @PreAuthorize(APPLY)
  ResumptionApplication reopen(@PathVariable UUID id) {
    return steps.reopen(id);
  }

  @Operation(
      summary = "Records a checklist item: self-check in DRAFT (RESUMPTION_APPLY), on site in SITE_INSPECTION (RESUMPTION_INSPECT); raiseProblem: a failed blocking item becomes a supervision problem")
  @PutMapping("/{id}/checklist/{itemCode}")
  @PreAuthorize("hasAnyAuthority('RESUMPTION_APPLY', 'RESUMPTION_INSPECT')")
  ItemResult record(@PathVariable UUID id, @PathVariable String itemCode, @RequestBody Result body) {
    return material.record(id, itemCode, body.outcome(), body.note(), Boolean.TRUE.equals(body.raiseProblem()));
  }

  @Operation(summary = "Adds a photo to a checklist item (JPEG, PNG or WebP by content; 400 file otherwise)")
  @PostMapping(path = "/{id}/checklist/{itemCode}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyAuthority('RESUMPTION_APPLY', 'RESUMPTION_INSPECT')")
  ItemResult.Photo photo(@PathVariable UUID id, @PathVariable String itemCode,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      applications.get(id);
      throw new org.epicommand.shared.ValidationFailure(FieldProblem.of("file", "checklist.noFile"));
    }
    return material.addPhoto(id, itemCode, file.getInputStream());
  }

  @Operation(summary = "A checklist photo's bytes")
  @GetMapping("/{id}/checklist/photos/{photoId}")
  @PreAuthorize(READ)
  ResponseEntity<Resource> photoContent(@PathVariable UUID id, @PathVariable UUID photoId) {
    return file(material.photo(id, photoId), true);
  }

  @Operation(summary = "Records signatures of the positions the template names: 400 signOffs[i].position for another")
  @PostMapping("/{id}/sign-offs")
  @PreAuthorize("hasAnyAuthority('RESUMPTION_APPLY', 'RESUMPTION_REVIEW', 'RESUMPTION_DECIDE')")
  ResumptionApplication signOff(@PathVariable UUID id, @RequestBody SignOffs body) {
    return material.signOff(id, body.signOffs());
  }

  @Operation(summary = "Adds a document of a kind: PDF, JPEG or PNG by content (415 otherwise), at most 10 MB (413)")
  @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(APPLY)
  ApplicationDocument document(@PathVariable UUID id, @RequestParam(required = false) DocumentKind kind,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      applications.get(id);
      throw new org.epicommand.shared.ValidationFailure(FieldProblem.of("file", "resumption.noFile"));
    }
    return material.addDocument(id, kind, file.getOriginalFilename(), file.getInputStream());
  }

  @Operation(summary = "A document's bytes, offered as a download")
  @GetMapping("/{id}/documents/{documentId}")
  @PreAuthorize(READ)
  ResponseEntity<Resource> documentContent(@PathVariable UUID id, @PathVariable UUID documentId) {
    return file(material.document(id, documentId), false);
  }

  static ResponseEntity<Resource> file(ApplicationMaterial.Content content, boolean inline) {
    ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noStore())
        .body(new FileSystemResource(content.file()));
  }
}
