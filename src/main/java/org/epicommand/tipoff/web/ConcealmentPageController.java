package org.epicommand.tipoff.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.tipoff.ConcealmentCase;
import org.epicommand.tipoff.ConcealmentCases;
import org.epicommand.tipoff.ConcealmentState;
import org.epicommand.tipoff.ReferralEvidence;
import org.epicommand.tipoff.TipOff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * The tip-off office's concealment cases (隐瞒案件): the list by state, a case opened by hand (the person from the
 * registry's picker, or a name), and a case's record with its moves — refer, the authority's decision, close — and
 * its evidence's files.
 */
@Controller
@RequestMapping("/concealment")
@PreAuthorize(TipOffApiController.MANAGE)
class ConcealmentPageController {

  private final ConcealmentCases cases;
  private final ReferralEvidence evidence;
  private final FormMessages forms;
  private final Clock clock;

  ConcealmentPageController(ConcealmentCases cases, ReferralEvidence evidence, FormMessages forms, Clock clock) {
    this.cases = cases;
    this.evidence = evidence;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
      Model model) {
    FormMessages.pager(model, cases.list(null, state, Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("state", state == null || state.isBlank() ? "ACTIVE" : state);
    List<String> states = new java.util.ArrayList<>(List.of("ACTIVE"));
    java.util.Arrays.stream(ConcealmentState.values()).map(Enum::name).forEach(states::add);
    states.add("ALL");
    model.addAttribute("states", states);
    model.addAttribute("zone", clock.getZone());
    return "tipoff/concealment-list";
  }

  @GetMapping("/new")
  String entry(Model model) {
    model.addAttribute("concealed", TipOff.Concealed.values());
    return "tipoff/concealment-new";
  }

  /** A case the office opens itself; the form again with what was typed when refused. */
  @PostMapping("/new")
  String open(@RequestParam(required = false) String personId, @RequestParam(required = false) String subjectName,
      @RequestParam(required = false) String concealed, @RequestParam(required = false) String jurisdictionCode,
      @RequestParam(required = false) String evidence, @RequestParam(required = false) String sourceReference,
      RedirectAttributes redirect) {
    ConcealmentCase[] made = new ConcealmentCase[1];
    forms.step(redirect, "concealment.page.openedNotice").run(() -> made[0] = cases.open(new ConcealmentCase.New(
        TipOffPageController.uuid(personId, "personId", "tipoff.subjectPerson"), subjectName,
        TipOffPageController.value(TipOff.Concealed.class, concealed, "concealed"), jurisdictionCode, evidence,
        sourceReference)));
    if (made[0] == null) {
      redirect.addFlashAttribute("typed", new Typed(subjectName, concealed, jurisdictionCode, evidence,
          sourceReference));
      return "redirect:/concealment/new";
    }
    return "redirect:/concealment/" + made[0].id();
  }

  /** The new-case form as typed, shown again after a refusal (the person is chosen again). */
  record Typed(String subjectName, String concealed, String jurisdictionCode, String evidence,
      String sourceReference) {}

  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, Model model) {
    model.addAttribute("c", cases.get(id));
    model.addAttribute("referredTo", TipOff.ReferredTo.values());
    model.addAttribute("outcomes", TipOff.ReferralOutcome.values());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("zone", clock.getZone());
    return "tipoff/concealment";
  }

  @PostMapping("/{id}/referral")
  String refer(@PathVariable UUID id, @RequestParam(required = false) String referredTo,
      @RequestParam(required = false) String legalBasis, RedirectAttributes redirect) {
    return forms.run(redirect, "/concealment/" + id, "concealment.page.referredNotice", () -> cases.refer(id,
        new ConcealmentCase.Referral(TipOffPageController.value(TipOff.ReferredTo.class, referredTo, "referredTo"),
            legalBasis)));
  }

  @PostMapping("/{id}/decision")
  String decide(@PathVariable UUID id, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String decidedOn, @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/concealment/" + id, "tipoff.page.saved", () -> cases.decide(id,
        new TipOff.Decision(TipOffPageController.value(TipOff.ReferralOutcome.class, outcome, "outcome"),
            TipOffPageController.day(decidedOn), note)));
  }

  @PostMapping("/{id}/close")
  String close(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return forms.run(redirect, "/concealment/" + id, "concealment.page.closedNotice",
        () -> cases.close(id, new ConcealmentCase.Closing(note)));
  }

  @PostMapping("/{id}/files")
  String addFile(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/concealment/" + id, "tipoff.page.saved", () -> {
      try {
        evidence.addToCase(id, file == null ? null : file.getOriginalFilename(),
            file == null ? null : file.getInputStream());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @GetMapping("/{id}/files/{fileId}")
  ResponseEntity<org.springframework.core.io.Resource> file(@PathVariable UUID id, @PathVariable UUID fileId) {
    return TipOffApiController.download(evidence.fileOfCase(id, fileId));
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem concealmentNavigation() {
      return new NavigationItem(572, "/concealment", "nav.concealment", "TIPOFF_MANAGE", NavigationGroup.SENTINEL);
    }
  }
}
