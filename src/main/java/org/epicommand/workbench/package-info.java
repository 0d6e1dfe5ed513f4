/**
 * The staff application's home: each role lands on what it needs first (a commander on the
 * command picture, a community worker on their community's list).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package org.epicommand.workbench;
