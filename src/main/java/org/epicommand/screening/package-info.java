/**
 * Rolling door-to-door screening (滚动排查, 不漏一户、不落一人): rounds over a snapshot of the registry's
 * households in a scope, communities assigned to grid workers, visits on a phone with the members seen,
 * their temperature and symptoms, risk-area travel, case contact and unregistered residents (registered
 * through the person registry); every abnormal finding needs a control action within 24 h or it is
 * OVERDUE in the street's inbox. Coverage per community and the not-visited list. Gatherings (家庭聚集、
 * 群众性活动) are reported and followed up by the gathering policy in force (喜事缓办、丧事简办、宴请不办),
 * kept as data, with the rural market days. Publishes {@link org.epicommand.screening.ScreeningFindingRaised}
 * and {@link org.epicommand.screening.GatheringViolation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening")
package org.epicommand.screening;
