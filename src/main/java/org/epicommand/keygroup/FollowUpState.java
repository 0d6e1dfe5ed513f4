package org.epicommand.keygroup;

/**
 * The follow-up of a positive environmental sample: opened by the result, the site closed (封控), disinfected
 * (终末消毒) with the exposed persons traced, then closed only after a negative re-sample of the site.
 */
public enum FollowUpState {
  OPEN, SITE_CLOSED, DISINFECTED, CLOSED
}
