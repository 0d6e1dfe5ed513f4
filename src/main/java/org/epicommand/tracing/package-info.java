/**
 * Epidemiological tracing (DOMAIN.md §5). So far: transmission chains (infector → infectee links
 * without cycles, generations, the connected chain of a case), clusters (≥ 5 linked cases in 14
 * days, family clusters, named clusters from line lists) and the {@code cases} line-list import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracing")
package org.epicommand.tracing;
