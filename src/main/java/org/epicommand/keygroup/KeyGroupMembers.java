package org.epicommand.keygroup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PersonReference;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key-group rosters: a person of the registry (picked inside the caller's jurisdiction; 404 outside) put in a
 * group at an organisation of the directory the caller reaches (an organisation's contact: their own), one open
 * membership per person and group (409 with existingId). A membership is corrected (never its person) and
 * retired, never deleted: a retired one stays readable and refuses changes (409 naming RETIRED). Reading one
 * membership and every change are audited; each change recomputes the member's state at once. A place outside the
 * directory (a quarantine site) keeps its people as members without an organisation ({@link #join}, {@link #endOn},
 * {@link #leave}).
 */
@Service
public class KeyGroupMembers {

  static final String SUBJECT = "KEY_GROUP_MEMBER";

  /** Whether a membership is open or retired (named by a refused change). */
  public enum Status { OPEN, RETIRED }

  private final JdbcClient jdbc;
  private final KeyGroups groups;
  private final MemberSchedules schedules;
  private final Organisations organisations;
  private final PersonLookup persons;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  KeyGroupMembers(JdbcClient jdbc, KeyGroups groups, MemberSchedules schedules, Organisations organisations,
      PersonLookup persons, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.groups = groups;
    this.schedules = schedules;
    this.organisations = organisations;
    this.persons = persons;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds a member: 400 naming the fields, 404 for a person or organisation outside reach, 409 duplicate. */
  @Transactional
  public Member add(String groupCode, NewMember request) {
    KeyGroup group = groups.get(groupCode);
    List<FieldProblem> problems = new ArrayList<>();
    UUID personId = uuid(request.personId());
    if (personId == null) {
      problems.add(FieldProblem.of("personId", "keygroup.person"));
    }
    Checked checked = check(request, true, problems);
    PersonReference person = persons.byIds(Set.of(personId), currentUser.get().scope()).get(personId);
    if (person == null) {
      throw new RecordNotFound("PERSON");
    }
    OrganisationSnapshot org = organisation(request.organisation());
    jdbc.sql("select id from keygroup_member where group_code = ? and person_id = ? and retired_at is null")
        .params(group.code(), personId).query(String.class).optional().ifPresent(existing -> {
          throw Conflict.duplicate("keygroup.memberDuplicate", existing);
        });
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
        insert into keygroup_member (id, group_code, person_id, person_name, organisation_id, organisation_code,
          organisation_name, jurisdiction_path, post, from_date, to_date, closed_loop, created_at, updated_at)
        values (?, ?, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).params(id, group.code(), personId, person.name(), org.id(), org.creditCode(), org.name(), org.path(),
            checked.post(), checked.from(), request.to(), Boolean.TRUE.equals(request.closedLoop()), now, now)
        .update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), group.code() + " person " + personId + " at "
        + org.creditCode());
    schedules.observe(List.of(personId));
    schedules.sync(List.of(id));
    return find(id).orElseThrow();
  }

  /**
   * A person kept by a place outside the organisation directory (a quarantine site's staff member, {@code source}
   * naming that record): the place's name and division, the post and the closed loop's days.
   */
  public record Joining(UUID personId, String personName, String placeName, String jurisdictionCode, String post,
      LocalDate from, LocalDate to, boolean closedLoop, String source) {}

  /**
   * Puts a place's person in a group as an open member, without an organisation; the person and the place are the
   * calling module's (checked there). Empty, changing nothing, when no group has that code (a city that has not
   * defined it); the open membership the person holds already otherwise (kept, its source unchanged).
   */
  @Transactional
  public java.util.Optional<Member> join(String groupCode, Joining joining) {
    if (!groups.exists(groupCode)) {
      return java.util.Optional.empty();
    }
    java.util.Optional<UUID> existing = jdbc.sql("select id from keygroup_member where group_code = ? and person_id = ?"
        + " and retired_at is null").params(groupCode, joining.personId()).query(UUID.class).optional();
    if (existing.isPresent()) {
      return find(existing.get());
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
        insert into keygroup_member (id, group_code, person_id, person_name, organisation_name, jurisdiction_path,
          post, from_date, to_date, closed_loop, source_key, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).params(id, groupCode, joining.personId(), joining.personName(), joining.placeName(),
            schedules.pathOf(joining.jurisdictionCode()), joining.post(), joining.from(), joining.to(),
            joining.closedLoop(), joining.source(), now, now).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), groupCode + " person " + joining.personId() + " at "
        + joining.source());
    schedules.observe(List.of(joining.personId()));
    schedules.sync(List.of(id));
    return find(id);
  }

  /** Retires the person's open membership in a group that {@code source} keeps (to today); nothing when none. */
  @Transactional
  public void leave(String groupCode, UUID personId, String source) {
    leave(groupCode, java.util.Collections.singletonMap(personId, (LocalDate) null), source);
  }

  /**
   * Retires the open memberships of these persons in a group that {@code source} keeps, each to the day given by
   * person — the day they left the place's last post, which may lie days back when the place catches up (a null day:
   * today) — or to their end when that came first, in one statement; each retirement is audited. Nothing for those
   * without one (so a second call writes nothing). Answers how many it retired.
   */
  @Transactional
  public int leave(String groupCode, java.util.Map<UUID, LocalDate> lastDays, String source) {
    if (lastDays.isEmpty()) {
      return 0;
    }
    LocalDate today = LocalDate.now(clock);
    List<UUID> persons = List.copyOf(lastDays.keySet());
    List<UUID> ids = jdbc.sql("update keygroup_member m set retired_at = :now,"
        + " to_date = least(coalesce(m.to_date, x.last_day), x.last_day), updated_at = :now"
        + " from unnest(cast(:persons as uuid[]), cast(:days as date[])) as x(person_id, last_day)"
        + " where m.group_code = :group and m.person_id = x.person_id and m.source_key = :source"
        + " and m.retired_at is null returning m.id").param("now", OffsetDateTime.now(clock))
        .param("persons", persons.toArray(UUID[]::new))
        .param("days", persons.stream().map(p -> lastDays.get(p) == null ? today : lastDays.get(p))
            .map(LocalDate::toString).toArray(String[]::new))
        .param("group", groupCode).param("source", source).query(UUID.class).list();
    ids.forEach(id -> audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "retired: left " + source));
    schedules.sync(ids);
    return ids.size();
  }

  /**
   * Moves the to-dates of the open memberships of these persons in a group that {@code source} keeps to the days given
   * by person (a null day: no planned end), in one statement — the place's planned end of their work has changed. Each
   * moved to-date is audited; one that is that day already, or a membership another source keeps, is left alone
   * (neither written nor audited). Answers how many it moved.
   */
  @Transactional
  public int endOn(String groupCode, java.util.Map<UUID, LocalDate> toDates, String source) {
    if (toDates.isEmpty()) {
      return 0;
    }
    List<UUID> persons = List.copyOf(toDates.keySet());
    List<java.util.Map.Entry<String, String>> moved = jdbc.sql("update keygroup_member m set to_date = x.to_date,"
        + " updated_at = :now from unnest(cast(:persons as uuid[]), cast(:dates as date[])) as x(person_id, to_date)"
        + " where m.group_code = :group and m.person_id = x.person_id"
        + " and m.source_key = :source and m.retired_at is null and m.to_date is distinct from x.to_date"
        + " returning m.id::text, coalesce(x.to_date::text, 'open')").param("now", OffsetDateTime.now(clock))
        .param("persons", persons.toArray(UUID[]::new))
        .param("dates", persons.stream().map(p -> toDates.get(p) == null ? null : toDates.get(p).toString())
            .toArray(String[]::new)).param("group", groupCode).param("source", source)
        .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getString(2))).list();
    moved.forEach(m -> audit.record(AuditAction.UPDATE, SUBJECT, m.getKey(), "to " + m.getValue() + ": " + source));
    return moved.size();
  }

  /** The open memberships of these persons in a group, by person id (for the place that keeps them). */
  public java.util.Map<String, Member> openOf(String groupCode, java.util.Collection<UUID> personIds) {
    java.util.Map<String, Member> open = new java.util.LinkedHashMap<>();
    if (personIds.isEmpty()) {
      return open;
    }
    jdbc.sql("select " + MemberSchedules.COLUMNS + " from keygroup_member m where m.group_code = :group"
            + " and m.person_id in (:persons) and m.retired_at is null").param("group", groupCode)
        .param("persons", List.copyOf(personIds)).query(MemberSchedules::member).list()
        .forEach(m -> open.put(m.personId(), m));
    return open;
  }

  /** Corrects an open membership (organisation, post, dates, closed loop; the person stays). */
  @Transactional
  public Member correct(UUID id, NewMember request) {
    Member stored = reachable(id);
    if (stored.retired()) {
      throw Conflict.illegalTransition("keygroup.memberRetired", Status.RETIRED);
    }
    if (stored.organisationCode() == null) {
      throw Conflict.of("keygroup.memberOfPlace");
    }
    List<FieldProblem> problems = new ArrayList<>();
    Checked checked = check(request, false, problems);
    OrganisationSnapshot org = request.organisation() == null || request.organisation().isBlank()
        ? organisation(stored.organisationCode()) : organisation(request.organisation());
    jdbc.sql("""
        update keygroup_member set organisation_id = ?::uuid, organisation_code = ?, organisation_name = ?,
          jurisdiction_path = ?, post = ?, from_date = ?, to_date = ?, closed_loop = ?, updated_at = ?
        where id = ?
        """).params(org.id(), org.creditCode(), org.name(), org.path(), checked.post(),
            request.from() == null ? stored.from() : checked.from(), request.to(),
            Boolean.TRUE.equals(request.closedLoop()), OffsetDateTime.now(clock), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "corrected at " + org.creditCode());
    schedules.refreshMember(id);
    schedules.sync(List.of(id));
    return find(id).orElseThrow();
  }

  /** Retires an open membership (to today unless an end was set); 409 naming RETIRED when retired already. */
  @Transactional
  public Member retire(UUID id) {
    Member stored = reachable(id);
    if (stored.retired()) {
      throw Conflict.illegalTransition("keygroup.memberRetired", Status.RETIRED);
    }
    if (stored.organisationCode() != null) {
      organisation(stored.organisationCode());
    }
    jdbc.sql("update keygroup_member set retired_at = ?, to_date = coalesce(to_date, ?), updated_at = ? where id = ?")
        .params(OffsetDateTime.now(clock), LocalDate.now(clock), OffsetDateTime.now(clock), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "retired");
    schedules.sync(List.of(id));
    return find(id).orElseThrow();
  }

  /** One membership inside the caller's reach (404 otherwise); reading it is audited. */
  @Transactional
  public Member get(UUID id) {
    Member member = reachable(id);
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return member;
  }

  /** A group's memberships inside the reach by name (retired ones too when asked). */
  public PageResult<Member> list(String groupCode, String organisation, boolean withRetired, Paging paging) {
    KeyGroup group = groups.get(groupCode);
    JurisdictionScope scope = schedules.reach(null);
    boolean byOrg = organisation != null && !organisation.isBlank();
    JdbcClient.StatementSpec spec = scope.bind(jdbc.sql("select " + MemberSchedules.COLUMNS
        + " from keygroup_member m where m.group_code = :group and " + scope.predicate("m.jurisdiction_path")
        + (withRetired ? "" : " and m.retired_at is null") + (byOrg ? " and m.organisation_code = :org" : "")
        + " order by m.person_name, m.id offset :offset limit :limit")).param("group", group.code())
        .param("offset", paging.offset()).param("limit", paging.fetchSize());
    if (byOrg) {
      spec = spec.param("org", organisation.strip());
    }
    return paging.toResult(spec.query(MemberSchedules::member).list(), null);
  }

  private Member reachable(UUID id) {
    JurisdictionScope scope = schedules.reach(null);
    return scope.bind(jdbc.sql("select " + MemberSchedules.COLUMNS + " from keygroup_member m where m.id = :id and "
        + scope.predicate("m.jurisdiction_path"))).param("id", id).query(MemberSchedules::member).optional()
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private java.util.Optional<Member> find(UUID id) {
    return jdbc.sql("select " + MemberSchedules.COLUMNS + " from keygroup_member m where m.id = :id").param("id", id)
        .query(MemberSchedules::member).optional();
  }

  /** The organisation inside the caller's reach (404 otherwise); a retired one takes no new work (409). */
  private OrganisationSnapshot organisation(String code) {
    if (code == null || code.isBlank()) {
      throw new ValidationFailure(FieldProblem.of("organisation", "keygroup.organisation"));
    }
    OrganisationSnapshot org = organisations.snapshot(code.strip());
    if (!org.active()) {
      throw Conflict.of("keygroup.organisationRetired");
    }
    return org;
  }

  private record Checked(String post, LocalDate from) {}

  private Checked check(NewMember r, boolean organisationRequired, List<FieldProblem> problems) {
    String post = r.post() == null || r.post().isBlank() ? null : r.post().strip();
    if (post != null && post.length() > 50) {
      problems.add(FieldProblem.of("post", "keygroup.post"));
    }
    if (organisationRequired && (r.organisation() == null || r.organisation().isBlank())) {
      problems.add(FieldProblem.of("organisation", "keygroup.organisation"));
    }
    LocalDate from = r.from() == null ? LocalDate.now(clock) : r.from();
    if (r.to() != null && r.to().isBefore(from)) {
      problems.add(FieldProblem.of("to", "keygroup.to"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new Checked(post, from);
  }

  private static UUID uuid(String text) {
    try {
      return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
