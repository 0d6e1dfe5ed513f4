package org.epicommand.vaccination.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaccinationProperties.class)
class VaccinationConfiguration {}
