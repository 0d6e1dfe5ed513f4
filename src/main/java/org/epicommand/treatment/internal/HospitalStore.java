package org.epicommand.treatment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.EntityBindings;
import org.epicommand.treatment.BedLine;
import org.epicommand.treatment.BedType;
import org.epicommand.treatment.EquipmentLine;
import org.epicommand.treatment.EquipmentType;
import org.epicommand.treatment.HospitalDetails;
import org.epicommand.treatment.HospitalKind;
import org.epicommand.treatment.HospitalStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code treatment_hospital} and {@code treatment_bed}; occupancy is counted from the open
 * rows of {@code treatment_admission}. A list is limited to a jurisdiction and, for a bound operator,
 * to their hospitals.
 */
@Repository
public class HospitalStore {

  private static final String COLUMNS = "code, name, kind, jurisdiction_code, jurisdiction_path, status,"
      + " activation_lead_hours, address, phone, status_changed_at, source_import_id, source_line";

  private final JdbcClient jdbc;

  HospitalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Which hospitals a list covers: a jurisdiction, optionally only those a user is bound to, a status, a kind. */
  public record Filter(JurisdictionScope scope, String boundUser, HospitalStatus status, HospitalKind kind) {}

  public List<HospitalRow> list(Filter filter, long offset, int limit) {
    return bind(jdbc.sql("select " + COLUMNS + " from treatment_hospital where " + where(filter)
        + " order by code offset :offset limit :limit"), filter)
        .param("offset", offset).param("limit", limit).query(HospitalStore::row).list();
  }

  public long count(Filter filter) {
    return bind(jdbc.sql("select count(*) from treatment_hospital where " + where(filter)), filter)
        .query(Long.class).single();
  }

  private static String where(Filter filter) {
    StringBuilder where = new StringBuilder(filter.scope().predicate("jurisdiction_path"));
    if (filter.boundUser() != null) {
      where.append(" and ").append(HospitalBindings.TABLE.boundTo("code"));
    }
    if (filter.status() != null) {
      where.append(" and status = :status");
    }
    if (filter.kind() != null) {
      where.append(" and kind = :kind");
    }
    return where.toString();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Filter filter) {
    JdbcClient.StatementSpec bound = filter.scope().bind(statement);
    if (filter.boundUser() != null) {
      bound = bound.param(EntityBindings.USER, filter.boundUser());
    }
    if (filter.status() != null) {
      bound = bound.param("status", filter.status().name());
    }
    if (filter.kind() != null) {
      bound = bound.param("kind", filter.kind().name());
    }
    return bound;
  }

