/**
 * Population movement (人员流动, docs/domain.md §8): risk areas with their levels, downgrade proposals and
 * approvals; returnees and inbound travellers (self-registration on a phone or by the community),
 * whose arrival rule opens a quarantine order; pushed lists (大数据推送核查) imported, deduplicated,
 * matched to the registry, routed to communities and verified within 24 hours.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Movement")
package org.epicommand.movement;
