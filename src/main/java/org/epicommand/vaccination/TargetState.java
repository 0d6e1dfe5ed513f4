package org.epicommand.vaccination;

/**
 * A door-to-door item: to visit, an appointment made, deferred by a temporary contraindication, waiting
 * for a home visit by a mobile team, or closed (销号).
 */
public enum TargetState { OPEN, APPOINTED, DEFERRED, HOME_SERVICE, CLOSED }