  public Optional<HospitalRow> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from treatment_hospital where code = :code").param("code", code)
        .query(HospitalStore::row).optional();
  }

  /** Locks the hospital's row: admissions to it are counted one after the other. */
  public Optional<HospitalRow> lock(String code) {
    return jdbc.sql("select " + COLUMNS + " from treatment_hospital where code = :code for update")
        .param("code", code).query(HospitalStore::row).optional();
  }

  /** Inserts a hospital; false when the code is taken. */
  public boolean insert(HospitalDetails d, String path, HospitalStatus status, int leadHours, Instant now,
      UUID importId, Integer line) {
    return jdbc.sql("insert into treatment_hospital (" + COLUMNS + ", created_at, updated_at) values (:code, :name,"
            + " :kind, :jurisdiction, :path, :status, :lead, :address, :phone, :now, :importId, :line, :now, :now)"
            + " on conflict (code) do nothing")
        .param("code", d.code()).param("name", d.name()).param("kind", d.kind().name())
        .param("jurisdiction", d.jurisdictionCode()).param("path", path).param("status", status.name())
        .param("lead", leadHours).param("address", d.address()).param("phone", d.phone()).param("now", at(now))
        .param("importId", importId).param("line", line).update() == 1;
  }

  public void update(HospitalDetails d, String path, int leadHours, Instant now) {
    jdbc.sql("update treatment_hospital set name = :name, kind = :kind, jurisdiction_code = :jurisdiction,"
            + " jurisdiction_path = :path, activation_lead_hours = :lead, address = :address, phone = :phone,"
            + " updated_at = :now where code = :code")
        .param("code", d.code()).param("name", d.name()).param("kind", d.kind().name())
        .param("jurisdiction", d.jurisdictionCode()).param("path", path).param("lead", leadHours)
        .param("address", d.address()).param("phone", d.phone()).param("now", at(now)).update();
  }

  public void stamp(String code, UUID importId, int line) {
    jdbc.sql("update treatment_hospital set source_import_id = :importId, source_line = :line where code = :code")
        .param("code", code).param("importId", importId).param("line", line).update();
  }

  public void status(String code, HospitalStatus status, Instant now) {
    jdbc.sql("update treatment_hospital set status = :status, status_changed_at = :now, updated_at = :now"
            + " where code = :code").param("code", code).param("status", status.name()).param("now", at(now)).update();
  }

  /** Sets the beds of a type; answers whether anything changed. */
  public boolean beds(String code, BedType type, int total, int outOfService, Instant now) {
    return jdbc.sql("insert into treatment_bed (hospital_code, bed_type, total, out_of_service, updated_at)"
            + " values (:code, :type, :total, :oos, :now) on conflict (hospital_code, bed_type) do update set"
            + " total = excluded.total, out_of_service = excluded.out_of_service, updated_at = excluded.updated_at"
            + " where (treatment_bed.total, treatment_bed.out_of_service) is distinct from (excluded.total,"
            + " excluded.out_of_service)")
        .param("code", code).param("type", type.name()).param("total", total).param("oos", outOfService)
        .param("now", at(now)).update() == 1;
  }

  /** The bed lines of the hospitals, with occupancy, by hospital code (types in their order). */
  public Map<String, List<BedLine>> beds(Collection<String> codes) {
    Map<String, List<BedLine>> beds = new HashMap<>();
    if (codes.isEmpty()) {
      return beds;
    }
    jdbc.sql("select b.hospital_code, b.bed_type, b.total, b.out_of_service, coalesce(o.occupied, 0)"
            + " from treatment_bed b left join (select hospital_code, bed_type, count(*) occupied"
            + " from treatment_admission where left_at is null and hospital_code in (:codes)"
            + " group by hospital_code, bed_type) o on o.hospital_code = b.hospital_code and o.bed_type = b.bed_type"
            + " where b.hospital_code in (:codes)")
        .param("codes", List.copyOf(codes))
        .query((rs, n) -> beds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new BedLine(BedType.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
        .list();
    // occupied types without a bed line (beds taken out after admissions) still show
    jdbc.sql("select hospital_code, bed_type, count(*) from treatment_admission a where left_at is null"
            + " and hospital_code in (:codes) and not exists (select 1 from treatment_bed b where"
            + " b.hospital_code = a.hospital_code and b.bed_type = a.bed_type) group by hospital_code, bed_type")
        .param("codes", List.copyOf(codes))
        .query((rs, n) -> beds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new BedLine(BedType.valueOf(rs.getString(2)), 0, 0, rs.getInt(3))))
        .list();
    beds.values().forEach(lines -> lines.sort(java.util.Comparator.comparing(BedLine::type)));
    return beds;
  }

  /** Sets the equipment of a type; answers whether anything changed. */
  public boolean equipment(String code, EquipmentType type, int total, int inUse, Instant now) {
    return jdbc.sql("insert into treatment_equipment (hospital_code, equipment_type, total, in_use, updated_at)"
            + " values (:code, :type, :total, :inUse, :now) on conflict (hospital_code, equipment_type) do update set"
            + " total = excluded.total, in_use = excluded.in_use, updated_at = excluded.updated_at"
            + " where (treatment_equipment.total, treatment_equipment.in_use) is distinct from (excluded.total,"
            + " excluded.in_use)")
        .param("code", code).param("type", type.name()).param("total", total).param("inUse", inUse)
        .param("now", at(now)).update() == 1;
  }

  /** The equipment lines of the hospitals by hospital code (types in their order). */
  public Map<String, List<EquipmentLine>> equipment(Collection<String> codes) {
    Map<String, List<EquipmentLine>> lines = new HashMap<>();
    if (codes.isEmpty()) {
      return lines;
    }
    jdbc.sql("select hospital_code, equipment_type, total, in_use from treatment_equipment"
            + " where hospital_code in (:codes) order by hospital_code, equipment_type")
        .param("codes", List.copyOf(codes))
        .query((rs, n) -> lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new EquipmentLine(EquipmentType.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4))))
        .list();
    lines.values().forEach(l -> l.sort(java.util.Comparator.comparing(EquipmentLine::type)));
    return lines;
  }

  /** Open admissions of a hospital's bed type. */
  public int occupied(String code, BedType type) {
    return jdbc.sql("select count(*) from treatment_admission where hospital_code = :code and bed_type = :type"
            + " and left_at is null").param("code", code).param("type", type.name()).query(Integer.class).single();
  }

  private static HospitalRow row(ResultSet rs, int n) throws SQLException {
    return new HospitalRow(rs.getString(1), rs.getString(2), HospitalKind.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), HospitalStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9),
        rs.getObject(10, OffsetDateTime.class), rs.getObject(11, UUID.class), (Integer) rs.getObject(12));
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
