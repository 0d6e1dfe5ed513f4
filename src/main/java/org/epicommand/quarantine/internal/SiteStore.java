package org.epicommand.quarantine.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.quarantine.QuarantineRoom;
import org.epicommand.quarantine.QuarantineSite;
import org.epicommand.quarantine.RoomState;
import org.epicommand.quarantine.SiteKind;
import org.epicommand.quarantine.SiteStatus;
import org.epicommand.quarantine.ZoneKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sites, zones, rooms and room stays. */
@Repository
public class SiteStore {

  /** The stay a room is occupied by now: whose household it is. */
  public record Stay(UUID id, UUID roomId, String householdKey) {}

  private final JdbcClient jdbc;

  SiteStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The id of the site holding a code, if any. */
  public Optional<UUID> idOfCode(String code) {
    return jdbc.sql("select id from quarantine_site where code = :code").param("code", code).query(UUID.class)
        .optional();
  }

  /** A site's details as its operators keep them. */
  public record SiteDetails(String name, String address, String jurisdictionCode, String path, String contactName,
      String contactPhone, String capacityNotes, Double lat, Double lon, SiteKind kind, String owner,
      int activationLeadHours) {}

  /** Where a site lies and whether it is retired. */
  public record SiteRef(UUID id, String path, boolean retired) {}

  public void insertSite(UUID id, String code, SiteDetails site, SiteStatus status) {
    details(jdbc.sql("""
        insert into quarantine_site (id, code, name, address, jurisdiction_code, jurisdiction_path, contact_name,
          contact_phone, capacity_notes, latitude, longitude, kind, owner, activation_lead_hours, status)
        values (:id, :code, :name, :address, :jurisdictionCode, :path, :contactName, :contactPhone, :capacityNotes,
          :lat, :lon, :kind, :owner, :lead, :status)"""),
        site).param("id", id).param("code", code).param("status", status.name()).update();
  }

  public void updateSite(UUID id, SiteDetails site, Instant now) {
    details(jdbc.sql("""
        update quarantine_site set name = :name, address = :address, jurisdiction_code = :jurisdictionCode,
          jurisdiction_path = :path, contact_name = :contactName, contact_phone = :contactPhone,
          capacity_notes = :capacityNotes, latitude = :lat, longitude = :lon, kind = :kind, owner = :owner,
          activation_lead_hours = :lead, updated_at = :now
        where id = :id"""), site).param("id", id).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .update();
  }

  private static JdbcClient.StatementSpec details(JdbcClient.StatementSpec statement, SiteDetails site) {
    return statement.param("name", site.name()).param("address", site.address())
        .param("jurisdictionCode", site.jurisdictionCode()).param("path", site.path())
        .param("contactName", site.contactName()).param("contactPhone", site.contactPhone())
        .param("capacityNotes", site.capacityNotes()).param("lat", site.lat()).param("lon", site.lon())
        .param("kind", site.kind().name()).param("owner", site.owner()).param("lead", site.activationLeadHours());
  }

  /** Retires a site ({@code at}) or takes it back into service ({@code null}). */
  public void retireSite(UUID id, Instant at, Instant now) {
    jdbc.sql("update quarantine_site set retired_at = :at, updated_at = :now where id = :id").param("id", id)
        .param("at", at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
  }

  /** The site, locked for a change of its details or status. */
  public Optional<SiteRef> lockSite(UUID id) {
    return jdbc.sql(
        "select id, jurisdiction_path, retired_at is not null from quarantine_site where id = :id for update")
        .param("id", id).query((rs, n) -> new SiteRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
        .optional();
  }

  /** The code of the site of this id when it lies inside the scope. */
  public Optional<String> codeOf(UUID id, org.epicommand.jurisdiction.JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select code from quarantine_site where id = :id and "
        + scope.predicate("jurisdiction_path"))).param("id", id).query(String.class).optional();
  }

  /** Whether the site is retired (false when there is no such site). */
  public boolean retired(UUID siteId) {
    return jdbc.sql("select retired_at is not null from quarantine_site where id = :id").param("id", siteId)
        .query(Boolean.class).optional().orElse(false);
  }

