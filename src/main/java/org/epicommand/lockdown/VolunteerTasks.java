package org.epicommand.lockdown;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A volunteer's own work (志愿者): the shifts of the pool entry linked to their account and the service
 * requests assigned to them, inside their jurisdiction. Anything else — another person's shift, a
 * request assigned to someone else — does not exist for them (404). Checking in and delivering go
 * through {@link Posts} and {@link ServiceRequests}, audited there; a wrong move is a 409 naming the state.
 */
@Service
public class VolunteerTasks {

  private final Manpower manpower;
  private final Posts posts;
  private final ServiceRequests requests;
  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Clock clock;

  VolunteerTasks(Manpower manpower, Posts posts, ServiceRequests requests, JdbcClient jdbc, CurrentUser currentUser,
      Clock clock) {
    this.manpower = manpower;
    this.posts = posts;
    this.requests = requests;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** The caller's shifts from the start of today and the requests assigned to them, most urgent first. */
  public Volunteer mine() {
    UserContext user = currentUser.get();
    JurisdictionScope scope = user.scope();
    Worker worker = manpower.mine().orElse(null);
    Instant today = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
    List<Volunteer.Shift> shifts = worker == null ? List.of() : scope.bind(jdbc.sql("""
        select s.id, a.name, p.name, p.kind, s.starts_at, s.ends_at, s.state, s.checked_in_at
        from lockdown_shift s join lockdown_post p on p.id = s.post_id join lockdown_area a on a.id = s.area_id
        where s.worker_id = :worker and s.ends_at > :today and s.state <> 'CANCELLED' and\s"""
        + scope.predicate("s.jurisdiction_path") + " order by s.starts_at limit 100"))
        .param("worker", worker.id()).param("today", Timestamp.from(today))
        .query((rs, n) -> new Volunteer.Shift(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            Post.Kind.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
            Post.ShiftState.valueOf(rs.getString(7)), ServiceRequests.ts(rs, 8))).list();
    Instant now = clock.instant();
    List<Volunteer.Delivery> deliveries = scope.bind(jdbc.sql("""
        select r.id, a.name, r.address, r.need, r.detail, r.phone, r.due_at, r.priority
        from lockdown_request r join lockdown_area a on a.id = r.area_id
        where r.assignee = :me and r.state = 'ASSIGNED' and\s""" + scope.predicate("r.jurisdiction_path")
        + " order by r.priority desc, r.due_at limit 100")).param("me", user.username())
        .query((rs, n) -> new Volunteer.Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            ServiceRequest.Need.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
            rs.getTimestamp(7).toInstant(), now.isAfter(rs.getTimestamp(7).toInstant()), rs.getBoolean(8))).list();
    return new Volunteer(worker == null ? null : worker.name(), worker == null ? null : worker.phone(), shifts,
        deliveries);
  }

  /** Checks the caller in on one of their own shifts (once; 409 naming the state otherwise; 404 if not theirs). */
  @Transactional
  public Volunteer.Shift checkIn(UUID shiftId) {
    Worker worker = manpower.mine().orElseThrow(() -> new RecordNotFound("LOCKDOWN_SHIFT"));
    boolean own = jdbc.sql("select exists (select 1 from lockdown_shift where id = ? and worker_id = ?)")
        .params(shiftId, worker.id()).query(Boolean.class).single();
    if (!own) {
      throw new RecordNotFound("LOCKDOWN_SHIFT");
    }
    posts.checkIn(shiftId);
    return mine().shifts().stream().filter(s -> s.id().equals(shiftId)).findFirst()
        .orElseThrow(() -> new RecordNotFound("LOCKDOWN_SHIFT"));
  }

  /** Marks a request assigned to the caller delivered (ASSIGNED → DELIVERED; 409 naming the state; 404 otherwise). */
  @Transactional
  public ServiceRequest deliver(UUID requestId, Volunteer.Delivered delivered) {
    boolean own = jdbc.sql("select exists (select 1 from lockdown_request where id = ? and assignee = ?)")
        .params(requestId, currentUser.get().username()).query(Boolean.class).single();
    if (!own) {
      throw new RecordNotFound(ServiceRequests.SUBJECT);
    }
    return requests.close(requestId, new ServiceRequest.Outcome(ServiceRequest.State.DELIVERED,
        delivered == null ? null : delivered.note()));
  }
}
