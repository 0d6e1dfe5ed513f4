/**
 * Tip-offs (有奖举报, docs/capabilities/tipoff.md): the public form and the hotline's entries, triaged by
 * the tip-off office, verified by the community of the place, rewarded when substantiated (by the city's
 * reward scale), and concealment cases (隐瞒病情、行程) — from a substantiated tip-off, from an investigation
 * ({@link org.epicommand.tracing.ConcealmentFlagged}) or opened by the office — referred with their evidence.
 * Only the office sees who informed. Publishes {@link org.epicommand.tipoff.TipOffSubstantiated},
 * {@link org.epicommand.tipoff.TipOffSubjectMatched}, {@link org.epicommand.tipoff.TipOffTurnedDown} and
 * {@link org.epicommand.tipoff.ConcealmentReferred}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tip-offs")
package org.epicommand.tipoff;
