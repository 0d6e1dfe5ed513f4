/**
 * Tip-offs (有奖举报, docs/capabilities/tipoff.md): the public form and the hotline's entries, triaged by
 * the tip-off office, verified by the community of the place, rewarded when substantiated, and a
 * substantiated concealment (隐瞒病情、行程) referred with its evidence. Only the office sees who
 * informed. Publishes {@link org.epicommand.tipoff.TipOffSubstantiated},
 * {@link org.epicommand.tipoff.TipOffSubjectMatched}, {@link org.epicommand.tipoff.TipOffTurnedDown} and
 * {@link org.epicommand.tipoff.ConcealmentReferred}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tip-offs")
package org.epicommand.tipoff;
