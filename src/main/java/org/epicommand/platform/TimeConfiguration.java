package org.epicommand.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One injected clock in the city's zone: every "today" in the platform comes from here. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
class TimeConfiguration {

  @Bean
  Clock clock(PlatformProperties properties) {
    return Clock.system(properties.zone());
  }
}