  public UUID zone(UUID siteId, String name, ZoneKind kind) {
    jdbc.sql("""
        insert into quarantine_zone (id, site_id, name, kind) values (:id, :site, :name, :kind)
        on conflict (site_id, name) do nothing""")
        .param("id", UUID.randomUUID()).param("site", siteId).param("name", name).param("kind", kind.name()).update();
    return jdbc.sql("select id from quarantine_zone where site_id = :site and name = :name").param("site", siteId)
        .param("name", name).query(UUID.class).single();
  }

  /** Adds rooms; numbers that exist already are left alone. Returns how many were added. */
  public int addRooms(UUID siteId, UUID zoneId, List<String> numbers) {
    int added = 0;
    for (String number : numbers) {
      added += jdbc.sql("""
          insert into quarantine_room (id, site_id, zone_id, number, state) values (:id, :site, :zone, :number, 'FREE')
          on conflict (site_id, number) do nothing""")
          .param("id", UUID.randomUUID()).param("site", siteId).param("zone", zoneId).param("number", number).update();
    }
    return added;
  }

  public List<QuarantineSite> sites(String scopePathPrefix, Instant now) {
    Map<UUID, Map<RoomState, Integer>> counts = new LinkedHashMap<>();
    jdbc.sql("select site_id, state, count(*) n from quarantine_room group by site_id, state").query((rs, n) -> {
      counts.computeIfAbsent(rs.getObject("site_id", UUID.class), k -> new EnumMap<>(RoomState.class))
          .put(RoomState.valueOf(rs.getString("state")), rs.getInt("n"));
      return null;
    }).list();
    Map<UUID, List<QuarantineSite.Zone>> zones = new LinkedHashMap<>();
    jdbc.sql("select * from quarantine_zone order by name").query((rs, n) -> {
      zones.computeIfAbsent(rs.getObject("site_id", UUID.class), k -> new ArrayList<>()).add(new QuarantineSite.Zone(
          rs.getString("id"), rs.getString("name"), ZoneKind.valueOf(rs.getString("kind"))));
      return null;
    }).list();
    return jdbc.sql("select * from quarantine_site where jurisdiction_path like :prefix order by code")
        .param("prefix", scopePathPrefix + "%").query((rs, n) -> {
          UUID id = rs.getObject("id", UUID.class);
          Map<RoomState, Integer> rooms = new EnumMap<>(RoomState.class);
          for (RoomState state : RoomState.values()) {
            rooms.put(state, counts.getOrDefault(id, Map.of()).getOrDefault(state, 0));
          }
          OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
          SiteReadiness readiness = readiness(rs);
          return new QuarantineSite(id.toString(), rs.getString("code"), rs.getString("name"),
              rs.getString("address"), rs.getString("jurisdiction_code"), rs.getString("contact_name"),
              rs.getString("contact_phone"), rs.getString("capacity_notes"),
              retired == null ? readiness.status() : SiteStatus.RETIRED, retired == null ? null : retired.toInstant(),
              zones.getOrDefault(id, List.of()), rooms, rs.getObject("latitude", Double.class),
              rs.getObject("longitude", Double.class), SiteKind.valueOf(rs.getString("kind")), rs.getString("owner"),
              rs.getInt("activation_lead_hours"), new QuarantineSite.Activation(readiness.activationStartedAt(),
                  readiness.activationStartedBy(), readiness.activationDueAt(), readiness.activatedAt(),
                  readiness.activatedBy(), readiness.activationOverdue(now)));
        }).list();
  }

  public Optional<UUID> siteId(UUID id) {
    return jdbc.sql("select id from quarantine_site where id = :id").param("id", id).query(UUID.class).optional();
  }

