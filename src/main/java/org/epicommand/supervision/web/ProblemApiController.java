package org.epicommand.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supervision.PhotoKind;
import org.epicommand.supervision.Problem;
import org.epicommand.supervision.ProblemRectification;
import org.epicommand.supervision.ProblemState;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/problems}: the problem list and the lifecycle {@code FOUND → ASSIGNED → RECTIFYING
 * → EVIDENCE_SUBMITTED → VERIFIED → CLOSED}; an illegal move is a 409 naming the current state.
 */
@RestController
@RequestMapping("/api/v1/problems")
@Tag(name = "Supervision: problems")
class ProblemApiController {

  /** The body of assign. */
  record Assignment(String unitCode, LocalDate deadline, String note) {}

  /** The body of the other moves: a note (for reject: the reason, required). */
  record Note(String note) {}

  private final ProblemRectification rectification;

  ProblemApiController(ProblemRectification rectification) {
    this.rectification = rectification;
  }

  @Operation(summary = "Problems the caller may see, newest first; overdue=true: past the deadline and unsettled")
  @GetMapping
  @PreAuthorize("hasAuthority('SUPERVISION_READ')")
  PageResult<Problem> list(@RequestParam(required = false) ProblemState state,
      @RequestParam(required = false) String unit, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) UUID visit, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return rectification.list(state, unit, overdue, visit, Paging.of(page, size));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('SUPERVISION_READ')")
  Problem get(@PathVariable UUID id) {
    return rectification.get(id);
  }

  @Operation(summary = "FOUND → ASSIGNED to the responsible unit with a deadline")
  @PostMapping("/{id}/assign")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  Problem assign(@PathVariable UUID id, @RequestBody(required = false) Assignment body) {
    Assignment a = body == null ? new Assignment(null, null, null) : body;
    return rectification.assign(id, a.unitCode(), a.deadline(), a.note());
  }

  @Operation(summary = "ASSIGNED → RECTIFYING (the responsible unit)")
  @PostMapping("/{id}/start")
  @PreAuthorize("hasAuthority('PROBLEM_RECTIFY')")
  Problem start(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return rectification.startRectifying(id, note(body));
  }

  @Operation(summary = "RECTIFYING → EVIDENCE_SUBMITTED; 409 without an evidence photo of this round")
  @PostMapping("/{id}/submit")
  @PreAuthorize("hasAuthority('PROBLEM_RECTIFY')")
  Problem submit(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return rectification.submitEvidence(id, note(body));
  }

  @Operation(summary = "EVIDENCE_SUBMITTED → VERIFIED")
  @PostMapping("/{id}/verify")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  Problem verify(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return rectification.verify(id, note(body));
  }

  @Operation(summary = "Reject the evidence (note = reason, required): back to RECTIFYING")
  @PostMapping("/{id}/reject")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  Problem reject(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return rectification.reject(id, note(body));
  }

  @Operation(summary = "VERIFIED → CLOSED (对账销号); 409 naming the state otherwise")
  @PostMapping("/{id}/close")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  Problem close(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return rectification.close(id, note(body));
  }

  @Operation(summary = "FOUND → CLOSED, fixed on the spot (立行立改); 409 without an evidence photo")
  @PostMapping("/{id}/fix-on-spot")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  Problem fixOnSpot(@PathVariable UUID id, @RequestBody(required = false) Note body) {
    return rectification.fixOnSpot(id, note(body));
  }

  @Operation(summary = "Upload a photo (multipart field file): JPEG, PNG or WebP by content, at most"
      + " epicommand.supervision.max-photo-size (413 above); kind FINDING or EVIDENCE")
  @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SUPERVISION_READ')")
  Problem.Photo upload(@PathVariable UUID id, @RequestParam(required = false) PhotoKind kind,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    return store(rectification, id, kind, file);
  }

  @Operation(summary = "A photo's bytes, for those who may see the problem")
  @GetMapping("/{id}/photos/{photoId}")
  @PreAuthorize("hasAuthority('SUPERVISION_READ')")
  ResponseEntity<Resource> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
    return photoResponse(rectification, id, photoId);
  }

  /** Size first (413), then the service: visibility, permission, state, type by content. */
  static Problem.Photo store(ProblemRectification rectification, UUID id, PhotoKind kind, MultipartFile file)
      throws IOException {
    if (file != null && file.getSize() > rectification.maxPhotoSize()) {
      throw new MaxUploadSizeExceededException(rectification.maxPhotoSize());
    }
    if (file == null || file.isEmpty()) {
      rectification.get(id);
      throw new ValidationFailure(FieldProblem.of("file", "supervision.noFile"));
    }
    return rectification.addPhoto(id, kind, file.getInputStream());
  }

  static ResponseEntity<Resource> photoResponse(ProblemRectification rectification, UUID id, UUID photoId) {
    ProblemRectification.PhotoContent content = rectification.photo(id, photoId);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + photoId + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(new FileSystemResource(content.file()));
  }

  private static String note(Note body) {
    return body == null ? null : body.note();
  }
}
