package org.epicommand.treatment;

import java.util.ArrayList;
import java.util.List;

/**
 * Equipment against need in ACTIVE hospitals: the in-use share of a type at or above the alert share
 * ({@code epicommand.treatment.occupancy-alert-percent}), none of a type free, or fewer ventilators than ICU
 * beds in service (every ICU bed may need one).
 */
final class EquipmentRules {

  private EquipmentRules() {}

  /** On hand and in use by type, over the hospitals (types in their order, only those reported). */
  static List<EquipmentLine> sum(List<Hospital> hospitals) {
    List<EquipmentLine> sums = new ArrayList<>();
    for (EquipmentType type : EquipmentType.values()) {
      int total = 0;
      int inUse = 0;
      boolean reported = false;
      for (Hospital h : hospitals) {
        for (EquipmentLine line : h.equipment()) {
          if (line.type() == type) {
            reported = true;
            total += line.total();
            inUse += line.inUse();
          }
        }
      }
      if (reported) {
        sums.add(new EquipmentLine(type, total, inUse));
      }
    }
    return sums;
  }

  /** The shortages of the hospitals, hospital by hospital, types in their order. */
  static List<EquipmentShortage> shortages(List<Hospital> hospitals, int alertPercent) {
    List<EquipmentShortage> found = new ArrayList<>();
    for (Hospital h : hospitals) {
      for (EquipmentLine line : h.equipment()) {
        if (line.total() > 0 && line.free() == 0) {
          found.add(shortage(h, line, EquipmentShortage.Reason.NONE_FREE, line.total()));
        } else if (line.total() > 0 && line.percent() >= alertPercent) {
          found.add(shortage(h, line, EquipmentShortage.Reason.HIGH_USE, line.total()));
        }
      }
      int icu = h.beds(BedType.ICU).usable();
      EquipmentLine ventilators = h.equipment(EquipmentType.VENTILATOR);
      if (icu > ventilators.total()) {
        found.add(shortage(h, ventilators, EquipmentShortage.Reason.BELOW_ICU, icu));
      }
    }
    return found;
  }

  private static EquipmentShortage shortage(Hospital h, EquipmentLine line, EquipmentShortage.Reason reason,
      int needed) {
    return new EquipmentShortage(h.code(), h.name(), line.type(), reason, line.total(), line.inUse(), needed);
  }
}
