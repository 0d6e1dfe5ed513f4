package org.epicommand.treatment;

/** Life-support equipment a hospital reports (呼吸机、ECMO、高流量氧疗仪、制氧机). */
public enum EquipmentType {
  VENTILATOR, ECMO, HIGH_FLOW_O2, O2_CONCENTRATOR
}
