package org.epicommand.labtest.web;

import java.util.ArrayList;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.labtest.LabWorkload;
import org.epicommand.labtest.Tubes;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lab's upload page (tubes and results files, through the generic import: it posts to
 * {@code /imports}, whose job page shows the progress bar and the rejected rows) and a community's
 * retest list for the phone; the home cards of community workers (retests) and of lab operators.
 */
@Controller
class LabtestPageController {

  /** Communities offered in the retest list's filter at most (a text field beyond). */
  static final int MAX_COMMUNITY_CHOICES = 400;

  private final Tubes tubes;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final java.time.Clock clock;
  private final org.epicommand.person.PersonRegistry persons;
  private final LabWorkload workload;
  private final MessageSource messages;

  LabtestPageController(Tubes tubes, Jurisdictions jurisdictions, CurrentUser currentUser, java.time.Clock clock,
      org.epicommand.person.PersonRegistry persons, LabWorkload workload, MessageSource messages) {
    this.clock = clock;
    this.persons = persons;
    this.workload = workload;
    this.messages = messages;
    this.tubes = tubes;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
  }

  @GetMapping("/labtest/upload")
  @PreAuthorize("hasAnyAuthority('LAB_SAMPLE_WRITE', 'LAB_RESULT_WRITE')")
  String upload(@RequestParam(required = false) String kind, Model model) {
    UserContext user = currentUser.get();
    List<String> kinds = new ArrayList<>();
    if (user.has(Permission.LAB_RESULT_WRITE)) {
      kinds.add("results");
    }
    if (user.has(Permission.LAB_SAMPLE_WRITE)) {
      kinds.add("tubes");
    }
    model.addAttribute("kinds", kinds);
    model.addAttribute("selectedKind", kinds.contains(kind) ? kind : kinds.get(0));
    return "labtest/upload";
  }

  @GetMapping("/labtest/retests")
  @PreAuthorize("hasAuthority('TEST_READ')")
  String retests(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Integer page,
      Model model) {
    UserContext user = currentUser.get();
    List<Jurisdiction> communities = jurisdictions.descendantsAt(user.scope(), JurisdictionLevel.VILLAGE);
    model.addAttribute("communities", communities.size() > MAX_COMMUNITY_CHOICES ? null : communities);
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
    var retests = tubes.retests(jurisdiction, Paging.of(page, 30));
    FormMessages.pager(model, retests);
    // phone (masked per role) and address of each person, to call or visit for the retest
    model.addAttribute("people", persons.summaries(retests.items().stream()
        .map(org.epicommand.labtest.RetestItem::personId).toList()));
    return "labtest/retests";
  }

  /** The person page's testing section (fragment): the person's tubes and single-tube retests. */
  @GetMapping("/labtest/person-section")
  @PreAuthorize("hasAuthority('TEST_READ')")
  String personSection(@RequestParam java.util.UUID personId, Model model) {
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("view", tubes.ofPerson(personId));
    return "labtest/person-section :: section";
  }

  /** The home-page card of those who reach the persons: who awaits a single-tube retest in their area. */
  @GetMapping("/labtest/retests/widget")
  @PreAuthorize("hasAuthority('CONTACT_TRACK')")
  String retestsWidget(Model model) {
    model.addAttribute("widgetId", "labtest");
    model.addAttribute("titleKey", "home.widget.labtest");
    model.addAttribute("tallies", List.of(Tally.of("home.widget.labtest.retests",
        tubes.retests(null, Paging.of(0, Tally.CAP)), "/labtest/retests")));
    return "fragments/tally :: card";
  }

  /** The lab operator's card: tubes waiting for a result, late ones, the last day's results and turnaround. */
  @GetMapping("/labtest/lab/widget")
  @PreAuthorize("hasAuthority('LAB_RESULT_WRITE')")
  String labWidget(Model model, java.util.Locale locale) {
    LabWorkload.Workload work = workload.today(Tally.CAP);
    model.addAttribute("widgetId", "lab");
    model.addAttribute("titleKey", "home.widget.lab");
    model.addAttribute("cardHref", "/labtest/upload?kind=results");
    model.addAttribute("cardLinkKey", "home.widget.lab.upload");
    model.addAttribute("tallies", List.of(
        new Tally("home.widget.lab.awaiting", work.awaiting(), work.awaitingMore(), "/labtest/upload?kind=results"),
        new Tally("home.widget.lab.late", work.late(), work.lateMore(), "/labtest/upload?kind=results"),
        new Tally("home.widget.lab.resulted", work.resulted(), false, "/labtest/campaigns")));
    model.addAttribute("notes", List.of(work.medianMinutes() == null
        ? messages.getMessage("home.widget.lab.noTurnaround", null, locale)
        : messages.getMessage("home.widget.lab.turnaround", new Object[] {
            String.format(java.util.Locale.ROOT, "%.1f", work.medianMinutes() / 60)}, locale)));
    return "fragments/tally :: card";
  }

  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Widget {

    /** Before the quarantine card: a community worker's retests are the most urgent. */
    @org.springframework.context.annotation.Bean
    HomeWidget labtestHomeWidget() {
      return new HomeWidget(20, "/labtest/retests/widget", "CONTACT_TRACK");
    }

    @org.springframework.context.annotation.Bean
    HomeWidget labHomeWidget() {
      return new HomeWidget(21, "/labtest/lab/widget", "LAB_RESULT_WRITE");
    }

    @org.springframework.context.annotation.Bean
    org.epicommand.shared.PersonSection labtestPersonSection() {
      return new org.epicommand.shared.PersonSection(40, "/labtest/person-section", "TEST_READ");
    }
  }
}
