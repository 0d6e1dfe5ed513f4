package org.epicommand.sentinel;

/** What became of a clinic patient: 留观 on site (waiting for the result), home, admitted, transferred, referred up. */
public enum Disposition {
  OBSERVATION_ON_SITE, HOME_WAIT, ADMITTED, TRANSFERRED_TO_DESIGNATED, REFERRED_UP
}
