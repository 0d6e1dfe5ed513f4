package org.epicommand.notification.internal;

import java.util.List;
import org.epicommand.notification.Notice;
import org.epicommand.notification.SmsGateway;
import org.epicommand.notification.WebhookChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Copies notices to the enabled outbound channels once the inbox rows are committed (a rolled-back
 * task assignment must not have sent a text message).
 */
@Component
public class OutboundChannels {

  private static final Logger log = LoggerFactory.getLogger(OutboundChannels.class);

  private final NotificationProperties properties;
  private final SmsGateway sms;
  private final WebhookChannel webhook;

  OutboundChannels(NotificationProperties properties, SmsGateway sms, WebhookChannel webhook) {
    this.properties = properties;
    this.sms = sms;
    this.webhook = webhook;
  }

  public void deliver(Notice notice, List<String> recipients) {
    if (!properties.sms().enabled() && !properties.webhook().enabled()) {
      return;
    }
    Runnable delivery = () -> {
      try {
        if (properties.sms().enabled()) {
          recipients.forEach(username -> sms.send(username, notice.title()));
        }
        if (properties.webhook().enabled() && properties.webhook().url() != null) {
          webhook.post(properties.webhook().url(), notice, recipients.size());
        }
      } catch (RuntimeException e) {
        // the inbox has the notice; an outside channel failing must not fail the business action
        log.warn("Outbound delivery of a {} notice failed: {}", notice.kind(), e.toString());
      }
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          delivery.run();
        }
      });
    } else {
      delivery.run();
    }
  }

  /** The log-only defaults, replaced by any bean of the same type a deployment declares. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(NotificationProperties.class)
  static class Defaults {

    @Bean
    @ConditionalOnMissingBean
    SmsGateway loggingSmsGateway() {
      return (username, text) -> log.info("SMS (log only) to {}: {}", username, text);
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookChannel loggingWebhookChannel() {
      return (url, notice, recipients) -> log.info("Webhook (log only) to {}: {} \"{}\" for {} recipient(s)", url,
          notice.kind(), notice.title(), recipients);
    }
  }
}
