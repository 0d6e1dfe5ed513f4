package org.epicommand.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One injected clock in the city's zone: every "today" in the platform comes from here. A test that
 * lets a city's day pass registers its own clock before the application starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
class TimeConfiguration {

  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock(PlatformProperties properties) {
    return Clock.system(properties.zone());
  }
}
