/**
 * The staff application's home: every role lands on the cards of its own work (a community worker on
 * their retests, pushed names and alerts, a commander on the picture of the day), and the
 * administrator's setup page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package org.epicommand.workbench;
