package org.epicommand.tracing;

/** How a contact's control ended: released, or the contact became a case. */
public enum ContactOutcome {
  RELEASED, BECAME_CASE
}
