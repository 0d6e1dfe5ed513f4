package org.epicommand.tipoff;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A tip-off as staff see it: what and where, how it came in, its state, the verification and the
 * reward — never who informed, nor whether anyone can be named ({@link Informant}, the office's
 * alone). {@code overdue}: assigned and not verified past its deadline. The reward names who proposed and who
 * approved it (never the same person). {@code possibleDuplicates}: earlier tip-offs of the same topic about the same
 * subject (the same matched person, or the same subject text in the same place) within 7 days, oldest first.
 * {@code subjectPersonId}: the registry person the office matched the subject to (null: not matched).
 */
public record TipOff(UUID id, String receipt, Channel channel, Topic topic, String subject, String address,
    String description, String jurisdictionCode, String jurisdictionName, State state,
    Instant receivedAt, String assignedCode, String assignedName, Instant assignedAt, Instant dueAt,
    boolean overdue, UUID duplicateOf, String triageNote, Outcome outcome, String findings, Instant verifiedAt,
    BigDecimal rewardAmount, String rewardNote, Instant paidAt, String paymentReference, Instant closedAt,
    String rewardProposedBy, String rewardApprovedBy, Referral referral, List<PossibleDuplicate> possibleDuplicates,
    UUID subjectPersonId) {

  /** The same tip-off with the referral given (its files read). */
  public TipOff withReferral(Referral given) {
    return new TipOff(id, receipt, channel, topic, subject, address, description, jurisdictionCode, jurisdictionName,
        state, receivedAt, assignedCode, assignedName, assignedAt, dueAt, overdue, duplicateOf, triageNote,
        outcome, findings, verifiedAt, rewardAmount, rewardNote, paidAt, paymentReference, closedAt,
        rewardProposedBy, rewardApprovedBy, given, possibleDuplicates, subjectPersonId);
  }

  /** The same tip-off with its possible duplicates given. */
  public TipOff withPossibleDuplicates(List<PossibleDuplicate> given) {
    return new TipOff(id, receipt, channel, topic, subject, address, description, jurisdictionCode, jurisdictionName,
        state, receivedAt, assignedCode, assignedName, assignedAt, dueAt, overdue, duplicateOf, triageNote,
        outcome, findings, verifiedAt, rewardAmount, rewardNote, paidAt, paymentReference, closedAt,
        rewardProposedBy, rewardApprovedBy, referral, List.copyOf(given), subjectPersonId);
  }

  /** An earlier tip-off of the same topic about the same subject: its id, receipt, when it came in, its state. */
  public record PossibleDuplicate(UUID id, String receipt, Instant receivedAt, State state) {}

  /** How it came in. */
  public enum Channel { PUBLIC_FORM, HOTLINE, LETTER, IN_PERSON }

  /** What it is about. */
  public enum Topic {
    CONCEALED_SYMPTOMS, CONCEALED_TRAVEL, UNREPORTED_ARRIVAL, FEVER_DRUG_PURCHASE, ILLEGAL_DRUG_SALE, GATHERING,
    QUARANTINE_BREACH, PRICE_GOUGING, ILLEGAL_ENTRY, OTHER;

    /** Concealment of illness or travel (隐瞒病情、行程): what may be referred to public security or the CDC. */
    public boolean concealment() {
      return this == CONCEALED_SYMPTOMS || this == CONCEALED_TRAVEL;
    }
  }

  /**
   * RECEIVED → ASSIGNED → VERIFYING → SUBSTANTIATED | UNSUBSTANTIATED (also at triage) | DUPLICATE (at triage);
   * SUBSTANTIATED → REWARD_PROPOSED → REWARD_APPROVED | REWARD_DECLINED; REWARD_APPROVED → REWARD_PAID;
   * SUBSTANTIATED, REWARD_DECLINED or REWARD_PAID → CLOSED.
   */
  public enum State {
    RECEIVED, ASSIGNED, VERIFYING, SUBSTANTIATED, UNSUBSTANTIATED, DUPLICATE, REWARD_PROPOSED, REWARD_APPROVED,
    REWARD_DECLINED, REWARD_PAID, CLOSED;

    /** Assigned and waiting for the community's verification. */
    public static final Set<State> VERIFICATION = Set.of(ASSIGNED, VERIFYING);

    /** Turned down, at triage (unfounded, a duplicate) or by the verification (unfounded): an end without ground. */
    public boolean turnedDown() {
      return this == UNSUBSTANTIATED || this == DUPLICATE;
    }

    /** What the informant is told for this state: status only. */
    public PublicStatus publicStatus() {
      return switch (this) {
        case RECEIVED -> PublicStatus.RECEIVED;
        case ASSIGNED, VERIFYING -> PublicStatus.VERIFYING;
        case SUBSTANTIATED, REWARD_PROPOSED, REWARD_DECLINED -> PublicStatus.SUBSTANTIATED;
        case REWARD_APPROVED -> PublicStatus.REWARD_APPROVED;
        case REWARD_PAID -> PublicStatus.REWARD_PAID;
        case UNSUBSTANTIATED, DUPLICATE -> PublicStatus.NOT_SUBSTANTIATED;
        case CLOSED -> PublicStatus.CLOSED;
      };
    }
  }

  /** The informant's view of the state (查询办理进度). */
  public enum PublicStatus {
    RECEIVED, VERIFYING, SUBSTANTIATED, NOT_SUBSTANTIATED, REWARD_APPROVED, REWARD_PAID, CLOSED
  }

  /** What the community's verification found. */
  public enum Outcome {
    CONFIRMED, PARTLY_CONFIRMED, UNFOUNDED;

    public boolean substantiated() {
      return this != UNFOUNDED;
    }
  }

  /** Why the office turns it down at triage. */
  public enum Rejection { UNFOUNDED, DUPLICATE }

  /** What the receipt number tells the informant: the state in their words, nothing personal. */
  public record Status(String receipt, Instant receivedAt, PublicStatus status) {}

  /** A tip-off to record: the public's own (no channel) or staff's (hotline 12345, letter, in person). */
  public record New(Channel channel, Topic topic, String subject, String address, String jurisdictionCode,
      String description, String informantName, String informantPhone, String informantDocument,
      String informantPaymentAccount) {}

  /**
   * Who informed — name, phone, document, the account a reward is paid to, the client address of a public
   * submission: encrypted at rest, the office's alone, every read audited.
   */
  public record Informant(UUID tipOffId, String name, String phone, String document, String paymentAccount,
      String clientAddress, boolean anonymous) {}

  /** The office's triage: assign to a community (blank: the community of the place). */
  public record Assignment(String communityCode, String note) {}

  /** The office turns it down: unfounded, or a duplicate of an earlier tip-off. */
  public record Refusal(Rejection reason, UUID duplicateOf, String note) {}

  /** The community's verification: the outcome and what was found. */
  public record Verification(Outcome outcome, String findings) {}

  /** A reward proposal (amount in yuan), a decision's note, or the payment's reference. */
  public record Reward(BigDecimal amount, String note) {}

  /**
   * A substantiated concealment referred with its evidence: the tip-off's concealment case ({@link
   * ConcealmentCases}), REFERRED → DECIDED → CLOSED. {@code files}: the evidence's
   * files, on a tip-off's record (not in lists, where it is null).
   */
  public record Referral(UUID id, Concealed concealed, ReferredTo referredTo, String evidence, String legalBasis,
      ConcealmentState state, Instant referredAt, String referredBy, ReferralOutcome outcome,
      java.time.LocalDate decidedOn, String decisionNote, java.util.List<EvidenceFile> files) {

    public Referral withFiles(java.util.List<EvidenceFile> list) {
      return new Referral(id, concealed, referredTo, evidence, legalBasis, state, referredAt, referredBy, outcome,
          decidedOn, decisionNote, list);
    }
  }

  /** A file of a referral's evidence: PDF, JPEG, PNG or WebP by its content. */
  public record EvidenceFile(UUID id, String fileName, String contentType, long size, Instant uploadedAt,
      String uploadedBy) {}

  /** What was concealed. */
  public enum Concealed { SYMPTOMS, TRAVEL, CONTACT, RESULT, IDENTITY }

  /** Who it goes to. */
  public enum ReferredTo { PUBLIC_SECURITY, CDC, MARKET_REGULATION, HEALTH_SUPERVISION }

  /** What the authority decided. */
  public enum ReferralOutcome { WARNING, FINE, ADMIN_DETENTION, CRIMINAL_CASE, NO_ACTION }

  /** A referral to make. */
  public record NewReferral(Concealed concealed, ReferredTo referredTo, String evidence, String legalBasis) {}

  /** The authority's decision on a referral. */
  public record Decision(ReferralOutcome outcome, java.time.LocalDate decidedOn, String note) {}
}
