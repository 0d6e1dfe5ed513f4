package org.epicommand.tipoff.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
import org.epicommand.shared.TypedDay;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tipoff.RewardScales;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOffDesk;
import org.epicommand.tipoff.TipOffs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tip-off pages of staff: the office's inbox ({@code /tipoff}) with the entry form for the hotline,
 * letters and visits, a tip-off's record with the office's moves and — on request, audited — its
 * informant, and the community's verification list on a phone ({@code /tipoff/verification}).
 */
@Controller
@RequestMapping("/tipoff")
@PreAuthorize(TipOffApiController.READ)
class TipOffPageController {

  private final TipOffs tipOffs;
  private final TipOffDesk desk;
  private final RewardScales scales;
  private final PersonRegistry persons;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  TipOffPageController(TipOffs tipOffs, TipOffDesk desk, RewardScales scales, PersonRegistry persons,
      CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.tipOffs = tipOffs;
    this.scales = scales;
    this.desk = desk;
    this.persons = persons;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String inbox(@RequestParam(required = false) String state, @RequestParam(required = false) TipOff.Topic topic,
      @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, tipOffs.list(null, state, topic, Boolean.TRUE.equals(overdue),
        Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("state", state == null || state.isBlank() ? "OPEN" : state);
    model.addAttribute("states", List.of("OPEN", "RECEIVED", "ASSIGNED", "VERIFYING", "SUBSTANTIATED",
        "UNSUBSTANTIATED", "DUPLICATE", "REWARD_PROPOSED", "REWARD_APPROVED", "REWARD_DECLINED", "REWARD_PAID",
        "CLOSED", "ALL"));
    model.addAttribute("topic", topic);
    model.addAttribute("topics", TipOff.Topic.values());
    model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
    model.addAttribute("zone", clock.getZone());
    return "tipoff/inbox";
  }

  @GetMapping("/new")
  @PreAuthorize(TipOffApiController.MANAGE)
  String entry(Model model) {
    model.addAttribute("topics", TipOff.Topic.values());
    model.addAttribute("channels", List.of(TipOff.Channel.HOTLINE, TipOff.Channel.LETTER, TipOff.Channel.IN_PERSON));
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new TipOff.New(TipOff.Channel.HOTLINE, null, "", "", "", "", "", "", "", ""));
    }
    return "tipoff/new";
  }

