/**
 * Epidemiological tracing (docs/domain.md §5): investigations of cases (deadlines, assignment, states,
 * trajectory, look-back window), contacts and their tracking up to control by quarantine orders,
 * venues and venue-scan co-presence, transmission chains (infector → infectee links without
 * cycles, generations), clusters and the {@code cases} line-list import; concealment an investigation finds is
 * reported ({@link org.epicommand.tracing.ConcealmentFlagged}) for the tip-off office to take on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracing")
package org.epicommand.tracing;
