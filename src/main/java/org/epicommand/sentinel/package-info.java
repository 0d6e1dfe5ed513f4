/**
 * Sentinels (哨点监测, sentinel.md): pharmacies of the organisation directory with their bound clerks,
 * dated drug-class sales policies, real-name purchase registrations, and the buyer → test →
 * community-verification loop kept by a set-based, idempotent job over the latest test per person
 * ({@link org.epicommand.labtest.LatestTests}, {@link org.epicommand.labtest.TubesResulted}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sentinels")
package org.epicommand.sentinel;
