package org.epicommand.sentinel.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.person.IdType;
import org.epicommand.platform.FormMessages;
import org.epicommand.sentinel.InspectionAmendments;
import org.epicommand.sentinel.InspectionOutcome;
import org.epicommand.sentinel.NewInspection;
import org.epicommand.sentinel.Pharmacies;
import org.epicommand.sentinel.Pharmacy;
import org.epicommand.sentinel.PharmacyInspections;
import org.epicommand.sentinel.PharmacyStatus;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.TypedDay;
import org.epicommand.shared.ValidationFailure;
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
 * The pharmacies of the caller's jurisdiction ({@code /sentinel/pharmacies}) and a pharmacy's page: its licence and
 * status, its inspections, and for market regulation ({@code SENTINEL_MANAGE}) the inspection form — the buyers
 * found sold to without registration in up to {@link #BUYER_ROWS} rows, blank rows left out (a refused buyer's
 * problems are still shown on the row they were typed in), and beside each inspection still standing a way to
 * correct its findings or withdraw it, each with a reason.
 */
@Controller
@RequestMapping("/sentinel/pharmacies")
class PharmacyPageController {

  static final int BUYER_ROWS = 5;
  private static final Pattern BUYER_FIELD = Pattern.compile("buyers\\[(\\d+)\\](.*)");

  private final Pharmacies pharmacies;
  private final PharmacyInspections inspections;
  private final InspectionAmendments amendments;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  PharmacyPageController(Pharmacies pharmacies, PharmacyInspections inspections, InspectionAmendments amendments,
      CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.pharmacies = pharmacies;
    this.inspections = inspections;
    this.amendments = amendments;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize(SentinelApiController.READ)
  String list(@RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, pharmacies.list(null, Paging.of(page == null ? null : Math.max(page, 0), 30)));
    return "sentinel/pharmacies";
  }

