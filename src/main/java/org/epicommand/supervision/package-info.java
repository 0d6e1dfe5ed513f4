/**
 * Supervision (督查督导, docs/domain.md §15): inspection plans with one theme per day, teams and target
 * units; unannounced visits (四不两直) that the target unit cannot see before they start; findings
 * with photos as problem items through rectification to closing (对账销号); accountability records,
 * good practices and a scorecard per unit. Publishes past-tense events for notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.epicommand.supervision;