  @PostMapping("/new")
  @PreAuthorize(TipOffApiController.MANAGE)
  String record(TipOff.New form, RedirectAttributes redirect) {
    TipOff[] made = new TipOff[1];
    String done = forms.flash(redirect).notice("tipoff.page.recorded").sentence("problem", " ").errorsAs("errors")
        .conflictText(forms::problem).redirect("/tipoff", () -> made[0] = tipOffs.record(form));
    if (made[0] == null) {
      redirect.addFlashAttribute("form", form);
      return "redirect:/tipoff/new";
    }
    return "redirect:/tipoff/" + made[0].id();
  }

  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean informant, Model model) {
    var user = currentUser.get();
    TipOff tip = tipOffs.get(id);
    model.addAttribute("tip", tip);
    model.addAttribute("subjectPerson", tip.subjectPersonId() == null ? null
        : persons.summary(tip.subjectPersonId()).orElse(null));
    if (informant && user.has(Permission.TIPOFF_INFORMANT)) {
      model.addAttribute("informant", tipOffs.informant(id));
    }
    model.addAttribute("canManage", user.has(Permission.TIPOFF_MANAGE));
    model.addAttribute("canSeeInformant", user.has(Permission.TIPOFF_INFORMANT));
    model.addAttribute("canVerify", user.has(Permission.TIPOFF_VERIFY));
    model.addAttribute("outcomes", TipOff.Outcome.values());
    model.addAttribute("rewardScale", scales.of(tip.topic()).orElse(null));
    model.addAttribute("concealed", TipOff.Concealed.values());
    model.addAttribute("referredTo", TipOff.ReferredTo.values());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("zone", clock.getZone());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "tipoff/detail";
  }

  @GetMapping("/verification")
  @PreAuthorize(TipOffApiController.VERIFY)
  String verification(@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page,
      Model model) {
    FormMessages.pager(model, tipOffs.list(null, "VERIFICATION", null, Boolean.TRUE.equals(overdue),
        Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
    model.addAttribute("canVerify", true);
    model.addAttribute("outcomes", TipOff.Outcome.values());
    model.addAttribute("zone", clock.getZone());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "tipoff/verification";
  }

  @PostMapping("/{id}/{move:start|verify}")
  @PreAuthorize(TipOffApiController.VERIFY)
  String verify(@PathVariable UUID id, @PathVariable String move, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String findings, @RequestParam(required = false) String back,
      RedirectAttributes redirect) {
    String target = "/tipoff/verification".equals(back) ? back : "/tipoff/" + id;
    return forms.run(redirect, target, "tipoff.page.saved", () -> {
      if ("start".equals(move)) {
        desk.start(id);
      } else {
        desk.verify(id, new TipOff.Verification(value(TipOff.Outcome.class, outcome, "outcome"), findings));
      }
    });
  }

  @PostMapping("/{id}/{move:assign|reject|propose-reward|approve-reward|decline-reward|pay|close}")
  @PreAuthorize(TipOffApiController.MANAGE)
  String triage(@PathVariable UUID id, @PathVariable String move, @RequestParam(required = false) String communityCode,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String duplicateOf,
      @RequestParam(required = false) String amount, @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/tipoff/" + id, "tipoff.page.saved", () -> {
      switch (move) {
        case "assign" -> desk.assign(id, new TipOff.Assignment(communityCode, note));
        case "reject" -> desk.reject(id, new TipOff.Refusal(value(TipOff.Rejection.class, reason, "reason"),
            uuid(duplicateOf, "duplicateOf", "tipoff.duplicateOf"), note));
        case "propose-reward" -> desk.proposeReward(id, new TipOff.Reward(amount(amount), note));
        case "approve-reward" -> desk.decideReward(id, true, note);
        case "decline-reward" -> desk.decideReward(id, false, note);
        case "pay" -> desk.pay(id, note);
        default -> desk.close(id);
      }
    });
  }

  @PostMapping("/{id}/referral")
  @PreAuthorize(TipOffApiController.MANAGE)
  String refer(@PathVariable UUID id, @RequestParam(required = false) String concealed,
      @RequestParam(required = false) String referredTo, @RequestParam(required = false) String evidence,
      @RequestParam(required = false) String legalBasis, RedirectAttributes redirect) {
    return forms.run(redirect, "/tipoff/" + id, "tipoff.page.referred", () -> desk.refer(id,
        new TipOff.NewReferral(value(TipOff.Concealed.class, concealed, "concealed"),
            value(TipOff.ReferredTo.class, referredTo, "referredTo"), evidence, legalBasis)));
  }

  /**
   * The office's person picker (fragments/person :: box): the registry's scoped search, masked per role, at most 8 —
   * the office finds the subject's person for the match without the person pages.
   */
  @GetMapping(path = "/person-picker", produces = "application/json")
  @PreAuthorize(TipOffApiController.MANAGE)
  @org.springframework.web.bind.annotation.ResponseBody
  PageResult<PersonSummary> personPicker(@RequestParam(required = false) String q) {
    return persons.picker(q);
  }

  /** Matches the subject to the person chosen in the picker (the API's {@code subject-person}). */
  @PostMapping("/{id}/subject-person")
  @PreAuthorize(TipOffApiController.MANAGE)
  String matchSubject(@PathVariable UUID id, @RequestParam(required = false) String personId,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/tipoff/" + id, "tipoff.page.subjectMatched", () -> desk.matchSubject(id,
        uuid(personId, "personId", "tipoff.subjectPerson")));
  }

  /** The home card: tip-offs waiting for verification and those past the deadline (the office: also new ones). */
  @GetMapping("/widget")
  @PreAuthorize("hasAnyAuthority('TIPOFF_MANAGE', 'TIPOFF_VERIFY')")
  String widget(Model model) {
    boolean office = currentUser.get().has(Permission.TIPOFF_MANAGE);
    String list = office ? "/tipoff" : "/tipoff/verification";
    List<Tally> tallies = new java.util.ArrayList<>();
    if (office) {
      tallies.add(Tally.of("tipoff.widget.received", tipOffs.list(null, "RECEIVED", null, false,
          Paging.of(0, Tally.CAP)), "/tipoff?state=RECEIVED"));
    }
    tallies.add(Tally.of("tipoff.widget.verifying", tipOffs.list(null, "VERIFICATION", null, false,
        Paging.of(0, Tally.CAP)), office ? "/tipoff?state=ASSIGNED" : list));
    tallies.add(Tally.of("tipoff.widget.overdue", tipOffs.list(null, "VERIFICATION", null, true,
        Paging.of(0, Tally.CAP)), list + "?overdue=true"));
    model.addAttribute("widgetId", "tipoff");
    model.addAttribute("titleKey", "tipoff.widget.title");
    model.addAttribute("cardHref", list);
    model.addAttribute("tallies", tallies);
    return "fragments/tally :: card";
  }

  /** An enum's value as chosen on the page; blank is none, anything else a field error. */
  static <E extends Enum<E>> E value(Class<E> type, String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of(field, "invalidValue"));
    }
  }

  static UUID uuid(String text, String field, String code) {
    try {
      return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of(field, code));
    }
  }

  private static BigDecimal amount(String text) {
    try {
      return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new ValidationFailure(FieldProblem.of("amount", "tipoff.amount"));
    }
  }

  static LocalDate day(String text) {
    return TypedDay.parse(text, "decidedOn", "tipoff.decidedOn");
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem tipOffNavigation() {
      return new NavigationItem(570, "/tipoff", "nav.tipoff", "TIPOFF_MANAGE", NavigationGroup.SENTINEL);
    }

    @Bean
    NavigationItem tipOffVerificationNavigation() {
      return new NavigationItem(575, "/tipoff/verification", "nav.tipoffVerification", "TIPOFF_VERIFY",
          NavigationGroup.SENTINEL);
    }

    @Bean
    HomeWidget tipOffHomeWidget() {
      return new HomeWidget(46, "/tipoff/widget", "TIPOFF_MANAGE,TIPOFF_VERIFY");
    }
  }
}
