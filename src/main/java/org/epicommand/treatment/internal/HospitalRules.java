package org.epicommand.treatment.internal;

import java.util.List;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.FieldProblem;
import org.epicommand.treatment.BedCount;
import org.epicommand.treatment.EquipmentCount;
import org.epicommand.treatment.HospitalDetails;
import org.epicommand.treatment.HospitalKind;
import org.epicommand.treatment.HospitalStatus;

/**
 * What a hospital must be, the same for the API, the pages and the import: a code of 2–40 letters,
 * digits, {@code _} or {@code -}; a name; a kind; a division that exists inside the caller's
 * jurisdiction; activation within 0–720 hours; a mobile or landline number. Bed counts are 0–100,000,
 * out of service no more than the total.
 */
public final class HospitalRules {

  public static final int DEFAULT_LEAD_HOURS = 48;
  public static final int MAX_BEDS = 100_000;
  private static final String CODE = "[A-Za-z0-9_-]{2,40}";

  private HospitalRules() {}

  /** Checked details (stripped, phone normalised) and where the hospital lies; null when there are problems. */
  public record Checked(HospitalDetails details, Jurisdiction place, HospitalStatus status, int leadHours) {}

  public static Checked check(HospitalDetails raw, Jurisdiction place, JurisdictionScope scope,
      List<FieldProblem> problems) {
    int before = problems.size();
    String code = text(raw.code());
    if (code == null || !code.matches(CODE)) {
      problems.add(FieldProblem.of("code", "treatment.hospital.code"));
    }
    String name = text(raw.name());
    if (name == null || name.length() > 100) {
      problems.add(FieldProblem.of("name", "treatment.hospital.name"));
    }
    if (raw.kind() == null) {
      problems.add(FieldProblem.of("kind", "treatment.hospital.kind"));
    }
    if (place == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    } else if (!scope.contains(place.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "treatment.hospital.outsideScope"));
    }
    Integer lead = raw.activationLeadHours();
    if (lead != null && (lead < 0 || lead > 720)) {
      problems.add(FieldProblem.of("activationLeadHours", "treatment.hospital.leadHours"));
    }
    String address = text(raw.address());
    if (address != null && address.length() > 200) {
      problems.add(FieldProblem.of("address", "treatment.hospital.address"));
    }
    String phone = text(raw.phone());
    if (phone != null) {
      phone = PhoneNumbers.normalize(phone);
      if (phone == null) {
        problems.add(FieldProblem.of("phone", "treatment.hospital.phone"));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    HospitalStatus status = raw.status() != null ? raw.status()
        : raw.kind() == HospitalKind.BACKUP ? HospitalStatus.STANDBY : HospitalStatus.ACTIVE;
    return new Checked(new HospitalDetails(code, name, raw.kind(), place.code(), status,
        lead == null ? DEFAULT_LEAD_HOURS : lead, address, phone), place, status,
        lead == null ? DEFAULT_LEAD_HOURS : lead);
  }

  /** Checks a bed count: both present, 0–{@value #MAX_BEDS}, out of service at most the total. */
  public static void check(BedCount count, List<FieldProblem> problems) {
    counts(count == null ? null : count.total(), count == null ? null : count.outOfService(), "outOfService",
        "treatment.beds", problems);
  }

  /** Checks an equipment count: both present, 0–{@value #MAX_BEDS}, in use at most on hand. */
  public static void check(EquipmentCount count, List<FieldProblem> problems) {
    counts(count == null ? null : count.total(), count == null ? null : count.inUse(), "inUse",
        "treatment.equipment", problems);
  }

  private static void counts(Integer total, Integer part, String partField, String keys, List<FieldProblem> problems) {
    int share = part == null ? 0 : part;
    if (total == null || total < 0 || total > MAX_BEDS) {
      problems.add(FieldProblem.of("total", keys + ".total", MAX_BEDS));
    }
    if (share < 0 || total != null && total >= 0 && share > total) {
      problems.add(FieldProblem.of(partField, keys + "." + partField));
    }
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
