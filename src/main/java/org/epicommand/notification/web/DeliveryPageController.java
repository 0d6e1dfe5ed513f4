package org.epicommand.notification.web;

import java.util.UUID;
import org.epicommand.notification.NotificationContacts;
import org.epicommand.notification.OutboundMessages;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' list of outbound deliveries (every e-mail, text and webhook call with its outcome; the
 * dead-letter filter with a retry button) and the user's own contact form on the inbox page.
 */
@Controller
class DeliveryPageController {

  private final OutboundMessages outbound;
  private final NotificationContacts contacts;
  private final FormMessages forms;

  DeliveryPageController(OutboundMessages outbound, NotificationContacts contacts, FormMessages forms) {
    this.outbound = outbound;
    this.contacts = contacts;
    this.forms = forms;
  }

  @GetMapping("/notifications/deliveries")
  @PreAuthorize("hasAuthority('USER_ADMIN')")
  String deliveries(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
      Model model) {
    String filter = "DEAD".equals(state) || "PENDING".equals(state) || "SENT".equals(state) ? state : null;
    model.addAttribute("state", filter);
    model.addAttribute("deadCount", outbound.deadCount());
    FormMessages.pager(model, outbound.deliveries(filter, null, Paging.of(page, 50)));
    return "notification/deliveries";
  }

  @PostMapping("/notifications/deliveries/{id}/retry")
  @PreAuthorize("hasAuthority('USER_ADMIN')")
  String retry(@PathVariable UUID id, @RequestParam(required = false) String state, RedirectAttributes redirect) {
    try {
      outbound.retry(id);
      redirect.addFlashAttribute("notice", forms.text("notification.delivery.retried"));
    } catch (Conflict e) {
      redirect.addFlashAttribute("problem", forms.text("error." + e.code()));
    } catch (RecordNotFound e) {
      redirect.addFlashAttribute("problem", forms.text("notification.delivery.gone"));
    }
    return "redirect:/notifications/deliveries" + ("DEAD".equals(state) ? "?state=DEAD" : "");
  }

  @PostMapping("/notifications/contact")
  String contact(@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
      RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).sentence("problem", " ").errorsAs("contactErrors")
        .letConflictsThrough();
    return refusals.redirect("/notifications", () -> {
      contacts.update(email, phone);
      redirect.addFlashAttribute("notice", forms.text("notification.contact.saved"));
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem deliveryNavigation() {
      return new NavigationItem(905, "/notifications/deliveries", "nav.notifications.deliveries", "USER_ADMIN",
          NavigationGroup.SYSTEM);
    }
  }
}
