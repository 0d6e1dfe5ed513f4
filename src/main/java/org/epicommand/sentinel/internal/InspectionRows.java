package org.epicommand.sentinel.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.sentinel.Inspection;
import org.epicommand.sentinel.InspectionOutcome;
import org.epicommand.sentinel.InspectionState;
import org.epicommand.sentinel.PharmacyStatus;
import org.epicommand.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pharmacy inspections as stored, read for {@code PharmacyInspections}: found by key, loaded with their buyers. */
@Repository
public class InspectionRows {

  private final JdbcClient jdbc;

  InspectionRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The inspection of the pharmacy stored under this payload (or register) key. */
  public Optional<UUID> existing(String code, String key) {
    return jdbc.sql("select id from sentinel_inspection where pharmacy_code = ? and payload_key = ?")
        .params(code, key).query(UUID.class).optional();
  }

  public Inspection load(UUID id) {
    return load(List.of(id)).get(0);
  }

  /** These inspections in the order given, with their buyers: two reads for all of them. */
  public List<Inspection> load(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    UUID[] keys = ids.toArray(UUID[]::new);
    Map<String, List<Inspection.Buyer>> buyers = new java.util.HashMap<>();
    jdbc.sql("""
        select b.inspection_id::text, b.person_id::text, b.buyer_name, b.masked_id, b.phone, v.id::text
        from sentinel_inspection_buyer b
        left join sentinel_verification v on v.inspection_id = b.inspection_id and v.person_id = b.person_id
        where b.inspection_id = any(cast(? as uuid[])) order by b.inspection_id, b.position""").param(keys)
        .query((rs, n) -> buyers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Inspection.Buyer(
            rs.getString(2), rs.getString(3), rs.getString(4), Masking.phone(rs.getString(5)), rs.getString(6))))
        .list();
    Map<String, Inspection> byId = new java.util.HashMap<>();
    jdbc.sql("""
        select id::text, pharmacy_code, inspected_on, inspector, findings, outcome, pharmacy_status, recorded_at,
          state, withdrawn_by, withdrawn_at, withdrawal_reason, reference, corrected_by, corrected_at,
          correction_reason, original_findings
        from sentinel_inspection where id = any(cast(? as uuid[]))""").param(keys)
        .query((rs, n) -> byId.put(rs.getString(1), new Inspection(rs.getString(1), rs.getString(2),
            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
            InspectionOutcome.valueOf(rs.getString(6)),
            rs.getString(7) == null ? null : PharmacyStatus.valueOf(rs.getString(7)),
            rs.getObject(8, OffsetDateTime.class), buyers.getOrDefault(rs.getString(1), List.of()),
            InspectionState.valueOf(rs.getString(9)), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
            rs.getString(12), rs.getString(13), rs.getString(14), rs.getObject(15, OffsetDateTime.class),
            rs.getString(16), rs.getString(17)))).list();
    return ids.stream().map(id -> byId.get(id.toString())).toList();
  }
}
