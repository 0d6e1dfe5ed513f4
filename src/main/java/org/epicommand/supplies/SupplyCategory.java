package org.epicommand.supplies;

/** What an item is: protective goods, test kits, disinfectant, medicine, oxygen, or a necessity (生活必需品). */
public enum SupplyCategory {
  MASK_N95, MASK_SURGICAL, PROTECTIVE_SUIT, ISOLATION_GOWN, FACE_SHIELD, GOGGLES, GLOVES, PCR_KIT, ANTIGEN_KIT,
  SWAB, SAMPLING_TUBE, DISINFECTANT, THERMOMETER, MEDICINE, OXYGEN, NECESSITY, OTHER
}
