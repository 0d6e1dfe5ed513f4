package org.epicommand.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.notification.DeliveryView;
import org.epicommand.notification.NotificationContacts;
import org.epicommand.notification.OutboundMessages;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Messages that leave: {@code /api/v1/notifications/contact} is the caller's own e-mail and mobile for copies of
 * notices; {@code /api/v1/notifications/deliveries} lists every delivery with its outcome and retries dead ones
 * (administrators).
 */
@RestController
@Tag(name = "Notifications")
class DeliveryApiController {

  record ContactRequest(String email, String phone) {}

  private final NotificationContacts contacts;
  private final OutboundMessages outbound;

  DeliveryApiController(NotificationContacts contacts, OutboundMessages outbound) {
    this.contacts = contacts;
    this.outbound = outbound;
  }

  @Operation(summary = "The caller's e-mail address and mobile number for copies of notices")
  @GetMapping("/api/v1/notifications/contact")
  NotificationContacts.Contact contact() {
    return contacts.mine();
  }

  @Operation(summary = "Sets the caller's e-mail address and mobile number (blank clears)")
  @PutMapping("/api/v1/notifications/contact")
  NotificationContacts.Contact updateContact(@RequestBody ContactRequest request) {
    return contacts.update(request.email(), request.phone());
  }

  @Operation(summary = "Outbound deliveries (e-mail, SMS, webhook) with their outcome, newest first; "
      + "?state=DEAD for the dead-letter list")
  @GetMapping("/api/v1/notifications/deliveries")
  @PreAuthorize("hasAuthority('USER_ADMIN')")
  PageResult<DeliveryView> deliveries(@RequestParam(required = false) String state,
      @RequestParam(required = false) String channel, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return outbound.deliveries(state, channel, Paging.of(page, size));
  }

  @Operation(summary = "Tries a dead delivery again now (409 when it was sent)")
  @PostMapping("/api/v1/notifications/deliveries/{id}/retry")
  @PreAuthorize("hasAuthority('USER_ADMIN')")
  DeliveryView retry(@PathVariable UUID id) {
    return outbound.retry(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class DeliveryApiRules {

    @Bean
    ApiAccessRule deliveryApiRule() {
      return new ApiAccessRule("/api/v1/notifications/deliveries/**", "USER_ADMIN");
    }
  }
}
