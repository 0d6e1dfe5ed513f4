package org.epicommand.notification.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.notification.Notice;
import org.epicommand.notification.PublicLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues copies of a notice for the configured channels, in the transaction that stored it (a rolled-back task
 * assignment sends nothing), and wakes the {@link DeliveryWorker} once it commits: one webhook call per notice;
 * an e-mail to each recipient who gave an address; a text to each who gave a mobile number when the notice's
 * kind is an SMS kind (urgent alerts). An unconfigured channel only logs, as before.
 */
@Component
public class OutboundChannels {

  private static final Logger log = LoggerFactory.getLogger(OutboundChannels.class);

  private final NotificationProperties properties;
  private final DeliveryStore deliveries;
  private final RecipientContacts contacts;
  private final DeliveryWorker worker;
  private final PublicLinks links;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  OutboundChannels(NotificationProperties properties, DeliveryStore deliveries, RecipientContacts contacts,
      DeliveryWorker worker, PublicLinks links, Clock clock) {
    this.properties = properties;
    this.deliveries = deliveries;
    this.contacts = contacts;
    this.worker = worker;
    this.links = links;
    this.clock = clock;
  }

  public void deliver(Notice notice, List<String> recipients) {
    String link = links.absolute(notice.link());
    int queued = 0;
    NotificationProperties.Webhook webhook = properties.webhook();
    if (webhook.configured() && NotificationProperties.wants(webhook.kinds(), notice.kind())) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("kind", notice.kind());
      body.put("title", notice.title());
      body.put("body", notice.body());
      body.put("link", link);
      body.put("recipients", recipients.size());
      body.put("createdAt", clock.instant().toString());
      deliveries.insert(DeliveryStore.Channel.WEBHOOK, notice.kind(), webhook.url(), notice.title(),
          json.writeValueAsString(body), clock.instant());
      queued++;
    }
    boolean mail = properties.email().configured()
        && NotificationProperties.wants(properties.email().kinds(), notice.kind());
    boolean sms = properties.sms().configured() && properties.sms().kinds().contains(notice.kind());
    if (mail || sms) {
      for (RecipientContacts.Contact contact : contacts.of(recipients)) {
        if (mail && contact.email() != null) {
          String text = (notice.body() == null ? notice.title() : notice.title() + "\n\n" + notice.body())
              + (link == null ? "" : "\n\n" + link);
          deliveries.insert(DeliveryStore.Channel.EMAIL, notice.kind(), contact.email(), notice.title(), text,
              clock.instant());
          queued++;
        }
        if (sms && contact.phone() != null) {
          queueSms(contact.phone(), notice.kind(), Map.of("title", notice.title(), "link", link == null ? "" : link),
              notice.title() + (link == null ? "" : " " + link));
          queued++;
        }
      }
    }
    if (queued == 0) {
      log.info("Notice {} \"{}\" for {} recipient(s): inbox only", notice.kind(), notice.title(), recipients.size());
    } else {
      wakeAfterCommit();
    }
  }

  /** Queues a text to {@code phone} (the gateway's template for {@code kind}, its parameters and the full text). */
  public UUID sms(String phone, String kind, Map<String, String> params, String text) {
    UUID id = queueSms(phone, kind, params, text);
    wakeAfterCommit();
    return id;
  }

  private UUID queueSms(String phone, String kind, Map<String, String> params, String text) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("mobile", phone);
    request.put("templateCode", properties.sms().template(kind));
    request.put("params", params);
    request.put("content", text);
    return deliveries.insert(DeliveryStore.Channel.SMS, kind, phone, null, json.writeValueAsString(request),
        clock.instant());
  }

  private void wakeAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          worker.wake();
        }
      });
    } else {
      worker.wake();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(NotificationProperties.class)
  static class Settings {}
}
