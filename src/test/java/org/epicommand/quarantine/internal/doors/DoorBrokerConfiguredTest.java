package org.epicommand.quarantine.internal.doors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** No broker is contacted unless one is configured: the subscriber exists only with a broker to talk to. */
class DoorBrokerConfiguredTest {

  @Configuration(proxyBeanMethods = false)
  static class Probe {

    @Bean
    @Conditional(DoorBrokerConfigured.class)
    String subscriber() {
      return "subscriber";
    }
  }

  final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

  @Test
  void nothingIsContactedByDefault() {
    runner.run(context -> assertThat(context).doesNotHaveBean("subscriber"));
    // the production properties file maps an unset EPICOMMAND_MQTT_HOST to an empty host
    runner.withPropertyValues("epicommand.quarantine.mqtt.host=", "epicommand.quarantine.mqtt.embedded=false")
        .run(context -> assertThat(context).doesNotHaveBean("subscriber"));
  }

  @Test
  void theBuiltInBrokerOrAnExternalHostIsABrokerUnlessSwitchedOff() {
    runner.withPropertyValues("epicommand.quarantine.mqtt.embedded=true")
        .run(context -> assertThat(context).hasBean("subscriber"));
    runner.withPropertyValues("epicommand.quarantine.mqtt.host=mqtt.example.test")
        .run(context -> assertThat(context).hasBean("subscriber"));
    runner.withPropertyValues("epicommand.quarantine.mqtt.host=mqtt.example.test",
        "epicommand.quarantine.mqtt.enabled=false").run(context -> assertThat(context).doesNotHaveBean("subscriber"));
  }
}
