package org.epicommand.quarantine.internal.doors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Door sensor settings and the schedules of the silent-sensor watch and the event partitions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DoorSensorProperties.class)
@EnableScheduling
class DoorSensorConfiguration {}
