package org.epicommand.quarantine.web;

import java.util.Map;
import org.epicommand.platform.FormMessages;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.quarantine.QuarantineWorkLists;
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

  QuarantineDeskPageController(QuarantineWorkLists workLists, QuarantineOrders orders) {
    this.workLists = workLists;
    this.orders = orders;
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

  @GetMapping("/work/{list}")
  String workList(@PathVariable WorkList list, @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("list", list);
    FormMessages.pager(model, workLists.items(list, Paging.of(page, 50)));
    return "quarantine/work-list";
  }
}
