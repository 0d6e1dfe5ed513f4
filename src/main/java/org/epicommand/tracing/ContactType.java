package org.epicommand.tracing;

/** How the contact met the case: 同住, 同餐, 同室, 同车, 诊疗, 护理, 同病房, 娱乐, 其他. */
public enum ContactType {
  HOUSEHOLD, MEAL, ROOM, VEHICLE, TREATMENT, CARE, WARD, LEISURE, OTHER
}
