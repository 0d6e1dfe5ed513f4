package org.epicommand.supervision.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supervision.Accountability;
import org.epicommand.supervision.AccountabilityKind;
import org.epicommand.supervision.NewAccountabilityRecord;
import org.epicommand.supervision.Problem;
import org.epicommand.supervision.ProblemRectification;
import org.epicommand.supervision.ProblemState;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Problem pages: the list (for a unit: "my problems"), the detail with the moves the caller may
 * make in the current state, photo upload (evidence on a phone), photos served to those who may
 * see the problem, and accountability for the inspection side.
 */
@Controller
@RequestMapping("/supervision/problems")
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class ProblemPageController implements CityZonePage {

  private final ProblemRectification rectification;
  private final Accountability accountability;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final java.time.Clock clock;

  ProblemPageController(ProblemRectification rectification, Accountability accountability, CurrentUser currentUser,
      FormMessages forms, java.time.Clock clock) {
    this.rectification = rectification;
    this.accountability = accountability;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  /** The city's zone, in which pages show times. */
  @GetMapping
  String list(@RequestParam(required = false) ProblemState state, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("state", state);
    model.addAttribute("overdue", overdue);
    model.addAttribute("states", ProblemState.values());
    FormMessages.pager(model, rectification.list(state, null, overdue, null, Paging.of(page, 20)));
    return "supervision/problems";
  }

  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, Model model) {
    Problem problem = rectification.get(id);
    model.addAttribute("problem", problem);
    model.addAttribute("kinds", AccountabilityKind.values());
    if (currentUser.get().has(org.epicommand.account.Permission.INSPECTION_MANAGE)) {
      model.addAttribute("measures", accountability.list(null, id, Paging.of(0, 50)).items());
    }
    return "supervision/problem";
  }

  /** One lifecycle move by name; a refused move comes back as a message naming the state. */
  @PostMapping("/{id}/{move:assign|start|submit|verify|reject|close|fix-on-spot}")
  String move(@PathVariable UUID id, @PathVariable String move, @RequestParam(required = false) String note,
      @RequestParam(required = false) String deadline, @RequestParam(required = false) String unitCode,
      RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).sentence("failure", " ").conflictAs("failure");
    return refusals.redirect("/supervision/problems/" + id, () -> {
      switch (move) {
        case "assign" -> assign(id, unitCode, deadline, note);
        case "start" -> rectify(() -> rectification.startRectifying(id, note));
        case "submit" -> rectify(() -> rectification.submitEvidence(id, note));
        case "verify" -> inspect(() -> rectification.verify(id, note));
        case "reject" -> inspect(() -> rectification.reject(id, note));
        case "close" -> inspect(() -> rectification.close(id, note));
        default -> inspect(() -> rectification.fixOnSpot(id, note));
      }
      redirect.addFlashAttribute("saved", true);
    });
  }

  @PostMapping("/{id}/photos")
  String upload(@PathVariable UUID id, @RequestParam(required = false) String kind,
      @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
      throws IOException {
    try {
      InputStream content = upload(rectification, file);
      if (content == null) {
        throw new ValidationFailure(FieldProblem.of("file", "supervision.noFile"));
      }
      rectification.addPhoto(id, InspectionPageController.kind(kind), content);
      redirect.addFlashAttribute("saved", true);
    } catch (Conflict e) {
      redirect.addFlashAttribute("failure", forms.text("error." + e.code(), e.currentState()));
    } catch (ValidationFailure e) {
      redirect.addFlashAttribute("failure", String.join(" ", forms.of(e).values()));
    }
    return "redirect:/supervision/problems/" + id;
  }

  @GetMapping("/{id}/photos/{photoId}")
  ResponseEntity<Resource> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
    return ProblemApiController.photoResponse(rectification, id, photoId);
  }

  @PostMapping("/{id}/accountability")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  String accountability(@PathVariable UUID id, @RequestParam(required = false) AccountabilityKind kind,
      @RequestParam(required = false) String personName, @RequestParam(required = false) String personPosition,
      @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).sentence("failure", " ").letConflictsThrough();
    return refusals.redirect("/supervision/problems/" + id, () -> {
      accountability.record(new NewAccountabilityRecord(kind, id.toString(), null, personName, personPosition, reason,
          null));
      redirect.addFlashAttribute("saved", true);
    });
  }

  /** The upload's content when there is one, after the size check (a page shows the limit as a message). */
  static InputStream upload(ProblemRectification rectification, MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      return null;
    }
    if (file.getSize() > rectification.maxPhotoSize()) {
      throw new ValidationFailure(FieldProblem.of("file", "supervision.tooLarge",
          rectification.maxPhotoSize() / (1024 * 1024)));
    }
    return file.getInputStream();
  }

  private void assign(UUID id, String unitCode, String deadline, String note) {
    inspect(() -> rectification.assign(id, unitCode, InspectionPageController.date(deadline, "deadline"), note));
  }

  private void inspect(Runnable move) {
    if (!currentUser.get().has(org.epicommand.account.Permission.INSPECTION_MANAGE)) {
      throw new org.springframework.security.access.AccessDeniedException("inspection side only");
    }
    move.run();
  }

  private void rectify(Runnable move) {
    if (!currentUser.get().has(org.epicommand.account.Permission.PROBLEM_RECTIFY)) {
      throw new org.springframework.security.access.AccessDeniedException("responsible unit only");
    }
    move.run();
  }
}
