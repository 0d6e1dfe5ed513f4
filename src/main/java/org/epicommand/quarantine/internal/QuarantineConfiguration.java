package org.epicommand.quarantine.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuarantineProperties.class)
class QuarantineConfiguration {}
