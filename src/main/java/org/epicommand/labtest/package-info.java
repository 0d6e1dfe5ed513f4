/**
 * Nucleic-acid testing (docs/domain.md §7): sampling sites, labs, single and pooled tubes with their
 * members, results with Ct values, single-tube retests after a positive pool, mass-testing campaigns
 * and their coverage; the {@code tubes} and {@code results} imports (COPY into staging tables plus
 * set-based validation and merge). Publishes {@link org.epicommand.labtest.PositivePoolsFound} (once per stored batch),
 * {@link org.epicommand.labtest.SingleTubePositive}, {@link org.epicommand.labtest.RetestNegative} and
 * {@link org.epicommand.labtest.TubesResulted} (once per stored batch of results); keeps the latest test per
 * person ({@link org.epicommand.labtest.LatestTests}). Asks {@link org.epicommand.labtest.SingleTubeGroups} (provided
 * by key groups) which pooled members must be tested in single tubes: their rows are stored with a warning, and
 * {@link org.epicommand.labtest.SingleTubeMembersPooled} is published once per stored batch.
 * FHIR R4 lab Observations land the same way
 * ({@code POST /api/v1/fhir/Observation}, {@code POST /api/v1/fhir} for Bundles).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Nucleic-acid testing")
package org.epicommand.labtest;
