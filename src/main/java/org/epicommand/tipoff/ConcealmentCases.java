package org.epicommand.tipoff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.person.PersonReference;
import org.epicommand.person.PersonRegistry;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.StateFilter;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tipoff.internal.ConcealmentLifecycle;
import org.epicommand.tipoff.internal.ConcealmentStore;
import org.epicommand.tracing.ConcealmentFlagged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concealment cases (隐瞒病情、行程案件), the tip-off office's: from a substantiated tip-off (its referral, opened
 * referred), from an investigation that found concealment ({@link ConcealmentFlagged}, opened for the office to
 * refer) or opened by the office itself. OPEN → REFERRED (to an authority, on the legal basis the office enters)
 * → DECIDED (the authority's decision) → CLOSED; an open case may be closed without referral, with the reason. Fields
 * are checked first (400, nothing stored), then the move (409 naming the state). Cases outside the caller's
 * jurisdiction are not found; every read and every change is audited.
 */
@Service
public class ConcealmentCases {

  private static final int EVIDENCE_MAX = 4000;
  /** How much of the evidence a notice quotes: enough to know the case by, on a phone; the case holds it all. */
  private static final int NOTICE_EVIDENCE = 300;

  private final ConcealmentStore store;
  private final Jurisdictions jurisdictions;
  private final PersonRegistry persons;
  private final Notifications notifications;
  private final MessageSource messages;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ConcealmentCases(ConcealmentStore store, Jurisdictions jurisdictions, PersonRegistry persons,
      Notifications notifications, MessageSource messages, CurrentUser currentUser, AuditTrail audit,
      ApplicationEventPublisher events, Clock clock) {
    this.messages = messages;
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.persons = persons;
    this.notifications = notifications;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The cases inside the caller's jurisdiction (narrowed to a division inside it): state ACTIVE (the default: open,
   * referred or decided), one state or ALL; the newest first. The list read is audited.
   */
  @Transactional
  public PageResult<ConcealmentCase> list(String jurisdiction, String state, Paging paging) {
    UserContext user = currentUser.get();
    JurisdictionScope within = jurisdictions.narrow(user.scope(), jurisdiction);
    List<ConcealmentState> states;
    if (state == null || state.isBlank() || "ACTIVE".equalsIgnoreCase(state.strip())) {
      states = List.of(ConcealmentState.OPEN, ConcealmentState.REFERRED, ConcealmentState.DECIDED);
    } else {
      ConcealmentState chosen = StateFilter.parse(state, ConcealmentState.class, null);
      states = chosen == null ? Arrays.asList(ConcealmentState.values()) : List.of(chosen);
    }
    PageResult<ConcealmentCase> page = paging.toResult(store.list(within, states, paging), null);
    audit.record(AuditAction.READ, ConcealmentStore.SUBJECT, "list",
        jurisdiction == null || jurisdiction.isBlank() ? "list" : "list in " + jurisdiction.strip());
    return page;
  }

  /** A case of the caller's jurisdiction with its evidence's files (404 otherwise); audited. */
  @Transactional
  public ConcealmentCase get(UUID id) {
    ConcealmentCase found = store.find(id, currentUser.get().scope());
    audit.record(AuditAction.READ, ConcealmentStore.SUBJECT, id.toString(), null);
    return found;
  }

  /** A case the office opens itself, inside its jurisdiction; the person chosen must be one it may see. */
  @Transactional
  public ConcealmentCase open(ConcealmentCase.New request) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null || request.concealed() == null) {
      problems.add(FieldProblem.of("concealed", "tipoff.concealed"));
    }
    PersonReference person = null;
    if (request != null && request.personId() != null) {
      person = persons.reference(request.personId()).orElse(null);
      if (person == null) {
        problems.add(FieldProblem.of("personId", "tipoff.subjectPerson"));
      }
    } else {
      TipOffs.text(problems, "subjectName", request == null ? null : request.subjectName(), true, 200);
    }
    Jurisdiction place = null;
    if (request == null || TipOffs.blank(request.jurisdictionCode())) {
      problems.add(FieldProblem.of("jurisdictionCode", "tipoff.place"));
    } else {
      place = jurisdictions.find(request.jurisdictionCode().strip()).filter(j -> user.scope().contains(j.path()))
          .orElse(null);
      if (place == null) {
        problems.add(FieldProblem.of("jurisdictionCode", "tipoff.place"));
      }
    }
    TipOffs.text(problems, "evidence", request == null ? null : request.evidence(), true, EVIDENCE_MAX);
    TipOffs.text(problems, "sourceReference", request == null ? null : request.sourceReference(), false, 100);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    store.insert(new ConcealmentStore.Insert(id, ConcealmentState.OPEN, ConcealmentCase.Source.OFFICE, null,
        TipOffs.strip(request.sourceReference()), null, request.personId(),
        person != null ? person.name() : request.subjectName().strip(), request.concealed(),
        request.evidence().strip(), place.code(), place.name(), place.path(), clock.instant(), user.username(), null,
        null));
    audit.record(AuditAction.CREATE, ConcealmentStore.SUBJECT, id.toString(), "OFFICE " + request.concealed());
    return store.find(id, user.scope());
  }

  /**
   * An investigation found concealment: its case, OPEN for the office to refer (platform work: no user; once per
   * investigation and kind however often the event comes), and the office of the case's jurisdiction told.
   */
  @Transactional
  public void openFlagged(ConcealmentFlagged flag) {
    Jurisdiction place = jurisdictions.find(flag.jurisdictionCode()).orElseThrow();
    TipOff.Concealed concealed = TipOff.Concealed.valueOf(flag.concealed().name());
    String name = persons.referenceForPlatform(flag.personId()).map(PersonReference::name).orElse(null);
    UUID id = UUID.randomUUID();
    boolean opened = store.insert(new ConcealmentStore.Insert(id, ConcealmentState.OPEN,
        ConcealmentCase.Source.INVESTIGATION, flag.investigationId(), null, null, flag.personId(), name, concealed,
        flag.evidence(), place.code(), place.name(), place.path(), flag.flaggedAt(), flag.flaggedBy(), null, null));
    if (!opened) {
      return;
    }
    audit.recordAs("system", AuditAction.CREATE, ConcealmentStore.SUBJECT, id.toString(),
        "INVESTIGATION " + flag.investigationId() + " " + concealed);
    String title = messages.getMessage("concealment.notice.title", new Object[] {name == null ? "" : name,
        messages.getMessage("tipoff.concealed." + concealed, null, Locale.SIMPLIFIED_CHINESE)},
        Locale.SIMPLIFIED_CHINESE);
    String evidence = flag.evidence().length() <= NOTICE_EVIDENCE ? flag.evidence()
        : flag.evidence().substring(0, NOTICE_EVIDENCE) + "…";
    String body = messages.getMessage("concealment.notice.body", new Object[] {place.name(), evidence},
        Locale.SIMPLIFIED_CHINESE);
    notifications.sendAll(jurisdictions.ancestry(place.code()).stream()
        .map(j -> Notice.toRoles(j.code(), Set.of(Role.TIP_OFF_OFFICE), "CONCEALMENT_CASE", title, body,
            "/concealment/" + id)).toList());
  }

  /**
   * A substantiated tip-off's referral: its case, opened referred (the caller has checked the tip-off and the
   * fields).
   */
  UUID openReferred(TipOff tip, TipOff.NewReferral referral, UserContext user) {
    String jurisdictionPath = jurisdictions.find(tip.jurisdictionCode()).orElseThrow().path();
    UUID id = UUID.randomUUID();
    store.insert(new ConcealmentStore.Insert(id, ConcealmentState.REFERRED, ConcealmentCase.Source.TIP_OFF,
        tip.id(), tip.receipt(), tip.id(), tip.subjectPersonId(), tip.subject(), referral.concealed(),
        referral.evidence().strip(), tip.jurisdictionCode(), tip.jurisdictionName(), jurisdictionPath,
        clock.instant(), user.username(), referral.referredTo(), TipOffs.strip(referral.legalBasis())));
    audit.record(AuditAction.CREATE, ConcealmentStore.SUBJECT, id.toString(),
        "TIP_OFF " + tip.id() + " " + referral.concealed());
    events.publishEvent(new ConcealmentReferred(id, tip.id(), referral.concealed(), referral.referredTo(),
        tip.jurisdictionCode()));
    return id;
  }

  /** OPEN → REFERRED to an authority, on the legal basis entered. */
  @Transactional
  public ConcealmentCase refer(UUID id, ConcealmentCase.Referral referral) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    if (referral == null || referral.referredTo() == null) {
      problems.add(FieldProblem.of("referredTo", "tipoff.referredTo"));
    }
    TipOffs.text(problems, "legalBasis", referral == null ? null : referral.legalBasis(), false, 200);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    ConcealmentLifecycle lifecycle = store.lock(id, user.scope());
    lifecycle.refer();
    store.refer(id, new ConcealmentCase.Referral(referral.referredTo(), TipOffs.strip(referral.legalBasis())),
        clock.instant(), user.username());
    ConcealmentCase referred = moved(id, user, "REFERRED " + referral.referredTo());
    events.publishEvent(new ConcealmentReferred(id, referred.tipOffId(), referred.concealed(),
        referral.referredTo(), referred.jurisdictionCode()));
    return referred;
  }

  /** The authority's decision: REFERRED → DECIDED, on a day not to come. */
  @Transactional
  public ConcealmentCase decide(UUID id, TipOff.Decision decision) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    if (decision == null || decision.outcome() == null) {
      problems.add(FieldProblem.of("outcome", "tipoff.referralOutcome"));
    }
    LocalDate today = LocalDate.now(clock);
    if (decision == null || decision.decidedOn() == null || decision.decidedOn().isAfter(today)) {
      problems.add(FieldProblem.of("decidedOn", "tipoff.decidedOn"));
    }
    TipOffs.text(problems, "note", decision == null ? null : decision.note(), false, 500);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    ConcealmentLifecycle lifecycle = store.lock(id, user.scope());
    lifecycle.decide();
    store.decide(id, new TipOff.Decision(decision.outcome(), decision.decidedOn(), TipOffs.strip(decision.note())));
    return moved(id, user, "DECIDED " + decision.outcome());
  }

  /** DECIDED → CLOSED; OPEN → CLOSED without referral, with the reason (400 without one). */
  @Transactional
  public ConcealmentCase close(UUID id, ConcealmentCase.Closing closing) {
    UserContext user = currentUser.get();
    String note = closing == null ? null : closing.note();
    List<FieldProblem> problems = new ArrayList<>();
    TipOffs.text(problems, "note", note, false, 500);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    ConcealmentLifecycle lifecycle = store.lock(id, user.scope());
    if (lifecycle.closingNeedsReason() && TipOffs.blank(note)) {
      throw new ValidationFailure(FieldProblem.of("note", "concealment.closeReason"));
    }
    lifecycle.close(!TipOffs.blank(note));
    store.close(id, TipOffs.strip(note), clock.instant(), user.username());
    return moved(id, user, "CLOSED");
  }

  /** The case of a tip-off's referral (404 when the tip-off has none). */
  UUID ofTipOff(UUID tipOffId) {
    return store.ofTipOff(tipOffId).orElseThrow(() -> new RecordNotFound(ReferralEvidence.SUBJECT));
  }

  private ConcealmentCase moved(UUID id, UserContext user, String detail) {
    audit.record(AuditAction.UPDATE, ConcealmentStore.SUBJECT, id.toString(), detail);
    return store.find(id, user.scope());
  }
}
