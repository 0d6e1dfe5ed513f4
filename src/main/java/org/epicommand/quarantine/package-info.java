/**
 * Quarantine (隔离管控): protocol rule sets as data, quarantine orders with their phases and test
 * days by the day-counting rule of docs/domain.md §6, sites and rooms, closed-loop transfers, health
 * checks, door sensors, alerts and release.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quarantine")
package org.epicommand.quarantine;
