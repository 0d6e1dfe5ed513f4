package org.epicommand.treatment;

import java.time.OffsetDateTime;
import java.util.List;

/** A hospital as shown: its beds by type with live occupancy, its equipment, and the totals. */
public record Hospital(String code, String name, HospitalKind kind, String jurisdictionCode, String jurisdictionName,
    HospitalStatus status, int activationLeadHours, String address, String phone, OffsetDateTime statusChangedAt,
    List<BedLine> beds, List<EquipmentLine> equipment) {

  public int usableBeds() {
    return beds.stream().mapToInt(BedLine::usable).sum();
  }

  public int occupiedBeds() {
    return beds.stream().mapToInt(BedLine::occupied).sum();
  }

  public int percent() {
    int usable = usableBeds();
    return usable <= 0 ? 0 : (int) Math.round(100.0 * occupiedBeds() / usable);
  }

  /** The beds of a type (an empty line when the hospital has none). */
  public BedLine beds(BedType type) {
    return beds.stream().filter(b -> b.type() == type).findFirst().orElse(new BedLine(type, 0, 0, 0));
  }

  /** The equipment of a type (an empty line when the hospital reports none). */
  public EquipmentLine equipment(EquipmentType type) {
    return equipment.stream().filter(e -> e.type() == type).findFirst().orElse(new EquipmentLine(type, 0, 0));
  }
}
