package org.epicommand.tipoff.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOffs;
import org.epicommand.tipoff.internal.PublicTipOffLimit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /public/tip-off}: the public's tip-off on a phone, no login (有奖举报), answered with a receipt
 * number; {@code /public/tip-off/status}: the status by that number, nothing personal. Both count
 * against the limit per client address (429 past it).
 */
@Controller
class PublicTipOffPageController {

  /** The form as typed, echoed back with the errors. */
  record TipOffForm(TipOff.Topic topic, String subject, String address, String jurisdictionCode, String description,
      String informantName, String informantPhone, String informantDocument, String informantPaymentAccount) {}

  private final TipOffs tipOffs;
  private final PublicTipOffLimit limit;
  private final FormMessages forms;

  PublicTipOffPageController(TipOffs tipOffs, PublicTipOffLimit limit, FormMessages forms) {
    this.tipOffs = tipOffs;
    this.limit = limit;
    this.forms = forms;
  }

  @GetMapping("/public/tip-off")
  String form(Model model) {
    model.addAttribute("form", new TipOffForm(null, "", "", "", "", "", "", "", ""));
    return page(model);
  }

  @PostMapping("/public/tip-off")
  String submit(TipOffForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
    model.addAttribute("form", form);
    if (!limit.admit(request.getRemoteAddr())) {
      response.setStatus(429);
      model.addAttribute("limited", forms.text("error.tipoff.rateLimited"));
      return page(model);
    }
    try {
      model.addAttribute("done", tipOffs.submit(new TipOff.New(TipOff.Channel.PUBLIC_FORM, form.topic(),
          form.subject(), form.address(), form.jurisdictionCode(), form.description(), form.informantName(),
          form.informantPhone(), form.informantDocument(), form.informantPaymentAccount()), request.getRemoteAddr()));
    } catch (ValidationFailure e) {
      response.setStatus(400);
      model.addAttribute("errors", forms.of(e));
    }
    return page(model);
  }

  @GetMapping("/public/tip-off/status")
  String status(@RequestParam(required = false) String receipt, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    model.addAttribute("receipt", receipt == null ? "" : receipt);
    if (receipt != null && !receipt.isBlank()) {
      if (!limit.admit(request.getRemoteAddr())) {
        response.setStatus(429);
        model.addAttribute("limited", forms.text("error.tipoff.rateLimited"));
      } else {
        try {
          model.addAttribute("status", tipOffs.status(receipt));
        } catch (RecordNotFound e) {
          response.setStatus(404);
          model.addAttribute("unknown", true);
        }
      }
    }
    return "tipoff/public-status";
  }

  private String page(Model model) {
    model.addAttribute("topics", TipOff.Topic.values());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "tipoff/public";
  }
}
