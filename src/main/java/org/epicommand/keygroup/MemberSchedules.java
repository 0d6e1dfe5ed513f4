package org.epicommand.keygroup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.keygroup.internal.ScheduleSql;
import org.epicommand.labtest.LatestTests;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each open membership's schedule state, derived set-based from the latest test per person by one statement
 * ({@link ScheduleSql}) that writes only the memberships whose schedule changes: a batch of results moves the
 * memberships of its persons, a new edition or membership change its members, a ledger asking who is blocked from
 * duty the persons it asks of, and the daily sweep all of them (the day passing makes members due and overdue); the
 * due and overdue lists and the organisations' compliance inside the caller's reach (an organisation's contact:
 * their own organisation).
 */
@Service
public class MemberSchedules {

  /** The states the overdue list shows by default. */
  public static final Set<MemberState> NEEDING_ACTION = EnumSet.of(MemberState.OVERDUE,
      MemberState.BLOCKED_FROM_DUTY, MemberState.NEVER_TESTED);

  static final String COLUMNS = "m.id, m.group_code, m.person_id, m.person_name, m.organisation_code,"
      + " m.organisation_name, m.post, m.from_date, m.to_date, m.closed_loop, m.retired_at, m.last_sampled_at,"
      + " m.last_negative_at, m.state, m.next_due, m.jurisdiction_path";

  private final JdbcClient jdbc;
  private final ScheduleSql sql;
  private final LatestTests latest;
  private final Organisations organisations;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final org.epicommand.audit.AuditTrail audit;
  private final Clock clock;