  @GetMapping("/{code}")
  @PreAuthorize(SentinelApiController.READ)
  String pharmacy(@PathVariable String code, Model model) {
    Pharmacy pharmacy = pharmacies.get(code);
    model.addAttribute("pharmacy", pharmacy);
    model.addAttribute("inspections", inspections.list(pharmacy.creditCode()));
    model.addAttribute("canInspect", currentUser.get().has(Permission.SENTINEL_MANAGE));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("outcomes", InspectionOutcome.values());
    model.addAttribute("statuses", List.of(PharmacyStatus.RESTRICTED, PharmacyStatus.SALES_SUSPENDED));
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("rows", BUYER_ROWS);
    model.addAttribute("zone", clock.getZone());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", InspectionForm.empty(LocalDate.now(clock)));
    }
    return "sentinel/pharmacy";
  }

  @PostMapping("/{code}/inspections")
  @PreAuthorize(SentinelApiController.MANAGE)
  String inspect(@PathVariable String code, @RequestParam(required = false) String inspectedOn,
      @RequestParam(required = false) InspectionOutcome outcome, @RequestParam(required = false) String findings,
      @RequestParam(required = false) PharmacyStatus pharmacyStatus,
      @RequestParam(required = false) List<IdType> buyerIdType,
      @RequestParam(required = false) List<String> buyerIdNumber,
      @RequestParam(required = false) List<String> buyerName, @RequestParam(required = false) List<String> buyerPhone,
      RedirectAttributes redirect) {
    List<NewInspection.Buyer> buyers = new ArrayList<>();
    List<Integer> shownRows = new ArrayList<>();
    int rows = Math.min(BUYER_ROWS, size(buyerIdNumber));
    for (int i = 0; i < rows; i++) {
      String number = at(buyerIdNumber, i);
      String name = at(buyerName, i);
      String phone = at(buyerPhone, i);
      if (blank(number) && blank(name) && blank(phone)) {
        continue;
      }
      IdType type = buyerIdType != null && i < buyerIdType.size() ? buyerIdType.get(i) : null;
      buyers.add(new NewInspection.Buyer(type, number, name, phone, null));
      shownRows.add(i);
    }
    NewInspection request = new NewInspection(date(inspectedOn), findings, outcome, pharmacyStatus, buyers);
    boolean[] recorded = {false};
    String target = forms.run(redirect, "/sentinel/pharmacies/" + code, "sentinel.page.inspected", () -> {
      try {
        inspections.record(code, request);
        recorded[0] = true;
      } catch (ValidationFailure refused) {
        throw onRows(refused, shownRows);
      }
    });
    if (!recorded[0]) {
      List<InspectionForm.Row> typed = new ArrayList<>();
      for (int i = 0; i < BUYER_ROWS; i++) {
        typed.add(new InspectionForm.Row(buyerIdType != null && i < buyerIdType.size() ? buyerIdType.get(i) : null,
            at(buyerIdNumber, i), at(buyerName, i), at(buyerPhone, i)));
      }
      redirect.addFlashAttribute("form", new InspectionForm(inspectedOn, outcome, findings, pharmacyStatus, typed));
    }
    return target;
  }

  /** What the inspector typed, shown again on the page after a refusal so that nothing is typed twice. */
  record InspectionForm(String inspectedOn, InspectionOutcome outcome, String findings, PharmacyStatus pharmacyStatus,
      List<Row> buyers) {

    /** One buyer row as typed. */
    record Row(IdType idType, String idNumber, String name, String phone) {

      boolean typed() {
        return !blank(idNumber) || !blank(name) || !blank(phone);
      }
    }

    /** Whether any buyer row from {@code row} on holds something typed (the page keeps those rows open). */
    public boolean typedFrom(int row) {
      return buyers.stream().skip(row).anyMatch(Row::typed);
    }

    /** The empty form: today, compliant, {@link #BUYER_ROWS} blank rows. */
    static InspectionForm empty(LocalDate today) {
      return new InspectionForm(today.toString(), InspectionOutcome.COMPLIANT, "", null,
          java.util.Collections.nCopies(BUYER_ROWS, new Row(IdType.RESIDENT_ID, "", "", "")));
    }
  }

  @PostMapping("/{code}/inspections/{id}/withdraw")
  @PreAuthorize(SentinelApiController.MANAGE)
  String withdraw(@PathVariable String code, @PathVariable UUID id, @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return forms.flash(redirect).notice("sentinel.page.inspectionWithdrawn").sentence("problem", "；")
        .redirect("/sentinel/pharmacies/" + code, () -> amendments.withdraw(code, id, reason));
  }

  @PostMapping("/{code}/inspections/{id}/correct")
  @PreAuthorize(SentinelApiController.MANAGE)
  String correct(@PathVariable String code, @PathVariable UUID id, @RequestParam(required = false) String findings,
      @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    return forms.flash(redirect).notice("sentinel.page.inspectionCorrected").sentence("problem", "；")
        .redirect("/sentinel/pharmacies/" + code, () -> amendments.correct(code, id, findings, reason));
  }

  /**
   * The refusal with each buyer's problems on the page's row they were typed in: buyer {@code k} of the request is
   * row {@code shownRows[k]}, blank rows having been left out of the request.
   */
  static ValidationFailure onRows(ValidationFailure refused, List<Integer> shownRows) {
    return new ValidationFailure(refused.problems().stream().map(problem -> {
      Matcher buyer = BUYER_FIELD.matcher(problem.field());
      if (!buyer.matches()) {
        return problem;
      }
      int k = Integer.parseInt(buyer.group(1));
      return k < shownRows.size()
          ? new FieldProblem("buyers[" + shownRows.get(k) + "]" + buyer.group(2), problem.code(), problem.args())
          : problem;
    }).toList());
  }

  private static LocalDate date(String text) {
    return TypedDay.orNull(text);
  }

  private static int size(List<String> values) {
    return values == null ? 0 : values.size();
  }

  private static String at(List<String> values, int i) {
    return values != null && i < values.size() ? values.get(i) : null;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem sentinelPharmaciesNavigation() {
      return new NavigationItem(562, "/sentinel/pharmacies", "nav.sentinelPharmacies", "SENTINEL_READ",
          NavigationGroup.SENTINEL);
    }
  }
}
