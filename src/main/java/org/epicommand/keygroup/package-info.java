/**
 * Key groups and environmental monitoring (重点人群、环境监测, keygroup.md): occupational test schedules as
 * versioned data, rosters kept by organisation, each member's due or overdue state derived set-based from
 * the platform's own results ({@link org.epicommand.labtest.LatestTests},
 * {@link org.epicommand.labtest.TubesResulted}); the single-tube rule for the tubes import (it implements
 * {@link org.epicommand.labtest.SingleTubeGroups} and marks the organisations of pooled members on
 * {@link org.epicommand.labtest.SingleTubeMembersPooled}); environmental sites, samples and the follow-up of a
 * positive.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Key groups")
package org.epicommand.keygroup;
