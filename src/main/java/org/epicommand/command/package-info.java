/**
 * The command post (指挥调度, docs/domain.md §14): organisation (leadership group, office, working groups,
 * member units), response level and its history, the duty roster, meetings and their decisions,
 * tasks for units with reminders (催办), supervision notices (督办) and escalation of the overdue,
 * and daily and zero reports (日报、零报告) with their completeness matrix and the city's
 * consolidated report. Notices go to the inbox through {@code Notifications.send}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command")
package org.epicommand.command;
