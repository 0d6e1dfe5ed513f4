package org.epicommand.quarantine.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.epicommand.platform.FormMessages;
import org.epicommand.quarantine.AlertKind;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineAlerts;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.quarantine.QuarantineSite;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.quarantine.QuarantineWorkLists;
import org.epicommand.quarantine.RoomState;
import org.epicommand.quarantine.WorkItem;
import org.epicommand.quarantine.WorkList;
import org.epicommand.quarantine.internal.AlertWording;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The quarantine desk: the five work-list counts, each list, and the orders in the caller's jurisdiction;
 * the home-page cards of community workers and of site managers.
 */
@Controller
@RequestMapping("/quarantine")
@PreAuthorize("hasAuthority('QUARANTINE_READ')")
class QuarantineDeskPageController implements QuarantinePages.Page {

  private final QuarantineWorkLists workLists;
  private final QuarantineOrders orders;
  private final org.epicommand.quarantine.QuarantineOfPerson ofPerson;
  private final org.epicommand.person.PersonRegistry persons;
  private final QuarantineAlerts alerts;
  private final QuarantineSites sites;
  private final QuarantinePages pages;
  private final MessageSource messages;

  QuarantineDeskPageController(QuarantineWorkLists workLists, QuarantineOrders orders,
      org.epicommand.quarantine.QuarantineOfPerson ofPerson, org.epicommand.person.PersonRegistry persons,
      QuarantineAlerts alerts, QuarantineSites sites, QuarantinePages pages, MessageSource messages) {
    this.messages = messages;
    this.workLists = workLists;
    this.orders = orders;
    this.ofPerson = ofPerson;
    this.persons = persons;
    this.alerts = alerts;
    this.sites = sites;
    this.pages = pages;
  }

  /** The person page's quarantine section (fragment): orders with stays, tests, health checks and alerts. */
  @GetMapping("/person-section")
  String personSection(@RequestParam java.util.UUID personId, Model model) {
    model.addAttribute("lines", ofPerson.orders(personId));
    return "quarantine/person-section :: section";
  }

  @GetMapping
  String desk(@RequestParam(required = false) OrderState state, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Integer page, Model model) {
    Map<WorkList, Long> counts = workLists.counts();
    model.addAttribute("counts", counts);
    model.addAttribute("lists", WorkList.values());
    model.addAttribute("cap", (long) QuarantineWorkLists.COUNT_CAP);
    model.addAttribute("states", OrderState.values());
    model.addAttribute("state", state);
    model.addAttribute("jurisdiction", jurisdiction);
    FormMessages.pager(model, orders.list(jurisdiction, state, Paging.of(page, 20)));
    return "quarantine/desk";
  }

  /**
   * The home-page card of those who keep persons under control: open alerts and door alerts first,
   * then today's tests and releases, missed checks and persons awaiting transfer.
   */
  @GetMapping("/widget")
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  String widget(Model model) {
    Map<WorkList, Long> counts = workLists.counts();
    List<Tally> tallies = new ArrayList<>();
    tallies.add(tally(counts, WorkList.OPEN_ALERTS));
    long doors = Stream.of(AlertKind.DOOR_OPENED, AlertKind.SENSOR_SILENT)
        .mapToLong(kind -> alerts.list(null, kind, Paging.of(0, Tally.CAP)).items().size()).sum();
    tallies.add(new Tally("home.widget.quarantine.doors", Math.min(doors, Tally.CAP), doors >= Tally.CAP,
        "/quarantine/alerts/doors"));
    Stream.of(WorkList.TESTS_DUE_TODAY, WorkList.RELEASES_DUE, WorkList.MISSED_CHECKS, WorkList.AWAITING_TRANSFER)
        .forEach(list -> tallies.add(tally(counts, list)));
    card(model, "quarantine", "home.widget.quarantine", tallies);
    return "fragments/tally :: card";
  }

