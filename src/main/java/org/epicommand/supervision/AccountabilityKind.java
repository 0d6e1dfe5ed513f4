package org.epicommand.supervision;

/** Accountability measures: a talk (约谈), public naming (通报), a disciplinary measure (处分). */
public enum AccountabilityKind {
  TALK, PUBLIC_NAMING, DISCIPLINARY
}
