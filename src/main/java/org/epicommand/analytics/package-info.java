/**
 * Analytics and information release (DOMAIN.md §16): dashboard read models, epidemic statistics,
 * situation reports and public bulletins. So far only the reproduction number exists: the Cori et al.
 * (2013) estimator, computed exactly as the R package EpiEstim's {@code estimate_R} does.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package org.epicommand.analytics;
