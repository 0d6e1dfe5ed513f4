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
import org.epicommand.keygroup.KeyGroupMembers;
import org.epicommand.keygroup.KeyGroups;
import org.epicommand.person.PersonReference;
import org.epicommand.person.PersonRegistry;
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
 * manager changes only their own sites. Every change is audited on the site. Site staff are persons of the
 * registry and, while on a post, open members of the key group of site staff ({@link #KEY_GROUP}, tested daily)
 * when the city has defined it, to the latest planned last day of their open posts at any site (none while one of
 * them has none) as posts are added, left and ended, and at start-up for all of them ({@link #alignMemberships});
 * their test state shows with them. A post ends when its worker leaves, or the day after its planned last day
 * ({@link #endPlannedLoops}).
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

  /** The key group of quarantine-site staff (tested daily), when the city has defined it. */
  public static final String KEY_GROUP = "QUARANTINE_SITE_STAFF";

  /** What keeps a site worker's key-group membership. */
  static final String SOURCE = "quarantine-site";

  /** Persons per statement when all site-staff memberships are brought in line ({@link #alignMemberships}). */
  private static final int ALIGN_BATCH = 1000;

  /**
   * Adding a person: a person of the registry (their name is the registry's), phone, post, shift, the closed loop's
   * first and (planned) last day.
   */
  public record NewMember(String personId, String phone, Post post, Shift shift, LocalDate loopFrom,
      LocalDate loopTo) {}

  /**
   * A person on a post. {@code onDuty}: in the loop today and not left. {@code personId}: null for a row kept by
   * name and phone before site staff were persons of the registry. {@code testState} and {@code testDue}: their
   * key-group testing (null when not a member).
   */
  public record Member(String id, String personId, String name, String phone, Post post, Shift shift,
      LocalDate loopFrom, LocalDate loopTo, Instant leftAt, MemberState state, boolean onDuty,
      org.epicommand.keygroup.MemberState testState, LocalDate testDue) {

    Member tested(org.epicommand.keygroup.Member membership) {
      return membership == null ? this : new Member(id, personId, name, phone, post, shift, loopFrom, loopTo, leftAt,
          state, onDuty, membership.state(), membership.nextDue());
    }
  }

  /** One shift of a post: people required, on duty, missing. */
  public record ShiftCell(Shift shift, int required, int onDuty, int gap) {}

  /** A post: people per shift (the site's own standard or the default) and the shifts. */
  public record PostLine(Post post, int perShift, boolean siteStandard, List<ShiftCell> shifts, int gap) {}

  /**
   * The site's staffing: posts × shifts against the standard, the people, the total gap; whether the city has
   * defined the key group of site staff ({@link #KEY_GROUP}: otherwise nobody is tested as such).
   */
  public record Staffing(String siteId, String siteName, int usableRooms, List<PostLine> posts, List<Member> staff,
      int gap, boolean keyGroupDefined) {}

  private final QuarantineSites sites;
  private final SiteStaff siteStaff;
  private final SitePostStore store;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final PersonRegistry persons;
  private final KeyGroupMembers keyGroup;
  private final KeyGroups keyGroups;

  SitePosts(QuarantineSites sites, SiteStaff siteStaff, SitePostStore store, CurrentUser currentUser,
      AuditTrail audit, Clock clock, PersonRegistry persons, KeyGroupMembers keyGroup, KeyGroups keyGroups) {
    this.persons = persons;
    this.keyGroup = keyGroup;
    this.keyGroups = keyGroups;
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
    List<Member> listed = store.members(siteId, today);
    Map<String, org.epicommand.keygroup.Member> tests = keyGroup.openOf(KEY_GROUP, listed.stream()
        .filter(m -> m.personId() != null && m.state() == MemberState.ON_DUTY)
        .map(m -> UUID.fromString(m.personId())).distinct().toList());
    List<Member> staff = listed.stream().map(m -> m.state() == MemberState.ON_DUTY && m.personId() != null
        ? m.tested(tests.get(m.personId())) : m).toList();
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
    return new Staffing(site.id(), site.name(), site.usableRooms(), posts, staff, total,
        keyGroups.exists(KEY_GROUP));
  }

  /**
   * The persons a site's staff page may name (its person picker, at most 8): the registry's search inside the
   * caller's jurisdiction, masked per role; 404 outside the caller's sites. A site manager needs no registry
   * rights beyond this.
   */
  @Transactional(readOnly = true)
  public org.epicommand.shared.PageResult<org.epicommand.person.PersonSummary> candidates(UUID siteId, String q) {
    writable(siteId);
    if (q == null || q.isBlank()) {
      return new org.epicommand.shared.PageResult<>(List.of(), 0, 8, false, 0L);
    }
    return persons.search(q, null, org.epicommand.shared.Paging.of(0, 8));
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

  /**
   * Puts a person of the registry on a post and shift: 400 naming the fields, 404 for a person outside the caller's
   * jurisdiction, 409 at a retired site. The person becomes an open member of the key group of site staff
   * ({@link #KEY_GROUP}, tested daily) when the city has defined it, to the planned last day of their open posts.
   */
  @Transactional
  public Member add(UUID siteId, NewMember member) {
    UUID site = writable(siteId);
    NewMember m = member == null ? new NewMember(null, null, null, null, null, null) : member;
    List<FieldProblem> problems = new ArrayList<>();
    UUID personId = uuid(m.personId());
    if (personId == null) {
      problems.add(FieldProblem.of("personId", "quarantine.post.person"));
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
    PersonReference person = persons.reference(personId).orElseThrow(() -> new RecordNotFound("PERSON"));
    sites.requireInService(site);
    QuarantineSite place = sites.site(site);
    UUID id = UUID.randomUUID();
    store.insert(id, site, personId, person.name(), new NewMember(m.personId(), phone, m.post(), m.shift(), from,
        m.loopTo()), currentUser.get().username(), clock.instant());
    audit.record(AuditAction.UPDATE, QuarantineSites.SUBJECT, site.toString(), "staff " + m.post() + " "
        + m.shift() + " added");
    keyGroup.join(KEY_GROUP, new KeyGroupMembers.Joining(personId, person.name(), place.name(),
        place.jurisdictionCode(), "隔离点" + word(m.post()), from, m.loopTo(), true, SOURCE));
    followPosts(List.of(personId));
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
    if (m.personId() != null) {
      followPosts(List.of(UUID.fromString(m.personId())));
    }
    return member(site, memberId);
  }

  /**
   * The day after a planned last day: ends every post (not left) whose planned last day ({@code loopTo}) lies before
   * {@code today} — the worker has left as planned ({@link MemberState#LEFT}, their loop ending on that day) — and
   * retires the site-staff key-group membership ({@link #KEY_GROUP}) of each person left on no post at any site, to the
   * day they left the last one (the membership of one still on a post ends on the planned last day of the posts left
   * open). Set-based and idempotent (a second run ends nothing); each ended post is audited on its site by
   * {@code system}. Answers the posts ended. Run daily shortly after midnight in the city's zone.
   */
  @Transactional
  public int endPlannedLoops(LocalDate today) {
    List<SitePostStore.Ended> ended = store.endPlanned(today, clock.instant());
    for (SitePostStore.Ended e : ended) {
      audit.recordAs("system", AuditAction.UPDATE, QuarantineSites.SUBJECT, e.site().toString(), "staff " + e.post()
          + " left as planned");
    }
    List<UUID> persons = ended.stream().map(SitePostStore.Ended::person).filter(java.util.Objects::nonNull)
        .distinct().toList();
    if (!persons.isEmpty()) {
      followPosts(persons);
    }
    return ended.size();
  }

  /**
   * Brings every site-staff membership ({@link #KEY_GROUP}) in line with its person's open posts, as a change of one
   * of their posts would ({@link #followPosts}): a membership kept from before memberships followed the posts ends
   * on the latest planned last day of the person's open posts (none when one of them has none), and one of a person
   * left on no post is retired to the day they left the last one, days back as it may be. Only a membership that
   * differs is written, each change audited on the membership by {@code system} (the platform runs this, with no
   * caller); when all are in line it reads the posts once and writes nothing, so it may run at every start
   * ({@code QuarantineJobs}). In batches of {@value #ALIGN_BATCH} persons. Answers how many memberships it changed.
   */
  @Transactional
  public int alignMemberships() {
    if (!keyGroups.exists(KEY_GROUP)) {
      return 0;
    }
    List<UUID> staff = store.persons();
    int changed = 0;
    for (int i = 0; i < staff.size(); i += ALIGN_BATCH) {
      changed += followPosts(staff.subList(i, Math.min(staff.size(), i + ALIGN_BATCH)));
    }
    return changed;
  }

  /**
   * The site-staff memberships ({@link #KEY_GROUP}) of these persons follow their open posts at every site: one left
   * on no post is retired to the day they left the last one (the latest day any of their posts ended: today for a
   * post left today, earlier when this catches up); one still on a post ends on the latest planned last day of those
   * posts (none when one of them has no planned last day). Posts are read once. Answers how many memberships
   * changed.
   */
  private int followPosts(List<UUID> persons) {
    Map<UUID, SitePostStore.Standing> standings = store.standings(persons);
    Map<UUID, LocalDate> ends = new java.util.HashMap<>();
    Map<UUID, LocalDate> left = new java.util.HashMap<>();
    for (UUID person : persons) {
      SitePostStore.Standing standing = standings.get(person);
      if (standing != null && standing.onPost()) {
        ends.put(person, standing.day());
      } else {
        left.put(person, standing == null ? null : standing.day());
      }
    }
    return keyGroup.leave(KEY_GROUP, left, SOURCE) + keyGroup.endOn(KEY_GROUP, ends, SOURCE);
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

  /** The post in words, as the key group's roster shows it. */
  private static String word(Post post) {
    return switch (post) {
      case MANAGER -> "管理";
      case MEDICAL -> "医护";
      case SECURITY -> "安保";
      case CLEANING -> "保洁消杀";
      case CATERING -> "餐饮";
      case TRANSFER -> "转运";
    };
  }

  private static UUID uuid(String text) {
    try {
      return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Member member(UUID site, UUID id) {
    return store.members(site, LocalDate.now(clock)).stream().filter(m -> m.id().equals(id.toString())).findFirst()
        .orElseThrow(() -> new RecordNotFound("SITE_STAFF"));
  }
}
