package org.epicommand.tipoff;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.person.PersonRegistry;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tipoff.internal.TipOffCase;
import org.epicommand.tipoff.internal.TipOffProperties;
import org.epicommand.tipoff.internal.TipOffStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moves of a tip-off through {@link TipOffCase}: the office triages (assigns to the community of the
 * place, or turns it down as unfounded or a duplicate), the community verifies within the deadline
 * ({@code epicommand.tipoff.verify-within}), the office decides the reward and refers a substantiated
 * concealment with its evidence. Fields are checked first (400, nothing stored), then the move (409
 * naming the current state); every move is audited in its transaction. A tip-off turned down (at triage or by
 * the verification) whose subject was matched to a person publishes {@link TipOffTurnedDown}.
 */
@Service
public class TipOffDesk {

  private final TipOffStore store;
  private final TipOffs tipOffs;
  private final ConcealmentCases cases;
  private final RewardScales scales;
  private final PersonRegistry persons;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final TipOffProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TipOffDesk(TipOffStore store, TipOffs tipOffs, ConcealmentCases cases, RewardScales scales, PersonRegistry persons,
      CurrentUser currentUser, AuditTrail audit, TipOffProperties properties, ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.scales = scales;
    this.cases = cases;
    this.persons = persons;
    this.tipOffs = tipOffs;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /**
   * RECEIVED → ASSIGNED to a community inside the office's jurisdiction (default: the place's own), due within
   * {@code verify-within} (24 h), or {@code verify-within-rural} (48 h) for a villagers' committee.
   */
  @Transactional
  public TipOff assign(UUID id, TipOff.Assignment assignment) {
    UserContext user = currentUser.get();
    String code = assignment == null ? null : assignment.communityCode();
    String note = note(assignment == null ? null : assignment.note(), "note", 500);
    TipOff tip = find(id, user);
    Jurisdiction community = tipOffs.community(TipOffs.blank(code) ? tip.jurisdictionCode() : code, user.scope());
    if (community == null) {
      throw new ValidationFailure(FieldProblem.of("communityCode", "tipoff.place"));
    }
    TipOffCase lifecycle = store.lock(id, user.scope(), true);
    lifecycle.assign();
    Instant now = clock.instant();
    store.update(id, lifecycle.state(), "assigned_code", community.code(), "assigned_name", community.name(),
        "assigned_path", community.path(), "assigned_at", now,
        "due_at", now.plus(community.rural() ? properties.verifyWithinRural() : properties.verifyWithin()),
        "triage_note", note);
    return moved(id, user, "ASSIGN " + community.code());
  }

  /** RECEIVED → UNSUBSTANTIATED (unfounded) or DUPLICATE of an earlier tip-off of the jurisdiction. */
  @Transactional
  public TipOff reject(UUID id, TipOff.Refusal refusal) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    if (refusal == null || refusal.reason() == null) {
      problems.add(FieldProblem.of("reason", "tipoff.reason"));
    } else if (refusal.reason() == TipOff.Rejection.DUPLICATE && (refusal.duplicateOf() == null
        || refusal.duplicateOf().equals(id) || !store.exists(refusal.duplicateOf(), user.scope()))) {
      problems.add(FieldProblem.of("duplicateOf", "tipoff.duplicateOf"));
    }
    String note = refusal == null ? null : refusal.note();
    TipOffs.text(problems, "note", note, false, 500);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    TipOffCase lifecycle = store.lock(id, user.scope(), true);
    lifecycle.reject(refusal.reason());
    store.update(id, lifecycle.state(), "duplicate_of",
        refusal.reason() == TipOff.Rejection.DUPLICATE ? refusal.duplicateOf() : null, "triage_note",
        TipOffs.strip(note), "closed_at", clock.instant());
    return turnedDown(moved(id, user, lifecycle.state().name()));
  }