  /** A site's rooms with their occupants, named only where the reader's {@code reach} holds their order. */
  public List<QuarantineRoom> rooms(UUID siteId, RoomState state, OrderReach reach, int limit) {
    Map<UUID, List<QuarantineRoom.Occupant>> occupants = new LinkedHashMap<>();
    reach.bind(jdbc.sql("""
        select s.room_id, o.id order_id, o.person_name, %s as visible from quarantine_room_stay s
        join quarantine_order o on o.room_stay_id = s.id and o.state in ('ACTIVE', 'PENDING_TRANSFER')
        join quarantine_room r on r.id = s.room_id
        where s.ended_at is null and r.site_id = :site order by o.person_name""".formatted(reach.orders("o"))))
        .param("site", siteId).query((rs, n) -> {
          boolean visible = rs.getBoolean("visible");
          occupants.computeIfAbsent(rs.getObject("room_id", UUID.class), k -> new ArrayList<>())
              .add(new QuarantineRoom.Occupant(visible ? rs.getString("order_id") : null,
                  visible ? rs.getString("person_name") : null, !visible));
          return null;
        }).list();
    return jdbc.sql("""
        select r.*, z.name zone_name from quarantine_room r left join quarantine_zone z on z.id = r.zone_id
        where r.site_id = :site and (cast(:state as varchar) is null or r.state = :state)
        order by length(r.number), r.number limit :limit""")
        .param("site", siteId).param("state", state == null ? null : state.name()).param("limit", limit)
        .query((rs, n) -> new QuarantineRoom(rs.getString("id"), rs.getString("site_id"), rs.getString("zone_name"),
            rs.getString("number"), RoomState.valueOf(rs.getString("state")),
            occupants.getOrDefault(rs.getObject("id", UUID.class), List.of())))
        .list();
  }

  public Optional<QuarantineRoom> lockRoom(UUID roomId) {
    return jdbc.sql("select * from quarantine_room where id = :id for update").param("id", roomId)
        .query((rs, n) -> new QuarantineRoom(rs.getString("id"), rs.getString("site_id"), null, rs.getString("number"),
            RoomState.valueOf(rs.getString("state")), List.of())).optional();
  }

  public Optional<QuarantineRoom> room(UUID roomId) {
    return jdbc.sql("select * from quarantine_room where id = :id").param("id", roomId)
        .query((rs, n) -> new QuarantineRoom(rs.getString("id"), rs.getString("site_id"), null, rs.getString("number"),
            RoomState.valueOf(rs.getString("state")), List.of())).optional();
  }

  /**
   * Starts a stay in a room, or joins the stay of the same household. The partial unique index on
   * open stays decides under concurrency: of many callers for one free room exactly one wins.
   */
  public Optional<Stay> occupy(UUID roomId, String householdKey, Instant now) {
    UUID id = UUID.randomUUID();
    int inserted = jdbc.sql("""
        insert into quarantine_room_stay (id, room_id, household_key, started_at)
        select :id, :room, :household, :now from quarantine_room where id = :room and state in ('FREE', 'OCCUPIED')
        on conflict do nothing""")
        .param("id", id).param("room", roomId).param("household", householdKey)
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    Optional<Stay> stay = inserted == 1 ? Optional.of(new Stay(id, roomId, householdKey)) : openStay(roomId)
        .filter(existing -> existing.householdKey().equals(householdKey));
    stay.ifPresent(s -> setRoomState(roomId, RoomState.OCCUPIED, now));
    return stay;
  }

  public Optional<Stay> openStay(UUID roomId) {
    return jdbc.sql("select * from quarantine_room_stay where room_id = :room and ended_at is null")
        .param("room", roomId).query((rs, n) -> new Stay(rs.getObject("id", UUID.class),
            rs.getObject("room_id", UUID.class), rs.getString("household_key"))).optional();
  }

