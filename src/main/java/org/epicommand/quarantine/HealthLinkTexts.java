package org.epicommand.quarantine;

import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.notification.OutboundMessages;
import org.epicommand.notification.PublicLinks;
import org.epicommand.person.Person;
import org.epicommand.person.PersonRegistry;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.quarantine.internal.SiteBindings;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.RecordNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal health link texted to the person's own phone: a new link (the previous one stops working) at the
 * public URL, sent through the SMS gateway after commit; the delivery and its outcome are recorded.
 */
@Service
public class HealthLinkTexts {

  /** What was queued: the delivery (see the outbound list) and the number, masked. */
  public record LinkText(String deliveryId, String phone) {}

  /** The SMS kind, and so the gateway template ({@code epicommand.notification.sms.templates.HEALTH_LINK}). */
  public static final String KIND = "HEALTH_LINK";

  private final HealthChecks checks;
  private final OrderStore orders;
  private final PersonRegistry persons;
  private final OutboundMessages outbound;
  private final PublicLinks links;
  private final CurrentUser currentUser;

  HealthLinkTexts(HealthChecks checks, OrderStore orders, PersonRegistry persons, OutboundMessages outbound,
      PublicLinks links, CurrentUser currentUser) {
    this.checks = checks;
    this.orders = orders;
    this.persons = persons;
    this.outbound = outbound;
    this.links = links;
    this.currentUser = currentUser;
  }

  /** Whether links can be texted at all (an SMS gateway and a public URL are configured). */
  public boolean available() {
    return outbound.smsConfigured() && links.configured();
  }

  /**
   * Issues a new link for an open order of the caller's jurisdiction and texts it to the person.
   *
   * @throws RecordNotFound 404 outside the jurisdiction or for an ended order
   * @throws Conflict 409 without an SMS gateway ({@code notification.sms.notConfigured}), without a public URL
   *     ({@code notification.publicUrl.notConfigured}) or without a phone number ({@code quarantine.link.noPhone})
   */
  @Transactional
  public LinkText send(UUID orderId) {
    OrderStore.Row order = orders.find(orderId, SiteBindings.reachOf(currentUser.get())).filter(o -> o.state().open())
        .orElseThrow(() -> new RecordNotFound(QuarantineOrders.SUBJECT));
    if (!outbound.smsConfigured()) {
      throw Conflict.of("notification.sms.notConfigured");
    }
    if (!links.configured()) {
      throw Conflict.of("notification.publicUrl.notConfigured");
    }
    // the phone is used to reach the person, never shown: the masked one of a community worker's view is no number
    Person person = persons.recordForFiling(order.personId());
    if (person.phone() == null || person.phone().isBlank()) {
      throw Conflict.of("quarantine.link.noPhone");
    }
    String url = links.absolute("/public/h/" + checks.issueLink(orderId));
    String text = "【疫情防控】" + person.name() + "，请每天通过此链接报告体温和症状（勿转发）：" + url;
    UUID delivery = outbound.sendSms(person.phone(), KIND, Map.of("name", person.name(), "link", url), text);
    String phone = person.phone();
    String masked = phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    return new LinkText(delivery.toString(), masked);
  }
}
