package org.epicommand.notification;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.notification.internal.DeliveryStore;
import org.epicommand.notification.internal.DeliveryWorker;
import org.epicommand.notification.internal.NotificationProperties;
import org.epicommand.notification.internal.OutboundChannels;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages that leave the application. Other modules text a person directly ({@link #sendSms}, e.g. the
 * personal health link); administrators read every delivery with its outcome and retry dead ones.
 */
@Service
public class OutboundMessages {

  private static final Set<String> STATES = Set.of("PENDING", "SENT", "DEAD");
  private static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "WEBHOOK");

  private final OutboundChannels channels;
  private final DeliveryStore deliveries;
  private final DeliveryWorker worker;
  private final NotificationProperties properties;
  private final PublicLinks links;
  private final AuditTrail audit;
  private final Clock clock;

  OutboundMessages(OutboundChannels channels, DeliveryStore deliveries, DeliveryWorker worker,
      NotificationProperties properties, PublicLinks links, AuditTrail audit, Clock clock) {
    this.channels = channels;
    this.deliveries = deliveries;
    this.worker = worker;
    this.properties = properties;
    this.links = links;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether an SMS gateway is configured. */
  public boolean smsConfigured() {
    return properties.sms().configured();
  }

  /**
   * Queues a text to a person's phone, sent after the caller's transaction commits; returns the delivery id.
   * {@code kind} picks the gateway's template ({@code epicommand.notification.sms.templates.<kind>}), {@code params}
   * fill it, {@code text} is the whole message for gateways without templates.
   *
   * @throws Conflict 409 ({@code notification.sms.notConfigured}) without a gateway
   * @throws ValidationFailure 400 ({@code phone}) without a usable number
   */
  @Transactional
  public UUID sendSms(String phone, String kind, Map<String, String> params, String text) {
    if (!smsConfigured()) {
      throw Conflict.of("notification.sms.notConfigured");
    }
    String mobile = phone == null ? null : phone.replaceAll("[\\s-]", "");
    if (mobile == null || !mobile.matches(NotificationContacts.PHONE)) {
      throw new ValidationFailure(FieldProblem.of("phone", "notification.contact.phone"));
    }
    return channels.sms(mobile, kind, params, text);
  }

  /** Every delivery, newest first, optionally of one state and channel (400 on an unknown one). */
  public PageResult<DeliveryView> deliveries(String state, String channel, Paging paging) {
    if (state != null && !STATES.contains(state)) {
      throw new ValidationFailure(FieldProblem.of("state", "invalidValue"));
    }
    if (channel != null && !CHANNELS.contains(channel)) {
      throw new ValidationFailure(FieldProblem.of("channel", "invalidValue"));
    }
    return paging.toResult(deliveries.page(state, channel, paging.offset(), paging.fetchSize(), clock.getZone()),
        null);
  }

  public long deadCount() {
    return deliveries.dead();
  }

  /** Tries a dead (or waiting) delivery again now; 404 when unknown, 409 when it was sent already. */
  @Transactional
  public DeliveryView retry(UUID id) {
    DeliveryView delivery = deliveries.find(id, clock.getZone()).orElseThrow(() -> new RecordNotFound("DELIVERY"));
    if (!deliveries.retry(id, clock.instant())) {
      throw Conflict.of("notification.delivery.alreadySent");
    }
    audit.record(AuditAction.UPDATE, "NOTIFICATION_DELIVERY", id.toString(),
        delivery.channel() + " delivery retried after " + delivery.attempts() + " attempt(s)");
    worker.wake();
    return deliveries.find(id, clock.getZone()).orElseThrow();
  }

  /** {@code path} under the public URL (see {@link PublicLinks}). */
  public String absolute(String path) {
    return links.absolute(path);
  }
}
