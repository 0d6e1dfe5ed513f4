package org.epicommand.sentinel;

/**
 * A patient expected at a fever clinic (a screening worker's FEVER or SYMPTOMS referral): OPEN while awaited,
 * ARRIVED when the clinic registers the patient's visit, NOT_ARRIVED when the clinic closes it with a reason.
 */
public enum ReferralState {
  OPEN, ARRIVED, NOT_ARRIVED
}
