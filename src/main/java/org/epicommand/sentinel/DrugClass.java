package org.epicommand.sentinel;

/** The drug classes sales policies act on (sentinel.md); a product's class comes from the catalogue, never typed. */
public enum DrugClass {
  ANTIPYRETIC_ANALGESIC, COUGH_EXPECTORANT_ANTIASTHMATIC, ANTIVIRAL, ANTIMICROBIAL, TCM_EXTERIOR_RELEASING,
  TCM_HEAT_CLEARING, TCM_PHLEGM_COUGH, FEVER_PATCH
}
