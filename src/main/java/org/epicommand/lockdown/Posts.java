package org.epicommand.lockdown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.lockdown.internal.AreaLifecycle;
import org.epicommand.lockdown.internal.AreaStore;
import org.epicommand.lockdown.internal.LockdownProperties;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts of an area and their shifts: a post is opened while the area is declared or active; a shift
 * puts an active person of the pool on a post for a window (ending after it starts: 400; overlapping
 * another shift of the same person: 409 with {@code existingId}). The gaps are the shift windows of
 * the next 24 h (by {@code epicommand.lockdown.shift-length} from midnight) staffed below the standard.
 */
@Service
public class Posts {

  private static final String SUBJECT = "LOCKDOWN_POST";
  private static final String SHIFT = "LOCKDOWN_SHIFT";
  private static final String SHIFT_COLUMNS = """
      s.id, s.post_id, p.name, s.worker_id, w.name, w.phone, s.starts_at, s.ends_at, s.state, s.checked_in_at""";

  private final AreaStore areas;
  private final Manpower manpower;
  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final LockdownProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Posts(AreaStore areas, Manpower manpower, JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit,
      LockdownProperties properties, ApplicationEventPublisher events, Clock clock) {
    this.events = events;
    this.areas = areas;
    this.manpower = manpower;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Opens a post in an area (DECLARED or ACTIVE: 409 naming the state otherwise). */
  @Transactional
  public Post open(UUID areaId, Post.New request) {
    AreaStore.Row area = areas.lock(areaId, currentUser.get().scope());
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null || request.kind() == null) {
      problems.add(FieldProblem.of("kind", "lockdown.post.kind"));
    }
    String name = request == null || request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "lockdown.post.name"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    new AreaLifecycle(area.state()).requirePreparing();
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into lockdown_post (id, area_id, kind, name, state, jurisdiction_path, created_at)
        values (?, ?, ?, ?, 'ACTIVE', ?, ?)""").params(id, areaId, request.kind().name(), name, area.path(),
        Timestamp.from(clock.instant())).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.kind().name());
    return get(id);
  }

  /** The posts of an area (ended ones too). */
  public List<Post> of(UUID areaId) {
    areas.get(areaId, currentUser.get().scope());
    return jdbc.sql("select id, area_id, kind, name, state, created_at, ended_at from lockdown_post where area_id = ?"
        + " order by state, kind, name").param(areaId).query((rs, n) -> post(rs)).list();
  }

  public Post get(UUID id) {
    JurisdictionScope scope = currentUser.get().scope();
    return scope.bind(jdbc.sql("select id, area_id, kind, name, state, created_at, ended_at from lockdown_post"
        + " where id = :id and " + scope.predicate("jurisdiction_path"))).param("id", id)
        .query((rs, n) -> post(rs)).optional().orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** Ends an ACTIVE post and its shifts to come; 409 when ended already. */
  @Transactional
  public Post end(UUID id) {
    Post post = get(id);
    if (post.state() != Post.State.ACTIVE) {
      throw Conflict.illegalTransition("lockdown.postState", post.state());
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("update lockdown_post set state = 'ENDED', ended_at = ? where id = ?").params(now, id).update();
    jdbc.sql("update lockdown_shift set state = 'ENDED' where post_id = ? and state = 'ASSIGNED' and ends_at > ?")
        .params(id, now).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "END");
    return get(id);
  }

  /** Puts a person of the pool on an ACTIVE post for a shift. */
  @Transactional
  public Post.Shift assign(UUID postId, Post.NewShift request) {
    UserContext user = currentUser.get();
    Post post = get(postId);
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null || request.workerId() == null) {
      problems.add(FieldProblem.of("workerId", "lockdown.required"));
    }
    if (request == null || request.startsAt() == null) {
      problems.add(FieldProblem.of("startsAt", "lockdown.required"));
    }
    if (request == null || request.endsAt() == null) {
      problems.add(FieldProblem.of("endsAt", "lockdown.required"));
    } else if (request.startsAt() != null && (!request.endsAt().isAfter(request.startsAt())
        || Duration.between(request.startsAt(), request.endsAt()).toHours() > 24)) {
      problems.add(FieldProblem.of("endsAt", "lockdown.shift.window"));
    }
    Worker worker = request == null || request.workerId() == null ? null
        : manpower.find(request.workerId(), user.scope()).orElse(null);
    if (request != null && request.workerId() != null && worker == null) {
      problems.add(FieldProblem.of("workerId", "lockdown.shift.worker"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (post.state() != Post.State.ACTIVE) {
      throw Conflict.illegalTransition("lockdown.postState", post.state());
    }
    new AreaLifecycle(areas.get(post.areaId(), user.scope()).state()).requirePreparing();
    if (worker.state() != Worker.State.ACTIVE) {
      throw Conflict.illegalTransition("lockdown.workerState", worker.state());
    }
    // one person, one place at a time: the lock on the person's row serialises two assignments
    jdbc.sql("select id from lockdown_worker where id = ? for update").param(worker.id()).query(UUID.class).single();
    Timestamp from = Timestamp.from(request.startsAt().toInstant());
    Timestamp to = Timestamp.from(request.endsAt().toInstant());
    jdbc.sql("select id from lockdown_shift where worker_id = ? and state = 'ASSIGNED' and starts_at < ?"
        + " and ends_at > ? limit 1").params(worker.id(), to, from).query(UUID.class).optional().ifPresent(existing -> {
          throw Conflict.duplicate("lockdown.shift.overlap", existing.toString());
        });
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into lockdown_shift (id, post_id, area_id, worker_id, starts_at, ends_at, state, jurisdiction_path,
          created_at, created_by) select ?, p.id, p.area_id, ?, ?, ?, 'ASSIGNED', p.jurisdiction_path, ?, ?
        from lockdown_post p where p.id = ?""").params(id, worker.id(), from, to, Timestamp.from(clock.instant()),
        user.username(), postId).update();
    audit.record(AuditAction.CREATE, SHIFT, id.toString(), postId.toString());
    return shift(id);
  }

  /** The shifts of an area from {@code since} on (default: the start of today), by start. */
  public List<Post.Shift> shifts(UUID areaId, Instant since) {
    areas.get(areaId, currentUser.get().scope());
    Instant from = since != null ? since : LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
    return jdbc.sql("select " + SHIFT_COLUMNS + " from lockdown_shift s join lockdown_post p on p.id = s.post_id"
        + " join lockdown_worker w on w.id = s.worker_id where s.area_id = ? and s.ends_at > ?"
        + " order by s.starts_at, p.name limit 500").params(areaId, Timestamp.from(from))
        .query((rs, n) -> shift(rs)).list();
  }

  /** The person on shift checks in (once; a cancelled or ended shift: 409). */
  @Transactional
  public Post.Shift checkIn(UUID shiftId) {
    Post.Shift shift = shift(shiftId);
    if (shift.state() != Post.ShiftState.ASSIGNED || shift.checkedInAt() != null) {
      throw Conflict.illegalTransition("lockdown.shiftState", shift.checkedInAt() != null
          ? Post.ShiftState.ASSIGNED : shift.state());
    }
    jdbc.sql("update lockdown_shift set checked_in_at = ? where id = ?").params(Timestamp.from(clock.instant()),
        shiftId).update();
    audit.record(AuditAction.UPDATE, SHIFT, shiftId.toString(), "CHECK_IN");
    return shift(shiftId);
  }

  /** Cancels an ASSIGNED shift (409 otherwise). */
  @Transactional
  public Post.Shift cancel(UUID shiftId) {
    Post.Shift shift = shift(shiftId);
    if (shift.state() != Post.ShiftState.ASSIGNED) {
      throw Conflict.illegalTransition("lockdown.shiftState", shift.state());
    }
    jdbc.sql("update lockdown_shift set state = 'CANCELLED' where id = ?").param(shiftId).update();
    audit.record(AuditAction.UPDATE, SHIFT, shiftId.toString(), "CANCEL");
    return shift(shiftId);
  }

  /** The staffing gaps of an area's active posts in the next 24 h. */
  public List<Post.Gap> gaps(UUID areaId) {
    return gapsOf(areas.get(areaId, currentUser.get().scope()));
  }

  List<Post.Gap> gapsOf(AreaStore.Row area) {
    return gapsOf(area, clock.instant());
  }

  /**
   * Reports once every shift window of an active area's post that has started or starts within
   * {@code epicommand.lockdown.unfilled-lead} of {@code now} below the standard ({@link PostUnfilled});
   * claiming and publishing share the caller's transaction. Returns what was reported.
   */
  @Transactional
  public List<PostUnfilled> claimUnfilled(Instant now) {
    List<PostUnfilled> reported = new ArrayList<>();
    Instant horizon = now.plus(properties.unfilledLead());
    for (AreaStore.Row area : areas.active()) {
      for (Post.Gap gap : gapsOf(area, now)) {
        if (gap.from().isAfter(horizon)) {
          continue;
        }
        int claimed = jdbc.sql("""
            insert into lockdown_unfilled (post_id, window_start, required, assigned, notified_at)
            values (?, ?, ?, ?, ?) on conflict do nothing""").params(gap.postId(), Timestamp.from(gap.from()),
            gap.required(), gap.assigned(), Timestamp.from(now)).update();
        if (claimed > 0) {
          PostUnfilled event = new PostUnfilled(gap.postId(), area.id(), area.name(), gap.postName(), gap.kind(),
              gap.from(), gap.to(), gap.required(), gap.assigned(), area.code());
          events.publishEvent(event);
          reported.add(event);
        }
      }
    }
    return reported;
  }

  private List<Post.Gap> gapsOf(AreaStore.Row area, Instant now) {
    Duration length = properties.shiftLength();
    Instant midnight = LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
    long index = Duration.between(midnight, now).toMillis() / length.toMillis();
    Instant first = midnight.plus(length.multipliedBy(index));
    int windows = (int) Math.ceil((double) Duration.ofHours(24).toMillis() / length.toMillis());
    Instant last = first.plus(length.multipliedBy(windows));
    List<Post> active = jdbc.sql("select id, area_id, kind, name, state, created_at, ended_at from lockdown_post"
        + " where area_id = ? and state = 'ACTIVE' order by kind, name").param(area.id()).query((rs, n) -> post(rs))
        .list();
    Map<UUID, List<Instant[]>> shifts = new HashMap<>();
    jdbc.sql("select post_id, starts_at, ends_at from lockdown_shift where area_id = ? and state = 'ASSIGNED'"
        + " and starts_at < ? and ends_at > ?").params(area.id(), Timestamp.from(last), Timestamp.from(first))
        .query(rs -> {
          shifts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new Instant[] {rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()});
        });
    List<Post.Gap> gaps = new ArrayList<>();
    for (Post post : active) {
      for (int w = 0; w < windows; w++) {
        Instant from = first.plus(length.multipliedBy(w));
        Instant to = from.plus(length);
        int assigned = (int) shifts.getOrDefault(post.id(), List.of()).stream()
            .filter(s -> !s[0].isAfter(from) && !s[1].isBefore(to)).count();
        if (assigned < post.personsPerShift()) {
          gaps.add(new Post.Gap(post.id(), post.name(), post.kind(), from, to, post.personsPerShift(), assigned));
        }
      }
    }
    return gaps;
  }

  private Post.Shift shift(UUID id) {
    JurisdictionScope scope = currentUser.get().scope();
    return scope.bind(jdbc.sql("select " + SHIFT_COLUMNS + " from lockdown_shift s join lockdown_post p on"
        + " p.id = s.post_id join lockdown_worker w on w.id = s.worker_id where s.id = :id and "
        + scope.predicate("s.jurisdiction_path"))).param("id", id).query((rs, n) -> shift(rs)).optional()
        .orElseThrow(() -> new RecordNotFound(SHIFT));
  }

  private Post post(ResultSet rs) throws SQLException {
    Post.Kind kind = Post.Kind.valueOf(rs.getString(3));
    return new Post(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), kind, rs.getString(4),
        Post.State.valueOf(rs.getString(5)), properties.personsPerShift(kind), rs.getTimestamp(6).toInstant(),
        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
  }

  private static Post.Shift shift(ResultSet rs) throws SQLException {
    return new Post.Shift(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
        rs.getTimestamp(8).toInstant(), Post.ShiftState.valueOf(rs.getString(9)),
        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant());
  }
}
