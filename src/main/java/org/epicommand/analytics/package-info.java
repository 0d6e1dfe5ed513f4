/**
 * Analytics and information release (docs/domain.md §16). Read models fed by the cases and quarantine
 * events ({@code internal.CaseCounts}, {@code internal.ManagementCounts}: daily case counts by report
 * and onset day, district, classification, origin and whether found under control; persons under
 * management by district, reason and regime; each idempotent per case or order), the command
 * dashboard built on them ({@link org.epicommand.analytics.Dashboard}), and the reproduction number:
 * the Cori et al. (2013) estimator, computed exactly as the R package EpiEstim's {@code estimate_R}
 * does, on given counts or on the platform's own cases by onset date. Epidemic statistics
 * ({@link org.epicommand.analytics.EpiStatistics}: curves with a 7-day moving average, growth rate
 * by a Poisson GLM and doubling time; {@link org.epicommand.analytics.TransmissionDelays}: empirical
 * serial interval and incubation period read through the tracing and cases facades;
 * {@link org.epicommand.analytics.Projections}: an SEIR projection of cases, rooms and beds), with
 * the mathematics as pure classes in {@code internal} (GrowthRate, DelayStatistics, Seir, EpiCurves).
 * Information release: the daily
 * situation report ({@link org.epicommand.analytics.SituationReport}, page and PDF with charts drawn on the
 * server) and the public bulletin ({@link org.epicommand.analytics.Bulletins}: the standard text drafted from the
 * figures, DRAFT → APPROVED → PUBLISHED, public page and JSON without personal data).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package org.epicommand.analytics;
