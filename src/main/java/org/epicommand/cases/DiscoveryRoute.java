package org.epicommand.cases;

/**
 * How a case was found (发现途径, docs/domain.md §4). Every route but {@link #UNDER_CONTROL} is "found
 * outside control" (社会面), the figure commanders watch most.
 */
public enum DiscoveryRoute {
  UNDER_CONTROL, COMMUNITY_SCREENING, MASS_TESTING, FEVER_CLINIC, KEY_GROUP_TESTING, INBOUND_TESTING,
  ASSISTANCE_REQUEST, OTHER;

  public boolean outsideControl() {
    return this != UNDER_CONTROL;
  }
}