  /** Ends a stay when nobody of it is left; the room is then to be disinfected. */
  public void leave(UUID stayId, Instant now) {
    long remaining = jdbc.sql("""
        select count(*) from quarantine_order where room_stay_id = :stay and state in ('ACTIVE', 'PENDING_TRANSFER')""")
        .param("stay", stayId).query(Long.class).single();
    if (remaining == 0) {
      UUID roomId = jdbc.sql("update quarantine_room_stay set ended_at = :now where id = :stay returning room_id")
          .param("stay", stayId).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).query(UUID.class).single();
      setRoomState(roomId, RoomState.DISINFECTING, now);
    }
  }

  public void setRoomState(UUID roomId, RoomState state, Instant now) {
    jdbc.sql("update quarantine_room set state = :state, updated_at = :now where id = :id").param("id", roomId)
        .param("state", state.name()).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
  }

  /**
   * Room counts by the site's jurisdiction path, readiness, activation lead time and room state, for the
   * capacity standard and the capacity gap (sites in service, closed ones left out).
   */
  public record RoomCount(String sitePath, SiteStatus siteStatus, int leadHours, RoomState state, int rooms) {}

  public List<RoomCount> roomCounts() {
    return jdbc.sql("""
        select s.jurisdiction_path, s.status, s.activation_lead_hours, r.state, count(*) n from quarantine_room r
        join quarantine_site s on s.id = r.site_id where s.retired_at is null and s.status <> 'CLOSED'
        group by 1, 2, 3, 4""")
        .query((rs, n) -> new RoomCount(rs.getString(1), SiteStatus.valueOf(rs.getString(2)), rs.getInt(3),
            RoomState.valueOf(rs.getString(4)), rs.getInt(5))).list();
  }

  private static SiteReadiness readiness(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SiteReadiness(SiteStatus.valueOf(rs.getString("status")), rs.getObject("retired_at") != null,
        rs.getInt("activation_lead_hours"), instant(rs, "activation_started_at"), rs.getString("activation_started_by"),
        instant(rs, "activated_at"), rs.getString("activated_by"));
  }

  private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /** A site's readiness, locked for a move; with where the site lies. */
  public record LockedReadiness(UUID id, String code, String name, String jurisdictionCode, String path,
      SiteReadiness readiness) {}

  public Optional<LockedReadiness> lockReadiness(UUID id) {
    return jdbc.sql("select * from quarantine_site where id = :id for update").param("id", id)
        .query((rs, n) -> new LockedReadiness(id, rs.getString("code"), rs.getString("name"),
            rs.getString("jurisdiction_code"), rs.getString("jurisdiction_path"), readiness(rs))).optional();
  }

  /** The readiness of the site of this id (empty when there is no such site). */
  public Optional<SiteReadiness> readiness(UUID id) {
    return jdbc.sql("select * from quarantine_site where id = :id").param("id", id).query((rs, n) -> readiness(rs))
        .optional();
  }

  /** Stores a readiness after a move. */
  public void saveReadiness(UUID id, SiteReadiness readiness, Instant now) {
    jdbc.sql("""
        update quarantine_site set status = :status, activation_started_at = :startedAt,
          activation_started_by = :startedBy, activated_at = :activatedAt, activated_by = :activatedBy,
          activation_overdue_at = null, status_changed_at = :now, updated_at = :now where id = :id""")
        .param("id", id).param("status", readiness.status().name())
        .param("startedAt", utc(readiness.activationStartedAt())).param("startedBy", readiness.activationStartedBy())
        .param("activatedAt", utc(readiness.activatedAt())).param("activatedBy", readiness.activatedBy())
        .param("now", utc(now)).update();
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** A site whose activation has passed its lead time, marked now (once per activation). */
  public record OverdueActivation(UUID id, String code, String name, String jurisdictionCode, Instant startedAt,
      int leadHours) {}

  public List<OverdueActivation> markOverdueActivations(Instant now) {
    return jdbc.sql("""
        update quarantine_site set activation_overdue_at = :now
        where status = 'ACTIVATING' and retired_at is null and activation_overdue_at is null
          and activation_started_at + activation_lead_hours * interval '1 hour' < :now
        returning id, code, name, jurisdiction_code, activation_started_at, activation_lead_hours""")
        .param("now", utc(now)).query((rs, n) -> new OverdueActivation(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6)))
        .list();
  }

  /** Rooms of a site occupied now and in service (all but those out of service). */
  public record Occupancy(String code, String name, String jurisdictionCode, int occupied, int usable) {

    public int percent() {
      return usable <= 0 ? 0 : (int) Math.round(100.0 * occupied / usable);
    }
  }

  public Optional<Occupancy> occupancy(UUID siteId) {
    return jdbc.sql("""
        select s.code, s.name, s.jurisdiction_code, count(r.id) filter (where r.state = 'OCCUPIED'),
               count(r.id) filter (where r.state <> 'OUT_OF_SERVICE')
        from quarantine_site s left join quarantine_room r on r.site_id = s.id where s.id = :id
        group by s.code, s.name, s.jurisdiction_code""").param("id", siteId)
        .query((rs, n) -> new Occupancy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
        .optional();
  }
}
