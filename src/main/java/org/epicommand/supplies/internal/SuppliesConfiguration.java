package org.epicommand.supplies.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code epicommand.supplies.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SuppliesProperties.class)
class SuppliesConfiguration {}
