package org.epicommand.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.analytics.Bulletin.Figures;
import org.epicommand.analytics.Dashboard.DashboardView;
import org.epicommand.analytics.internal.BulletinStore;
import org.epicommand.analytics.internal.BulletinText;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public bulletin (信息发布, docs/domain.md §16): drafted from the day's figures of the caller's jurisdiction,
 * edited while a draft, approved, then published (DRAFT → APPROVED → PUBLISHED; any other move is 409).
 * Four eyes: the one who drafted or last edited the text does not approve it (409). A day's bulletin is
 * published only once that day has ended in the city's zone (409 before). Every change is audited.
 * Published bulletins are public: text, area name and counts only.
 */
@Service
@Transactional
public class Bulletins {

  public static final String SUBJECT = "BULLETIN";
  /** The longest text an editor may save. */
  public static final int MAX_TEXT = 5_000;
  /** How many bulletins the lists show. */
  public static final int LIST_LIMIT = 60;

  private final BulletinStore store;
  private final BulletinText drafts;
  private final Dashboard dashboard;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Bulletins(BulletinStore store, BulletinText drafts, Dashboard dashboard, Jurisdictions jurisdictions,
      CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.drafts = drafts;
    this.dashboard = dashboard;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Drafts the bulletin of {@code date} (today when null) from the data; 409 when the day has one. */
  public Bulletin draft(LocalDate date) {
    LocalDate today = LocalDate.now(clock);
    LocalDate day = date == null ? today : date;
    if (day.isAfter(today) || day.isBefore(today.minusYears(5))) {
      throw new ValidationFailure(FieldProblem.of("date", "analytics.reportDate"));
    }
    if (store.exists(day).isPresent()) {
      throw Conflict.duplicate("analytics.bulletin.exists", day.toString());
    }
    UserContext user = currentUser.get();
    DashboardView view = dashboard.view(null, day);
    boolean city = jurisdictions.find(user.jurisdictionCode())
        .map(j -> j.level().number() <= JurisdictionLevel.CITY.number()).orElse(false);
    String area = city ? drafts.cityArea() : user.jurisdictionName();
    String text = drafts.draft(view, area, day.equals(today));
    Dashboard.Today t = view.today();
    Figures figures = new Figures(t.localConfirmed(), t.conversions(), t.localAsymptomatic(), t.importedConfirmed(),
        t.importedAsymptomatic());
    if (!store.insert(day, user.jurisdictionCode(), user.scope().path(), user.jurisdictionName(), text, figures,
        user.username(), OffsetDateTime.now(clock))) {
      throw Conflict.duplicate("analytics.bulletin.exists", day.toString());
    }
    audit.record(AuditAction.CREATE, SUBJECT, day.toString(), "draft");
    return get(day);
  }

  @Transactional(readOnly = true)
  public Bulletin get(LocalDate day) {
    return store.find(day, currentUser.get().scope()).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  @Transactional(readOnly = true)
  public List<Bulletin> list() {
    return store.list(currentUser.get().scope(), LIST_LIMIT);
  }

  /** Replaces the text of a draft (409 once approved). */
  public Bulletin edit(LocalDate day, String text) {
    Bulletin bulletin = get(day);
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT) {
      throw new ValidationFailure(FieldProblem.of("text", "analytics.bulletin.text", MAX_TEXT));
    }
    if (bulletin.state() != BulletinState.DRAFT
        || !store.updateText(day, BulletinState.DRAFT, trimmed, currentUser.get().username(),
            OffsetDateTime.now(clock))) {
      throw Conflict.illegalTransition("analytics.bulletin.notDraft", get(day).state());
    }
    audit.record(AuditAction.UPDATE, SUBJECT, day.toString(), "edit");
    return get(day);
  }

  /** Approves a draft; 409 for the one who drafted it or last edited its text. */
  public Bulletin approve(LocalDate day) {
    Bulletin bulletin = get(day);
    String user = currentUser.get().username();
    if (bulletin.state() == BulletinState.DRAFT
        && (user.equals(bulletin.createdBy()) || user.equals(bulletin.updatedBy()))) {
      throw Conflict.illegalTransition("analytics.bulletin.ownApproval", bulletin.state());
    }
    return move(day, BulletinState.APPROVED, "analytics.bulletin.approve");
  }

  /** Publishes an approved bulletin once its day has ended in the city's zone (409 before). */
  public Bulletin publish(LocalDate day) {
    Bulletin bulletin = get(day);
    if (bulletin.state() == BulletinState.APPROVED && !day.isBefore(LocalDate.now(clock))) {
      throw Conflict.illegalTransition("analytics.bulletin.dayNotOver", bulletin.state());
    }
    return move(day, BulletinState.PUBLISHED, "analytics.bulletin.publish");
  }

  /** Published bulletins, newest first: no login needed. */
  @Transactional(readOnly = true)
  public List<Bulletin.Public> published() {
    return store.published(LIST_LIMIT).stream().map(Bulletin::toPublic).toList();
  }

  /** The published bulletin of a day; 404 when there is none (a draft is not public). */
  @Transactional(readOnly = true)
  public Bulletin.Public publishedOn(LocalDate day) {
    return store.publishedOn(day).map(Bulletin::toPublic).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private Bulletin move(LocalDate day, BulletinState to, String code) {
    Bulletin bulletin = get(day);
    if (!bulletin.state().canMoveTo(to)
        || !store.move(day, bulletin.state(), to, currentUser.get().username(), OffsetDateTime.now(clock))) {
      throw Conflict.illegalTransition(code, get(day).state());
    }
    audit.record(AuditAction.UPDATE, SUBJECT, day.toString(), to.name().toLowerCase(java.util.Locale.ROOT));
    return get(day);
  }
}