  /** The site manager's card: persons to check in, releases due, free rooms and rooms to disinfect. */
  @GetMapping("/sites/widget")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String siteWidget(Model model) {
    Map<WorkList, Long> counts = workLists.counts();
    List<QuarantineSite> active = sites.list(true);
    String sitesHref = active.size() == 1 ? "/quarantine/sites/" + active.get(0).id() : "/quarantine/sites";
    card(model, "sites", "home.widget.sites", List.of(
        new Tally("home.widget.sites.toCheckIn", Math.min(counts.get(WorkList.AWAITING_TRANSFER),
            QuarantineWorkLists.COUNT_CAP), counts.get(WorkList.AWAITING_TRANSFER) > QuarantineWorkLists.COUNT_CAP,
            sitesHref),
        tally(counts, WorkList.RELEASES_DUE),
        new Tally("home.widget.sites.free", rooms(active, RoomState.FREE), false, sitesHref),
        new Tally("home.widget.sites.disinfecting", rooms(active, RoomState.DISINFECTING), false, sitesHref)));
    model.addAttribute("cardHref", "/quarantine/sites");
    model.addAttribute("cardLinkKey", "home.widget.sites.open");
    return "fragments/tally :: card";
  }

  private static Tally tally(Map<WorkList, Long> counts, WorkList list) {
    long count = counts.get(list);
    return new Tally("qp.workList." + list, Math.min(count, QuarantineWorkLists.COUNT_CAP),
        count > QuarantineWorkLists.COUNT_CAP, "/quarantine/work/" + list);
  }

  private static long rooms(List<QuarantineSite> active, RoomState state) {
    return active.stream().mapToLong(site -> site.rooms().getOrDefault(state, 0)).sum();
  }

  private static void card(Model model, String id, String titleKey, List<Tally> tallies) {
    model.addAttribute("widgetId", id);
    model.addAttribute("titleKey", titleKey);
    model.addAttribute("tallies", tallies);
  }

  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Widget {

    @org.springframework.context.annotation.Bean
    HomeWidget quarantineHomeWidget() {
      return new HomeWidget(30, "/quarantine/widget", "QUARANTINE_WRITE");
    }

    @org.springframework.context.annotation.Bean
    HomeWidget sitesHomeWidget() {
      return new HomeWidget(32, "/quarantine/sites/widget", "SITE_OPERATE");
    }

    @org.springframework.context.annotation.Bean
    org.epicommand.shared.PersonSection quarantinePersonSection() {
      return new org.epicommand.shared.PersonSection(30, "/quarantine/person-section", "QUARANTINE_READ");
    }
  }

  @GetMapping("/work/{list}")
  String workList(@PathVariable WorkList list, @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("list", list);
    var items = workLists.items(list, Paging.of(page, 50)).map(item -> new WorkItem(item.orderId(),
        item.personName(), item.jurisdictionCode(), item.state(), item.date(), detail(list, item.detail()),
        item.personId()));
    FormMessages.pager(model, items);
    // phone (masked per role) and address of each person, to call or visit from the list
    model.addAttribute("people", persons.summaries(items.items().stream().map(WorkItem::personId)
        .filter(java.util.Objects::nonNull).map(java.util.UUID::fromString).toList()));
    return "quarantine/work-list";
  }

  /** A work item's detail in words: the test day or retest reason, the order's reason, the alert's kind. */
  private String detail(WorkList list, String detail) {
    if (detail == null || detail.isBlank()) {
      return "";
    }
    return switch (list) {
      case TESTS_DUE_TODAY -> detail.matches("D\\d+") ? pages.text("qp.tests.day", Integer.valueOf(detail.substring(1)))
          : pages.text("qp.tests.extra") + " · " + pages.text("qp.alertKind." + detail);
      case RELEASES_DUE, AWAITING_TRANSFER -> pages.text("qp.reason." + detail);
      case MISSED_CHECKS, OPEN_ALERTS -> {
        int space = detail.indexOf(' ');
        AlertKind kind = AlertKind.valueOf(space < 0 ? detail : detail.substring(0, space));
        yield new AlertWording(messages, LocaleContextHolder.getLocale()).describe(kind,
            space < 0 ? null : detail.substring(space + 1));
      }
    };
  }
}