  MemberSchedules(JdbcClient jdbc, ScheduleSql sql, LatestTests latest, Organisations organisations,
      Jurisdictions jurisdictions, CurrentUser currentUser, ApplicationEventPublisher events,
      org.epicommand.audit.AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.sql = sql;
    this.latest = latest;
    this.organisations = organisations;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A batch of results landed: one statement takes the persons' newest samplings into their memberships and derives
   * their states; the members it newly blocked from duty are told. Only the persons holding an open membership are
   * looked up in the latest tests (a pooled batch names up to ten persons a tube, most of them in no group).
   */
  @Transactional
  public void observe(Collection<UUID> persons) {
    List<UUID> members = sql.members(persons);
    if (members.isEmpty()) {
      return;
    }
    tellBlocked(sql.observe(members, latest.of(members), LocalDate.now(clock), clock.getZone(),
        OffsetDateTime.now(clock)));
  }

  /**
   * Every open membership's state as of {@code today}, after retiring those whose last day ({@code to}) has passed
   * ({@link #retireEnded}); publishes the organisations with members newly overdue (a place's members, without an
   * organisation, show on the place's page instead).
   */
  @Transactional
  public int refreshAll(LocalDate today) {
    retireEnded(today);
    List<ScheduleSql.Changed> changed = refresh("true", s -> s, today);
    Map<UUID, Long> newlyOverdue = new LinkedHashMap<>();
    changed.stream().filter(c -> c.organisationId() != null && c.newlyOverdue())
        .forEach(c -> newlyOverdue.merge(c.organisationId(), 1L, Long::sum));
    newlyOverdue.forEach((org, count) -> events.publishEvent(new KeyGroupOverdue(org.toString(), count)));
    return changed.size();
  }

  @Transactional
  public int refreshAll() {
    return refreshAll(LocalDate.now(clock));
  }

  /**
   * Retires the open memberships whose last day lies before {@code today}: a worker whose contract or assignment
   * ended is no longer scheduled, due or overdue, and their organisation no longer hears of them. Each is audited
   * (in the platform's name for the nightly sweep) and leaves the lists of members needing action. Answers how
   * many it retired.
   */
  int retireEnded(LocalDate today) {
    List<Map.Entry<UUID, LocalDate>> ended = jdbc.sql("""
        update keygroup_member set retired_at = :now, updated_at = :now
        where retired_at is null and to_date < :today
        returning id, to_date""").param("now", OffsetDateTime.now(clock)).param("today", today)
        .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class))).list();
    if (!ended.isEmpty()) {
      audit.recordAll(KeyGroupMembers.SUBJECT, ended.stream().map(e -> new org.epicommand.audit.AuditTrail.Entry(
          org.epicommand.audit.AuditAction.UPDATE, e.getKey().toString(), "retired: ended after " + e.getValue()))
          .toList());
      sql.sync(ended.stream().map(Map.Entry::getKey).toList());
    }
    return ended.size();
  }

  void refreshGroup(String code) {
    refreshGroup(code, LocalDate.now(clock));
  }

  /** The group's open memberships as of {@code today}. */
  void refreshGroup(String code, LocalDate today) {
    refresh("m.group_code = :code", s -> s.param("code", code), today);
  }

  /** Mirrors these memberships into the table of members needing action after a change of the membership itself. */
  void sync(Collection<UUID> members) {
    sql.sync(members);
  }

  void refreshMember(UUID id) {
    refresh("m.id = :member", s -> s.param("member", id), LocalDate.now(clock));
  }

  private List<ScheduleSql.Changed> refresh(String where, UnaryOperator<JdbcClient.StatementSpec> binder,
      LocalDate today) {
    return tellBlocked(sql.refresh(where, binder, today, clock.getZone(), OffsetDateTime.now(clock)));
  }

  /**
   * Tells of the members the statement newly blocked from duty (once per member and block: the statement marks them
   * told) and of those whose told block it lifted, in one {@link KeyGroupBlocksChanged} for the statement: a
   * {@link KeyGroupMembersBlocked} per organisation (its contacts and 属地 hear of it) and a
   * {@link KeyGroupMembersUnblocked} per organisation. A place's members (no organisation) are shown on the place's
   * own page instead.
   */
  private List<ScheduleSql.Changed> tellBlocked(List<ScheduleSql.Changed> changed) {
    Map<String, List<String>> lifted = new LinkedHashMap<>();
    Map<String, List<KeyGroupMembersBlocked.BlockedMember>> blocked = new LinkedHashMap<>();
    for (ScheduleSql.Changed c : changed) {
      if (c.organisationCode() == null) {
        continue;
      }
      if (c.newlyUnblocked()) {
        lifted.computeIfAbsent(c.organisationCode(), k -> new java.util.ArrayList<>()).add(c.personId().toString());
      }
      if (c.newlyBlocked()) {
        blocked.computeIfAbsent(c.organisationCode(), k -> new java.util.ArrayList<>())
            .add(new KeyGroupMembersBlocked.BlockedMember(c.personId().toString(), c.personName(), c.groupCode(),
                c.blocksDays()));
      }
    }
    if (!lifted.isEmpty() || !blocked.isEmpty()) {
      events.publishEvent(new KeyGroupBlocksChanged(blocked.entrySet().stream()
          .map(e -> new KeyGroupMembersBlocked(e.getKey(), e.getValue().stream()
              .map(KeyGroupMembersBlocked.BlockedMember::name).toList(), e.getValue())).toList(),
          lifted.entrySet().stream().map(e -> new KeyGroupMembersUnblocked(e.getKey(), e.getValue())).toList()));
    }
    return changed;
  }

  /**
   * Who of these persons is blocked from duty now, by organisation and group: for a ledger that takes a person on
   * while already blocked, or that hears one block lift while another may still hold. Their open memberships are
   * derived as of now first (one statement for all of them), so that a block the day passing or a new edition began
   * since the last sweep counts at once; a block it begins is told as any other (once: the statement marks it told).
   * The statement writes only a schedule that changed, so asking about persons whose memberships are as the sweep
   * left them writes nothing. It does write a block it begins, on purpose: a ledger that marks the person from the
   * answer must later hear the block lift, and only a block stored and told is lifted by a later negative.
   * Not scoped to the caller: the platform's own question.
   */
  @Transactional
  public List<DutyBlock> blockedFromDuty(Collection<UUID> persons) {
    if (persons.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock);
    refresh("m.person_id = any(cast(:persons as uuid[]))", s -> s.param("persons", persons.toArray(UUID[]::new)),
        today);
    return sql.blocked(persons, today);
  }

  /**
   * The open memberships in these states ({@code null} or empty: those needing action — overdue, blocked,
   * never sampled) inside the caller's reach narrowed to a division, of one group and organisation when
   * given; longest overdue first. A division outside the reach answers 404.
   */
  public PageResult<Member> list(String jurisdiction, String group, String organisation, Set<MemberState> states,
      Paging paging) {
    return rows(reach(jurisdiction), group, organisation, states, paging);
  }

  private PageResult<Member> rows(JurisdictionScope scope, String group, String organisation,
      Set<MemberState> states, Paging paging) {
    return paging.toResult(statement("", scope, group, organisation, states, paging).query(MemberSchedules::member)
        .list(), null);
  }

  /**
   * The list's statement, behind {@code prefix} (an {@code explain}). The members needing action (and those due
   * today) are read from {@code keygroup_member_action}, with the states written as literals so that its partial
   * index {@code keygroup_action_needing_district} serves the list in its order: a district's (or anything inside
   * one) by {@code next_due nulls first, id}, a range of the index, never a sort of the district's members; the
   * whole city's district by district in that order, the district being the path's second division (one index for
   * both: each member needing action costs one list entry fewer to keep). A list that asks for members up to date
   * reads the memberships themselves.
   */
  JdbcClient.StatementSpec statement(String prefix, JurisdictionScope scope, String group, String organisation,
      Set<MemberState> states, Paging paging) {
    Set<MemberState> wanted = states == null || states.isEmpty() ? NEEDING_ACTION : states;
    String[] divisions = scope.path().split("/");
    String district = divisions.length > 2 ? divisions[2] : null;
    boolean needingAction = !wanted.contains(MemberState.UP_TO_DATE);
    String at = needingAction ? "a" : "m";
    String where = " where " + (needingAction ? "" : "m.retired_at is null and ") + at + ".state in ("
        + wanted.stream().sorted().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "))
        + ") and " + scope.predicate(at + ".jurisdiction_path")
        + (district == null ? "" : " and split_part(" + at + ".jurisdiction_path, '/', 3) = :district")
        + (group == null || group.isBlank() ? "" : " and m.group_code = :group")
        + (organisation == null || organisation.isBlank() ? "" : " and m.organisation_code = :org");
    String from = needingAction ? " from keygroup_member_action a join keygroup_member m on m.id = a.member_id"
        : " from keygroup_member m";
    String order = !needingAction ? "m.next_due nulls first, m.id"
        : (district == null ? "split_part(a.jurisdiction_path, '/', 3), " : "") + "a.next_due nulls first, a.member_id";
    JdbcClient.StatementSpec spec = scope.bind(jdbc.sql(prefix + "select " + COLUMNS + from
        + where + " order by " + order + " offset :offset limit :limit"))
        .param("offset", paging.offset()).param("limit", paging.fetchSize());
    if (district != null) {
      spec = spec.param("district", district);
    }
    if (group != null && !group.isBlank()) {
      spec = spec.param("group", group.strip().toUpperCase(java.util.Locale.ROOT));
    }
    if (organisation != null && !organisation.isBlank()) {
      spec = spec.param("org", organisation.strip());
    }
    return spec;
  }

  /**
   * The list as {@link #list} selects it, all pages (at most 100 000 rows), as CSV: checks the reach and writes the
   * EXPORT audit event now; the rows are written when the caller streams.
   */
  @Transactional
  public java.util.function.Consumer<java.io.OutputStream> export(String jurisdiction, String group,
      String organisation, Set<MemberState> states, List<String> header) {
    JurisdictionScope scope = reach(jurisdiction);
    audit.record(org.epicommand.audit.AuditAction.EXPORT, KeyGroupMembers.SUBJECT, null,
        "overdue jurisdiction=" + scope.code() + " group=" + group);
    return out -> {
      try (org.epicommand.imports.CsvExport csv = org.epicommand.imports.CsvExport.to(out, header, clock.getZone())) {
        int page = 0;
        PageResult<Member> result;
        do {
          result = rows(scope, group, organisation, states, Paging.of(page++, Paging.MAX_SIZE));
          for (Member m : result.items()) {
            csv.row(java.util.Arrays.asList(m.groupCode(), m.name(), m.organisationName(), m.post(),
                m.state().name(), m.nextDue(), m.lastSampledAt()));
          }
        } while (result.hasMore() && page < 200);
      }
    };
  }

  /**
   * Open memberships per organisation (a place without one, such as a quarantine site, by its name) and state inside
   * the reach (of one group, organisation when given), with the organisation's single-tube marks (of that group when
   * given).
   */
  public List<Compliance> compliance(String jurisdiction, String group, String organisation) {
    JurisdictionScope scope = reach(jurisdiction);
    JdbcClient.StatementSpec spec = scope.bind(jdbc.sql("""
        select organisation_code, min(organisation_name), count(*),
          count(*) filter (where state = 'UP_TO_DATE'), count(*) filter (where state = 'DUE_TODAY'),
          count(*) filter (where state = 'OVERDUE'), count(*) filter (where state = 'NEVER_TESTED'),
          count(*) filter (where state = 'BLOCKED_FROM_DUTY'),
          (select count(*) from keygroup_single_tube_mark k where k.organisation_code = m.organisation_code"""
        + (group == null || group.isBlank() ? "" : " and k.group_code = :group") + """
          )
        from keygroup_member m where retired_at is null and """ + " " + scope.predicate("m.jurisdiction_path")
        + (group == null || group.isBlank() ? "" : " and group_code = :group")
        + (organisation == null || organisation.isBlank() ? "" : " and organisation_code = :org")
        + " group by m.organisation_code, case when m.organisation_code is null then m.organisation_name end"
        + " order by count(*) filter (where state in ('OVERDUE', 'BLOCKED_FROM_DUTY'))"
        + " desc, organisation_code limit 500"));
    if (group != null && !group.isBlank()) {
      spec = spec.param("group", group.strip().toUpperCase(java.util.Locale.ROOT));
    }
    if (organisation != null && !organisation.isBlank()) {
      spec = spec.param("org", organisation.strip());
    }
    return spec.query((rs, n) -> new Compliance(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9))).list();
  }

  /** How many open memberships of the reach stand in each state (the dashboard's key-group tile). */
  public Map<MemberState, Long> tally(String jurisdiction) {
    JurisdictionScope scope = reach(jurisdiction);
    Map<MemberState, Long> counts = new java.util.EnumMap<>(MemberState.class);
    for (MemberState state : MemberState.values()) {
      counts.put(state, 0L);
    }
    scope.bind(jdbc.sql("select state, count(*) from keygroup_member m where retired_at is null and "
        + scope.predicate("m.jurisdiction_path") + " group by state"))
        .query((rs, n) -> counts.put(MemberState.valueOf(rs.getString(1)), rs.getLong(2))).list();
    return counts;
  }

  /** The path of a division (404 for an unknown one). */
  String pathOf(String jurisdictionCode) {
    return jurisdictions.find(jurisdictionCode).orElseThrow(() -> new org.epicommand.shared.RecordNotFound(
        "JURISDICTION")).path();
  }

  /** The caller's reach (an organisation's contact: their organisation) narrowed to a division (404 outside). */
  JurisdictionScope reach(String jurisdiction) {
    return jurisdictions.narrow(organisations.scopeOf(currentUser.get()), jurisdiction);
  }

  static Member member(ResultSet rs, int n) throws SQLException {
    return new Member(rs.getString("id"), rs.getString("group_code"), rs.getString("person_id"),
        rs.getString("person_name"), rs.getString("organisation_code"), rs.getString("organisation_name"),
        rs.getString("post"), rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
        rs.getBoolean("closed_loop"), rs.getObject("retired_at") != null, instant(rs, "last_sampled_at"),
        instant(rs, "last_negative_at"), MemberState.valueOf(rs.getString("state")),
        rs.getObject("next_due", LocalDate.class));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
