package org.epicommand.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.quarantine.internal.SitePostStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who staffs a quarantine site (隔离点工作人员): people on posts (manager, medical, security, cleaning, catering,
 * transfer) and shifts (day, evening, night) inside a closed loop, against the site's standard of people per
 * shift on each post — the platform default unless the site sets its own: one manager, one medical worker and
 * one cleaner for every 50 usable rooms (at least one), two guards, one caterer and one transfer worker. A gap
 * is the standard minus the people on the post and shift today. Sites the caller sees (404 otherwise); a site
 * manager changes only their own sites. Every change is audited on the site.
 */
@Service
public class SitePosts {

  /** Posts at a site. */
  public enum Post { MANAGER, MEDICAL, SECURITY, CLEANING, CATERING, TRANSFER }

  /** Shifts of a day (8 hours each). */
  public enum Shift { DAY, EVENING, NIGHT }

  /** On duty inside the closed loop, or left. */
  public enum MemberState { ON_DUTY, LEFT }

  /** Rooms per medical worker and per cleaner on a shift (platform default). */
  public static final int ROOMS_PER_WORKER = 50;

  /** Adding a person: name, phone, post, shift, the closed loop's first and (planned) last day. */
  public record NewMember(String name, String phone, Post post, Shift shift, LocalDate loopFrom, LocalDate loopTo) {}

  /** A person on a post. {@code onDuty}: in the loop today and not left. */
  public record Member(String id, String name, String phone, Post post, Shift shift, LocalDate loopFrom,
      LocalDate loopTo, Instant leftAt, MemberState state, boolean onDuty) {}

  /** One shift of a post: people required, on duty, missing. */
  public record ShiftCell(Shift shift, int required, int onDuty, int gap) {}

  /** A post: people per shift (the site's own standard or the default) and the shifts. */
  public record PostLine(Post post, int perShift, boolean siteStandard, List<ShiftCell> shifts, int gap) {}

  /** The site's staffing: posts × shifts against the standard, the people, the total gap. */
  public record Staffing(String siteId, String siteName, int usableRooms, List<PostLine> posts, List<Member> staff,
      int gap) {}

  private final QuarantineSites sites;
  private final SiteStaff siteStaff;
  private final SitePostStore store;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  SitePosts(QuarantineSites sites, SiteStaff siteStaff, SitePostStore store, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.sites = sites;
    this.siteStaff = siteStaff;
    this.store = store;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The site's posts and shifts against the standard, with its people (404 outside the caller's sites). */
  @Transactional(readOnly = true)
  public Staffing staffing(UUID siteId) {
    QuarantineSite site = sites.site(siteId);
    LocalDate today = LocalDate.now(clock);
    List<Member> staff = store.members(siteId, today);
    Map<Post, Integer> own = store.standards(siteId);
    List<PostLine> posts = new ArrayList<>();
    int total = 0;
    for (Post post : Post.values()) {
      int perShift = own.getOrDefault(post, standard(post, site.usableRooms()));
      List<ShiftCell> shifts = new ArrayList<>();
      int gap = 0;
      for (Shift shift : Shift.values()) {
        int on = (int) staff.stream().filter(m -> m.onDuty() && m.post() == post && m.shift() == shift).count();
        shifts.add(new ShiftCell(shift, perShift, on, Math.max(0, perShift - on)));
        gap += Math.max(0, perShift - on);
      }
      posts.add(new PostLine(post, perShift, own.containsKey(post), shifts, gap));
      total += gap;
    }
    return new Staffing(site.id(), site.name(), site.usableRooms(), posts, staff, total);
  }

  /** The platform's default people per shift on a post for a site of {@code rooms} usable rooms. */
  public static int standard(Post post, int rooms) {
    int perRooms = Math.max(1, (rooms + ROOMS_PER_WORKER - 1) / ROOMS_PER_WORKER);
    return switch (post) {
      case MEDICAL, CLEANING -> perRooms;
      case SECURITY -> 2;
      case MANAGER, CATERING, TRANSFER -> 1;
    };
  }

  /** Puts a person on a post and shift: 400 naming the fields, 409 at a retired site. */
  @Transactional
  public Member add(UUID siteId, NewMember member) {
    UUID site = writable(siteId);
    NewMember m = member == null ? new NewMember(null, null, null, null, null, null) : member;
    List<FieldProblem> problems = new ArrayList<>();
    String name = m.name() == null ? "" : m.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "quarantine.post.name"));
    }
    String phone = m.phone() == null || m.phone().isBlank() ? null : PhoneNumbers.normalize(m.phone());
    if (m.phone() != null && !m.phone().isBlank() && phone == null) {
      problems.add(FieldProblem.of("phone", "quarantine.post.phone"));
    }
    if (m.post() == null) {
      problems.add(FieldProblem.of("post", "quarantine.post.post"));
    }
    if (m.shift() == null) {
      problems.add(FieldProblem.of("shift", "quarantine.post.shift"));
    }
    LocalDate from = m.loopFrom() == null ? LocalDate.now(clock) : m.loopFrom();
    if (m.loopTo() != null && m.loopTo().isBefore(from)) {
      problems.add(FieldProblem.of("loopTo", "quarantine.post.loopTo"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    sites.requireInService(site);
    UUID id = UUID.randomUUID();
    store.insert(id, site, new NewMember(name, phone, m.post(), m.shift(), from, m.loopTo()),
        currentUser.get().username(), clock.instant());
    audit.record(AuditAction.UPDATE, QuarantineSites.SUBJECT, site.toString(), "staff " + m.post() + " "
        + m.shift() + " added");
    return member(site, id);
  }

  /** The person leaves the site (the closed loop ends today); 409 naming the state when they have left. */
  @Transactional
  public Member leave(UUID siteId, UUID memberId) {
    UUID site = writable(siteId);
    Member m = member(site, memberId);
    if (m.state() == MemberState.LEFT) {
      throw Conflict.illegalTransition("quarantine.post.left", m.state());
    }
    store.leave(memberId, LocalDate.now(clock), clock.instant());
    audit.record(AuditAction.UPDATE, QuarantineSites.SUBJECT, site.toString(), "staff " + m.post() + " left");
    return member(site, memberId);
  }

  /** Sets the site's own people per shift on a post (0–100); {@code null} returns to the default. */
  @Transactional
  public Staffing setStandard(UUID siteId, Post post, Integer perShift) {
    UUID site = writable(siteId);
    if (post == null) {
      throw new ValidationFailure(FieldProblem.of("post", "quarantine.post.post"));
    }
    if (perShift != null && (perShift < 0 || perShift > 100)) {
      throw new ValidationFailure(FieldProblem.of("perShift", "quarantine.post.perShift"));
    }
    store.standard(site, post, perShift, clock.instant());
    audit.record(AuditAction.UPDATE, QuarantineSites.SUBJECT, site.toString(), "standard " + post + " "
        + (perShift == null ? "default" : perShift + " per shift"));
    return staffing(site);
  }

  private UUID writable(UUID siteId) {
    QuarantineSite site = sites.site(siteId);
    UUID id = UUID.fromString(site.id());
    if (!siteStaff.worksAt(id)) {
      throw new RecordNotFound(QuarantineSites.SUBJECT);
    }
    return id;
  }

  private Member member(UUID site, UUID id) {
    return store.members(site, LocalDate.now(clock)).stream().filter(m -> m.id().equals(id.toString())).findFirst()
        .orElseThrow(() -> new RecordNotFound("SITE_STAFF"));
  }
}
