package org.epicommand.quarantine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.quarantine.internal.SiteReadiness;
import org.epicommand.quarantine.internal.SiteStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.Coordinates;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quarantine sites, their zones and rooms, room states and the capacity standard. */
@Service
public class QuarantineSites {

  static final String SUBJECT = "QUARANTINE_SITE";

  /** ≥ 20 rooms per 10,000 residents (docs/domain.md §6, protocol). */
  public static final int ROOMS_PER_10_000 = 20;
  private static final int MAX_ROOMS_PER_REQUEST = 2_000;

  /** Which moves a site manager may make by hand; OCCUPIED comes and goes with check-in and release. */
  private static final Map<RoomState, Set<RoomState>> MANUAL_MOVES = Map.of(
      RoomState.DISINFECTING, Set.of(RoomState.FREE, RoomState.OUT_OF_SERVICE),
      RoomState.FREE, Set.of(RoomState.OUT_OF_SERVICE),
      RoomState.OUT_OF_SERVICE, Set.of(RoomState.FREE));

  /**
   * A site as its operators give it: to create one, or to correct one (then the code is the one in the
   * path and cannot change). Contact and capacity notes are optional; kind (OTHER), owner, activation lead
   * time (24 hours) and, on creation only, the readiness to start in — STANDBY or ACTIVE (the default).
   */
  public record NewSite(String code, String name, String address, String jurisdictionCode, String contactName,
      String contactPhone, String capacityNotes, Double lat, Double lon, SiteKind kind, String owner,
      Integer activationLeadHours, SiteStatus status) {

    public NewSite(String code, String name, String address, String jurisdictionCode, String contactName,
        String contactPhone, String capacityNotes, Double lat, Double lon) {
      this(code, name, address, jurisdictionCode, contactName, contactPhone, capacityNotes, lat, lon, null, null,
          null, null);
    }

    public NewSite(String code, String name, String address, String jurisdictionCode) {
      this(code, name, address, jurisdictionCode, null, null, null, null, null);
    }

    public NewSite(String code, String name, String address, String jurisdictionCode, String contactName,
        String contactPhone, String capacityNotes) {
      this(code, name, address, jurisdictionCode, contactName, contactPhone, capacityNotes, null, null);
    }
  }

  /**
   * Rooms in a district against the standard: {@code required} = population × 20 / 10,000, rounded
   * up, where {@code population} is the district's resident population (常住人口) as the division tree
   * records it. Without a population neither {@code required} nor {@code meetsStandard} is known
   * ({@code null}: "人口未设置") — never "meets" by default.
   */
  public record DistrictCapacity(String jurisdictionCode, String name, Long population, Long required, int rooms,
      int free, int occupied, Boolean meetsStandard, int activeRooms, int standbyRooms,
      Boolean withStandbyMeetsStandard) {}

  /** Default hours a standby site may take to be activated. */
  public static final int DEFAULT_LEAD_HOURS = 24;

  private final SiteStore sites;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final SiteStaff staff;
  private final AuditTrail audit;
  private final Clock clock;
  private final DivisionBoundaries boundaries;

