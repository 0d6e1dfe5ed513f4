package org.epicommand.tracing.internal;

import java.util.UUID;
import org.epicommand.quarantine.NewOrder;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderSource;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineOrder;
import org.epicommand.quarantine.QuarantineOrderEnded;
import org.epicommand.quarantine.QuarantineOrderOpened;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.ContactCategory;
import org.epicommand.tracing.ContactIdentified;
import org.epicommand.tracing.ContactOutcome;
import org.epicommand.tracing.Contacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts close and secondary contacts under control: a new contact opens a quarantine order anchored
 * on the last exposure (the rule set in force on that day); the opened order makes the contact
 * UNDER_CONTROL; the ended order gives it its outcome. Quarantine knows nothing of tracing (it
 * depends on cases, and tracing on it), so the link runs from here.
 */
@Component
class ContactControl {

  private static final Logger log = LoggerFactory.getLogger(ContactControl.class);

  private final QuarantineOrders orders;
  private final Contacts contacts;

  ContactControl(QuarantineOrders orders, Contacts contacts) {
    this.orders = orders;
    this.contacts = contacts;
  }

  @ApplicationModuleListener
  void on(ContactIdentified event) {
    if (event.category() == ContactCategory.GENERAL) {
      return;
    }
    OrderReason reason = event.category() == ContactCategory.CLOSE ? OrderReason.CLOSE_CONTACT
        : OrderReason.SECONDARY_CONTACT;
    try {
      QuarantineOrder order = orders.openForPlatform(new NewOrder(UUID.fromString(event.personId()), reason,
          event.lastExposureDate(), null, OrderSource.CONTACT, event.contactId()));
      if (order.state().open()) {
        // also when the person already was under an open order (no new order, no opened event)
        contacts.underControlForPlatform(UUID.fromString(event.contactId()), UUID.fromString(order.id()));
      }
    } catch (ValidationFailure e) {
      // the rule set in force on the exposure day does not manage this reason: tracked by hand
      log.warn("no quarantine order for contact {}: {}", event.contactId(), e.problems());
    }
  }

  @ApplicationModuleListener
  void on(QuarantineOrderOpened event) {
    if (OrderSource.CONTACT.name().equals(event.source()) && event.sourceRef() != null) {
      try {
        contacts.underControlForPlatform(UUID.fromString(event.sourceRef()), UUID.fromString(event.orderId()));
      } catch (IllegalArgumentException e) {
        log.warn("order {} names a contact that is not an id: {}", event.orderId(), event.sourceRef());
      }
    }
  }

  @ApplicationModuleListener
  void on(QuarantineOrderEnded event) {
    ContactOutcome outcome = event.state() == OrderState.RELEASED ? ContactOutcome.RELEASED
        : event.state() == OrderState.BECAME_CASE ? ContactOutcome.BECAME_CASE : null;
    if (outcome != null) {
      contacts.endedForPlatform(UUID.fromString(event.personId()), outcome);
    }
  }
}
