/**
 * Medical treatment (医疗救治, "四个集中"): designated, shelter and backup hospitals as master data
 * (pages, API, the {@code hospitals} import) with their status (standby → activating → active → stood
 * down), bed counts by type, admissions, transfers, discharges and deaths — occupancy is derived from
 * the open admissions, never typed — driven by the {@code cases} module's outcome events, the placement
 * rule (severe and critical cases to designated hospitals with an ICU bed, mild ones to shelter
 * hospitals), expert teams for severe and critical cases with an alert when none is assigned in time,
 * the capacity board that sets the SEIR projection's beds against the real ones, and hospital operators
 * bound to their hospitals. Publishes {@link org.epicommand.treatment.ExpertTeamOverdue}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Treatment")
package org.epicommand.treatment;