  QuarantineSites(SiteStore sites, Jurisdictions jurisdictions, CurrentUser currentUser, SiteStaff staff,
      AuditTrail audit, Clock clock, DivisionBoundaries boundaries) {
    this.boundaries = boundaries;
    this.sites = sites;
    this.staff = staff;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public QuarantineSite create(NewSite site) {
    List<FieldProblem> problems = new ArrayList<>();
    if (site.code() == null || !site.code().strip().matches("[A-Za-z0-9_-]{2,40}")) {
      problems.add(FieldProblem.of("code", "quarantine.site.code"));
    }
    SiteStore.SiteDetails details = details(site, problems);
    if (site.status() != null && !site.status().initial()) {
      problems.add(FieldProblem.of("status", "quarantine.site.initialStatus"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    String code = site.code().strip();
    sites.idOfCode(code).ifPresent(existing -> {
      throw Conflict.duplicate("quarantine.site.duplicate", existing.toString());
    });
    UUID id = UUID.randomUUID();
    sites.insertSite(id, code, details, site.status() == null ? SiteStatus.ACTIVE : site.status());
    sites.zone(id, "隔离区", ZoneKind.ISOLATION);
    sites.zone(id, "工作区", ZoneKind.STAFF_SERVICE);
    sites.zone(id, "缓冲区", ZoneKind.HYGIENE_PASSAGE);
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), code);
    return site(id);
  }

  /** Corrects a site inside the caller's jurisdiction (404 outside): everything but its code. */
  @Transactional
  public QuarantineSite update(UUID id, NewSite change) {
    SiteStore.SiteRef site = ownSite(id);
    List<FieldProblem> problems = new ArrayList<>();
    QuarantineSite current = site(id);
    SiteStore.SiteDetails details = details(new NewSite(change.code(), change.name(), change.address(),
        change.jurisdictionCode(), change.contactName(), change.contactPhone(), change.capacityNotes(), change.lat(),
        change.lon(), change.kind() == null ? current.kind() : change.kind(),
        change.owner() == null ? current.owner() : change.owner(),
        change.activationLeadHours() == null ? current.activationLeadHours() : change.activationLeadHours(), null),
        problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    sites.updateSite(site.id(), details, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), details.name());
    return site(id);
  }

  /**
   * Takes a site out of service: it keeps its rooms, stays and orders (those in it stay until
   * released), drops out of the pickers and refuses new check-ins, rooms and trips. 409 when retired.
   */
  @Transactional
  public QuarantineSite retire(UUID id) {
    SiteStore.SiteRef site = ownSite(id);
    if (site.retired()) {
      throw Conflict.illegalTransition("quarantine.site.alreadyRetired", SiteStatus.RETIRED);
    }
    sites.retireSite(id, clock.instant(), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "retired");
    return site(id);
  }

  /** Takes a retired site back into service; 409 when it is in service. */
  @Transactional
  public QuarantineSite reactivate(UUID id) {
    SiteStore.SiteRef site = ownSite(id);
    if (!site.retired()) {
      throw Conflict.illegalTransition("quarantine.site.alreadyActive", SiteStatus.ACTIVE);
    }
    sites.retireSite(id, null, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "back in service");
    return site(id);
  }

  /** A site to change, locked: inside the caller's jurisdiction and, for a site manager, one of theirs; else 404. */
  private SiteStore.SiteRef ownSite(UUID id) {
    return sites.lockSite(id).filter(s -> currentUser.get().scope().contains(s.path()) && staff.worksAt(s.id()))
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /**
   * 409 naming the status unless the site takes people (in service and ACTIVE): a standby, activating,
   * suspended or closed site takes no check-in and no transfer.
   */
  public void requireTakesPeople(UUID id) {
    sites.readiness(id).ifPresent(SiteReadiness::requireTakesPeople);
  }

  /** 409 when the site is retired: it takes nobody and nothing new. */
  public void requireInService(UUID id) {
    if (sites.retired(id)) {
      throw Conflict.of("quarantine.site.retired");
    }
  }

  private SiteStore.SiteDetails details(NewSite site, List<FieldProblem> problems) {
    if (site.name() == null || site.name().isBlank() || site.name().length() > 100) {
      problems.add(FieldProblem.of("name", "required"));
    }
    String address = optional(site.address(), 200, "address", problems);
    Jurisdiction home = site.jurisdictionCode() == null ? null : jurisdictions.find(site.jurisdictionCode().strip())
        .filter(j -> currentUser.get().scope().contains(j.path())).orElse(null);
    if (home == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    String contactName = optional(site.contactName(), 50, "contactName", problems);
    String phone = optional(site.contactPhone(), 30, "contactPhone", problems);
    if (phone != null && PhoneNumbers.normalize(phone) == null) {
      problems.add(FieldProblem.of("contactPhone", "quarantine.site.phone"));
    }
    String notes = optional(site.capacityNotes(), 500, "capacityNotes", problems);
    String owner = optional(site.owner(), 100, "owner", problems);
    Integer lead = site.activationLeadHours();
    if (lead != null && (lead < 0 || lead > 720)) {
      problems.add(FieldProblem.of("activationLeadHours", "quarantine.site.leadHours"));
    }
    Coordinates.check(site.lat(), site.lon(), problems);
    if (home != null) {
      boundaries.checkInside(home.code(), site.lat(), site.lon(), "lat", problems);
    }
    return home == null ? null : new SiteStore.SiteDetails(site.name() == null ? null : site.name().strip(), address,
        home.code(), home.path(), contactName, phone == null ? null : PhoneNumbers.normalize(phone), notes,
        site.lat(), site.lon(), site.kind() == null ? SiteKind.OTHER : site.kind(), owner,
        lead == null ? DEFAULT_LEAD_HOURS : lead);
  }

  private static String optional(String value, int max, String field, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > max) {
      problems.add(FieldProblem.of(field, "tooLong", max));
    }
    return value.strip();
  }

  /**
   * Every site: sites are places, not personal data, and a community sends its people to sites run
   * by the district or the city. Who is in a room stays scoped (orders).
   */
  public List<QuarantineSite> list() {
    return sites.sites("/", clock.instant());
  }

  /** The sites in service, or the retired ones ({@code active} false; null: all), for pickers and lists. */
  public List<QuarantineSite> list(Boolean active) {
    return list().stream().filter(s -> active == null || s.active() == active).toList();
  }

  /** The active sites the caller may place persons at: all of them, or a site manager's own. */
  public List<QuarantineSite> forCheckIn() {
    return list(true).stream().filter(QuarantineSite::takesPeople).filter(s -> staff.worksAt(UUID.fromString(s.id())))
        .toList();
  }

  public QuarantineSite site(UUID id) {
    return list().stream().filter(s -> s.id().equals(id.toString())).findFirst()
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** Whether a site exists (one key lookup, not the whole list with its room counts). */
  public boolean exists(UUID id) {
    return id != null && sites.siteId(id).isPresent();
  }

  private UUID requireSite(UUID id) {
    return sites.siteId(id).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /**
   * Adds rooms {@code from}…{@code to} (e.g. 101…130) in a zone of the site's isolation area; 409 at a retired
   * site, 404 at a site that is not the site manager's.
   */
  @Transactional
  public int addRooms(UUID siteId, String zone, List<String> numbers) {
    UUID site = sites.siteId(siteId).filter(staff::worksAt).orElseThrow(() -> new RecordNotFound(SUBJECT));
    requireInService(site);
    if (numbers == null || numbers.isEmpty() || numbers.size() > MAX_ROOMS_PER_REQUEST
        || numbers.stream().anyMatch(n -> n == null || !n.matches("[A-Za-z0-9-]{1,20}"))) {
      throw new ValidationFailure(FieldProblem.of("numbers", "quarantine.room.numbers", MAX_ROOMS_PER_REQUEST));
    }
    UUID zoneId = sites.zone(site, zone == null || zone.isBlank() ? "隔离区" : zone.strip(), ZoneKind.ISOLATION);
    int added = sites.addRooms(site, zoneId, numbers);
    audit.record(AuditAction.UPDATE, SUBJECT, site.toString(), added + " rooms added");
    return added;
  }

  /** A site's rooms; an occupant the caller does not work on is "辖区外人员", without name or order. */
  public List<QuarantineRoom> rooms(UUID siteId, RoomState state) {
    return sites.rooms(requireSite(siteId), state, staff.reach(), 5_000);
  }

  /** A site manager's move of a room at one of their sites (404 elsewhere): disinfected → free, out of service and
   * back. */
  @Transactional
  public QuarantineRoom setRoomState(UUID roomId, RoomState target) {
    QuarantineRoom room = sites.lockRoom(roomId).filter(r -> staff.worksAt(UUID.fromString(r.siteId())))
        .orElseThrow(() -> new RecordNotFound("QUARANTINE_ROOM"));
    if (target == null || !MANUAL_MOVES.getOrDefault(room.state(), Set.of()).contains(target)) {
      throw Conflict.illegalTransition("quarantine.room.state", room.state());
    }
    sites.setRoomState(roomId, target, clock.instant());
    return sites.room(roomId).orElseThrow();
  }

  /** Each district of the caller's city against the standard of 20 rooms per 10,000 resident population. */
  public List<DistrictCapacity> capacity() {
    JurisdictionScope scope = currentUser.get().scope();
    List<SiteStore.RoomCount> counts = sites.roomCounts();
    List<DistrictCapacity> result = new ArrayList<>();
    for (Jurisdiction district : jurisdictions.descendantsAt(scope, JurisdictionLevel.COUNTY)) {
      Map<RoomState, Integer> rooms = new EnumMap<>(RoomState.class);
      List<SiteStore.RoomCount> inside = counts.stream().filter(c -> c.sitePath().startsWith(district.path()))
          .toList();
      inside.forEach(c -> rooms.merge(c.state(), c.rooms(), Integer::sum));
      int total = rooms.values().stream().mapToInt(Integer::intValue).sum();
      int active = usable(inside, SiteStatus.ACTIVE);
      int standby = usable(inside, SiteStatus.STANDBY) + usable(inside, SiteStatus.ACTIVATING);
      Long population = district.population();
      Long required = population == null ? null : (population * ROOMS_PER_10_000 + 9_999) / 10_000;
      result.add(new DistrictCapacity(district.code(), district.name(), population, required, total,
          rooms.getOrDefault(RoomState.FREE, 0), rooms.getOrDefault(RoomState.OCCUPIED, 0),
          required == null ? null : active >= required, active, standby,
          required == null ? null : active + standby >= required));
    }
    return result;
  }

  /** Rooms not out of service at sites of a readiness. */
  private static int usable(List<SiteStore.RoomCount> counts, SiteStatus status) {
    return counts.stream().filter(c -> c.siteStatus() == status && c.state() != RoomState.OUT_OF_SERVICE)
        .mapToInt(SiteStore.RoomCount::rooms).sum();
  }

  /**
   * Rooms of the sites in service below a division (the whole city when null): {@code active} at ACTIVE sites,
   * and per standby (or activating) site its usable rooms with its activation lead time, for the capacity gap.
   */
  public record RoomReadiness(int active, List<StandbyRooms> standby) {}

  public record StandbyRooms(int rooms, int leadHours) {}

  public RoomReadiness roomReadiness(String divisionPath) {
    String prefix = divisionPath == null ? "" : divisionPath;
    List<SiteStore.RoomCount> inside = sites.roomCounts().stream().filter(c -> c.sitePath().startsWith(prefix))
        .filter(c -> c.state() != RoomState.OUT_OF_SERVICE).toList();
    List<StandbyRooms> standby = inside.stream()
        .filter(c -> c.siteStatus() == SiteStatus.STANDBY || c.siteStatus() == SiteStatus.ACTIVATING)
        .map(c -> new StandbyRooms(c.rooms(), c.leadHours())).toList();
    return new RoomReadiness(usable(inside, SiteStatus.ACTIVE), standby);
  }
}
