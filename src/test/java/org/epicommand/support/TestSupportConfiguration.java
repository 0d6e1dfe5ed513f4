package org.epicommand.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

  @Bean
  Api api(Environment environment) {
    return new Api(environment);
  }
}
