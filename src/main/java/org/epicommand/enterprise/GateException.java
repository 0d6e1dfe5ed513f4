package org.epicommand.enterprise;

/**
 * Why an organisation may open before its gate (the gate lists which count): producing key supplies
 * (重点保供), serving livelihood (民生保障), urgently needed for prevention (防控急需).
 */
public enum GateException {
  KEY_SUPPLIES, LIVELIHOOD, EPIDEMIC_URGENT
}
