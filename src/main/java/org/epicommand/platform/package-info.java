/**
 * Platform infrastructure shared by all modules: the embedded PostgreSQL (or an external one), the
 * demo-mode defaults, the city's clock and zone, languages, and the HTTP error conventions
 * (RFC 9457 problem details).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.epicommand.platform;
