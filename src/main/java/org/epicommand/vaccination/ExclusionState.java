package org.epicommand.vaccination;

/** An exclusion in force, or lifted (a refusal withdrawn, a contraindication over, a person back). */
public enum ExclusionState { ACTIVE, LIFTED }
