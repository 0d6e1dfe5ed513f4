package org.epicommand.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

  /**
   * The application's clock: the system's in the city's zone until a test lets time pass (it puts the clock back when
   * done, see {@link MovableClock}).
   */
  @Bean
  @Primary
  MovableClock cityClock() {
    return new MovableClock(CityTime.ZONE);
  }

  @Bean
  Api api(Environment environment) {
    return new Api(environment);
  }

  /** The SMTP server, webhook receiver and SMS gateway of the tests (see {@link OutboundStandIns}). */
  @Bean(destroyMethod = "close")
  OutboundStandIns outboundStandIns() {
    return OutboundStandIns.start();
  }

  /** Every outbound channel on, pointed at the stand-ins, with short retry pauses. */
  @Bean
  DynamicPropertyRegistrar outboundTestChannels(OutboundStandIns standIns) {
    return registry -> {
      registry.add("epicommand.public-url", () -> OutboundStandIns.PUBLIC_URL);
      registry.add("epicommand.notification.email.host", () -> "127.0.0.1");
      registry.add("epicommand.notification.email.port", standIns::smtpPort);
      registry.add("epicommand.notification.email.starttls", () -> "false");
      registry.add("epicommand.notification.email.from", () -> "epicommand@example.test");
      registry.add("epicommand.notification.webhook.url", () -> standIns.url("/hook"));
      registry.add("epicommand.notification.webhook.secret", () -> OutboundStandIns.WEBHOOK_SECRET);
      registry.add("epicommand.notification.sms.endpoint", () -> standIns.url("/sms"));
      registry.add("epicommand.notification.sms.app-id", () -> "epicommand-test");
      registry.add("epicommand.notification.sms.secret", () -> OutboundStandIns.SMS_SECRET);
      registry.add("epicommand.notification.sms.templates.HEALTH_LINK", () -> "SMS_HEALTH_LINK");
      registry.add("epicommand.notification.delivery.backoff", () -> "200ms");
      registry.add("epicommand.notification.delivery.max-backoff", () -> "400ms");
      registry.add("epicommand.notification.delivery.max-attempts", () -> "3");
      registry.add("epicommand.notification.delivery.poll", () -> "300ms");
    };
  }
}
