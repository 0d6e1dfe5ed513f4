package org.epicommand.enterprise;

/** A staff member's health as the organisation last recorded it. */
public enum Health {
  NORMAL, FEVER, SYMPTOMS
}