  /**
   * The office matches the subject to a registry person inside its jurisdiction (400 {@code personId} otherwise), in
   * any state: tip-offs of the same topic about the same person within 7 days are possible duplicates. Publishes
   * {@link TipOffSubjectMatched}.
   */
  @Transactional
  public TipOff matchSubject(UUID id, UUID personId) {
    UserContext user = currentUser.get();
    if (personId == null || persons.reference(personId).isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("personId", "tipoff.subjectPerson"));
    }
    store.lock(id, user.scope(), true);
    store.matchSubject(id, personId);
    TipOff tip = moved(id, user, "SUBJECT_PERSON " + personId);
    events.publishEvent(new TipOffSubjectMatched(id, tip.topic(), tip.state(), personId, tip.receivedAt(),
        tip.address()));
    return tip;
  }

  /** ASSIGNED → VERIFYING: the community worker takes it up. */
  @Transactional
  public TipOff start(UUID id) {
    UserContext user = currentUser.get();
    TipOffCase lifecycle = store.lock(id, user.scope(), false);
    lifecycle.start();
    store.update(id, lifecycle.state(), "verified_by", user.username());
    return moved(id, user, "VERIFYING");
  }

  /** ASSIGNED or VERIFYING → SUBSTANTIATED (confirmed, partly confirmed) or UNSUBSTANTIATED, with the findings. */
  @Transactional
  public TipOff verify(UUID id, TipOff.Verification verification) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    if (verification == null || verification.outcome() == null) {
      problems.add(FieldProblem.of("outcome", "tipoff.outcome"));
    }
    TipOffs.text(problems, "findings", verification == null ? null : verification.findings(), true, 2000);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    TipOffCase lifecycle = store.lock(id, user.scope(), false);
    boolean substantiated = lifecycle.verify(verification.outcome());
    Instant now = clock.instant();
    store.update(id, lifecycle.state(), "outcome", verification.outcome(), "findings",
        verification.findings().strip(), "verified_at", now, "verified_by", user.username(), "closed_at",
        substantiated ? null : now);
    TipOff tip = moved(id, user, verification.outcome().name());
    if (substantiated) {
      events.publishEvent(new TipOffSubstantiated(id, tip.topic(), tip.assignedCode()));
      return tip;
    }
    return turnedDown(tip);
  }

  /** A tip-off turned down whose subject was matched to a person: publishes {@link TipOffTurnedDown}. */
  private TipOff turnedDown(TipOff tip) {
    if (tip.subjectPersonId() != null) {
      events.publishEvent(new TipOffTurnedDown(tip.id(), tip.topic(), tip.state(), tip.subjectPersonId()));
    }
    return tip;
  }

  /**
   * SUBSTANTIATED → REWARD_PROPOSED with the amount (yuan, more than 0 and at most 100,000): without one, the standard
   * amount of the topic's reward scale; above the scale's ceiling, 400 {@code amount}.
   */
  @Transactional
  public TipOff proposeReward(UUID id, TipOff.Reward reward) {
    UserContext user = currentUser.get();
    BigDecimal asked = reward == null ? null : reward.amount();
    List<FieldProblem> problems = new ArrayList<>();
    if (asked != null && !RewardScales.valid(asked)) {
      problems.add(FieldProblem.of("amount", "tipoff.amount"));
    }
    TipOffs.text(problems, "note", reward == null ? null : reward.note(), false, 500);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    TipOffCase lifecycle = store.lock(id, user.scope(), true);
    java.util.Optional<RewardScales.Scale> scale = scales.of(lifecycle.topic());
    BigDecimal amount = asked != null ? asked : scale.map(RewardScales.Scale::amount).orElse(null);
    if (amount == null) {
      throw new ValidationFailure(FieldProblem.of("amount", "tipoff.amount"));
    }
    if (scale.isPresent() && amount.compareTo(scale.get().maxAmount()) > 0) {
      throw new ValidationFailure(FieldProblem.of("amount", "tipoff.amountAboveScale",
          scale.get().maxAmount().toPlainString()));
    }
    lifecycle.proposeReward(user.username());
    store.update(id, lifecycle.state(), "reward_amount", amount, "reward_note",
        TipOffs.strip(reward == null ? null : reward.note()), "reward_decided_by", user.username(),
        "reward_proposed_by", user.username());
    return moved(id, user, "REWARD_PROPOSED " + amount.toPlainString());
  }

  /**
   * REWARD_PROPOSED → REWARD_APPROVED (the approver is recorded) or REWARD_DECLINED (with a reason, 400 {@code note}
   * without), either by someone other than the proposer (four eyes, 409 naming the proposer).
   */
  @Transactional
  public TipOff decideReward(UUID id, boolean approve, String note) {
    UserContext user = currentUser.get();
    if (!approve && TipOffs.blank(note)) {
      throw new ValidationFailure(FieldProblem.of("note", "tipoff.required"));
    }
    String reason = note(note, "note", 500);
    TipOffCase lifecycle = store.lock(id, user.scope(), true);
    if (approve) {
      lifecycle.approveReward(user.username());
      store.update(id, lifecycle.state(), "reward_approved_by", user.username());
    } else {
      lifecycle.declineReward(user.username());
    }
    if (reason == null) {
      store.update(id, lifecycle.state(), "reward_decided_by", user.username());
    } else {
      store.update(id, lifecycle.state(), "reward_decided_by", user.username(), "reward_note", reason);
    }
    return moved(id, user, lifecycle.state().name());
  }

  /** REWARD_APPROVED → REWARD_PAID, with the payment's reference. */
  @Transactional
  public TipOff pay(UUID id, String reference) {
    UserContext user = currentUser.get();
    String paid = note(reference, "reference", 100);
    TipOffCase lifecycle = store.lock(id, user.scope(), true);
    lifecycle.pay();
    store.update(id, lifecycle.state(), "paid_at", clock.instant(), "payment_reference", paid);
    return moved(id, user, "REWARD_PAID");
  }

  /** SUBSTANTIATED, REWARD_DECLINED or REWARD_PAID → CLOSED. */
  @Transactional
  public TipOff close(UUID id) {
    UserContext user = currentUser.get();
    TipOffCase lifecycle = store.lock(id, user.scope(), true);
    lifecycle.close();
    store.update(id, lifecycle.state(), "closed_at", clock.instant());
    return moved(id, user, "CLOSED");
  }

  /**
   * Refers a substantiated concealment of illness or travel with its evidence (once: 409 with the
   * existing referral's id after that).
   */
  @Transactional
  public TipOff refer(UUID id, TipOff.NewReferral referral) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    if (referral == null || referral.concealed() == null) {
      problems.add(FieldProblem.of("concealed", "tipoff.concealed"));
    }
    if (referral == null || referral.referredTo() == null) {
      problems.add(FieldProblem.of("referredTo", "tipoff.referredTo"));
    }
    TipOffs.text(problems, "evidence", referral == null ? null : referral.evidence(), true, 4000);
    TipOffs.text(problems, "legalBasis", referral == null ? null : referral.legalBasis(), false, 200);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    TipOffCase lifecycle = store.lock(id, user.scope(), true);
    lifecycle.requireReferable();
    TipOff tip = store.find(id, user.scope(), true, clock.instant());
    if (tip.referral() != null) {
      throw Conflict.duplicate("tipoff.referred", tip.referral().id().toString());
    }
    cases.openReferred(tip, referral, user);
    return moved(id, user, "REFERRED " + referral.referredTo());
  }

  /**
   * The authority's decision on the referral: its concealment case REFERRED → DECIDED (409 once decided, 404 without a
   * referral).
   */
  @Transactional
  public TipOff decideReferral(UUID id, TipOff.Decision decision) {
    UserContext user = currentUser.get();
    store.lock(id, user.scope(), true);
    cases.decide(cases.ofTipOff(id), decision);
    return moved(id, user, "REFERRAL " + decision.outcome());
  }

  private TipOff find(UUID id, UserContext user) {
    return store.find(id, user.scope(), user.has(Permission.TIPOFF_MANAGE), clock.instant());
  }

  private TipOff moved(UUID id, UserContext user, String detail) {
    audit.record(AuditAction.UPDATE, TipOffStore.SUBJECT, id.toString(), detail);
    return find(id, user);
  }

  private static String note(String value, String field, int max) {
    List<FieldProblem> problems = new ArrayList<>();
    TipOffs.text(problems, field, value, false, max);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return TipOffs.strip(value);
  }
}
