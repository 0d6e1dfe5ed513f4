package org.epicommand.quarantine.web;

import java.util.Map;
import org.epicommand.platform.FormMessages;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.quarantine.QuarantineWorkLists;
import org.epicommand.quarantine.WorkItem;
import org.epicommand.quarantine.WorkList;
import org.epicommand.shared.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The quarantine desk: the five work-list counts, each list, and the orders in the caller's jurisdiction. */
@Controller
@RequestMapping("/quarantine")
@PreAuthorize("hasAuthority('QUARANTINE_READ')")
class QuarantineDeskPageController implements QuarantinePages.Page {

  private final QuarantineWorkLists workLists;
  private final QuarantineOrders orders;
  private final org.epicommand.quarantine.QuarantineOfPerson ofPerson;
  private final org.epicommand.person.PersonRegistry persons;
  private final QuarantinePages pages;

  QuarantineDeskPageController(QuarantineWorkLists workLists, QuarantineOrders orders,
      org.epicommand.quarantine.QuarantineOfPerson ofPerson, org.epicommand.person.PersonRegistry persons,
      QuarantinePages pages) {
    this.workLists = workLists;
    this.orders = orders;
    this.ofPerson = ofPerson;
    this.persons = persons;
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

  /** The home-page card: the five work lists' counts. */
  @GetMapping("/widget")
  String widget(Model model) {
    Map<WorkList, Long> counts = workLists.counts();
    model.addAttribute("widgetId", "quarantine");
    model.addAttribute("titleKey", "home.widget.quarantine");
    model.addAttribute("tallies", java.util.Arrays.stream(WorkList.values())
        .map(list -> new org.epicommand.shared.Tally("qp.workList." + list, Math.min(counts.get(list),
            QuarantineWorkLists.COUNT_CAP), counts.get(list) > QuarantineWorkLists.COUNT_CAP, "/quarantine/work/" + list))
        .toList());
    return "fragments/tally :: card";
  }

  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Widget {

    @org.springframework.context.annotation.Bean
    org.epicommand.shared.HomeWidget quarantineHomeWidget() {
      return new org.epicommand.shared.HomeWidget(30, "/quarantine/widget", "QUARANTINE_READ");
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
        String kind = space < 0 ? detail : detail.substring(0, space);
        yield pages.text("qp.alertKind." + kind) + (space < 0 ? "" : " " + detail.substring(space + 1));
      }
    };
  }
}
