package org.epicommand.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.shared.Conflict;
import org.epicommand.supervision.ProblemState;

/**
 * The problem aggregate: its state and the guarded moves of the lifecycle. Every illegal move is
 * a {@link Conflict} naming the current state (409).
 */
public final class ProblemItem {

  private final UUID id;
  private String unitCode;
  private String unitName;
  private String unitPath;
  private LocalDate deadline;
  private ProblemState state;
  private int round;
  private int rejections;
  private boolean fixedOnSpot;
  private Instant assignedAt;
  private Instant verifiedAt;
  private Instant closedAt;

  ProblemItem(UUID id, String unitCode, String unitName, String unitPath, LocalDate deadline, ProblemState state,
      int round, int rejections, boolean fixedOnSpot, Instant assignedAt, Instant verifiedAt, Instant closedAt) {
    this.id = id;
    this.unitCode = unitCode;
    this.unitName = unitName;
    this.unitPath = unitPath;
    this.deadline = deadline;
    this.state = state;
    this.round = round;
    this.rejections = rejections;
    this.fixedOnSpot = fixedOnSpot;
    this.assignedAt = assignedAt;
    this.verifiedAt = verifiedAt;
    this.closedAt = closedAt;
  }

  /** FOUND → ASSIGNED: the responsible unit and the deadline are fixed now. */
  public void assign(String code, String name, String path, LocalDate newDeadline, Instant now) {
    require(ProblemState.FOUND);
    unitCode = code;
    unitName = name;
    unitPath = path;
    deadline = newDeadline;
    assignedAt = now;
    state = ProblemState.ASSIGNED;
  }

  /** ASSIGNED → RECTIFYING: the unit has taken it up. */
  public void startRectifying() {
    require(ProblemState.ASSIGNED);
    state = ProblemState.RECTIFYING;
  }

  /** RECTIFYING → EVIDENCE_SUBMITTED, only with evidence uploaded in this rectification round. */
  public void submitEvidence(int evidenceThisRound) {
    require(ProblemState.RECTIFYING);
    if (evidenceThisRound == 0) {
      throw Conflict.illegalTransition("supervision.noEvidence", state);
    }
    state = ProblemState.EVIDENCE_SUBMITTED;
  }

  /** EVIDENCE_SUBMITTED → VERIFIED. */
  public void verify(Instant now) {
    require(ProblemState.EVIDENCE_SUBMITTED);
    verifiedAt = now;
    state = ProblemState.VERIFIED;
  }

  /** EVIDENCE_SUBMITTED → (rejected) → RECTIFYING; the next round needs new evidence. */
  public void reject() {
    require(ProblemState.EVIDENCE_SUBMITTED);
    rejections++;
    round++;
    state = ProblemState.RECTIFYING;
  }

  /** VERIFIED → CLOSED (对账销号). */
  public void close(Instant now) {
    require(ProblemState.VERIFIED);
    closedAt = now;
    state = ProblemState.CLOSED;
  }

  /** FOUND → CLOSED, fixed on the spot (立行立改) — only with evidence of the fix. */
  public void fixOnSpot(int evidence, Instant now) {
    require(ProblemState.FOUND);
    if (evidence == 0) {
      throw Conflict.illegalTransition("supervision.noEvidence", state);
    }
    fixedOnSpot = true;
    verifiedAt = now;
    closedAt = now;
    state = ProblemState.CLOSED;
  }

  /** Past its deadline (a whole day after it, in the city's zone) and not yet verified or closed. */
  public static boolean overdue(ProblemState state, LocalDate deadline, LocalDate today) {
    return deadline != null && today.isAfter(deadline) && !state.isSettled();
  }

  private void require(ProblemState expected) {
    if (state != expected) {
      throw Conflict.illegalTransition("supervision.problemIllegal", state);
    }
  }

  public UUID id() {
    return id;
  }

  public String unitCode() {
    return unitCode;
  }

  public String unitName() {
    return unitName;
  }

  public String unitPath() {
    return unitPath;
  }

  public LocalDate deadline() {
    return deadline;
  }

  public ProblemState state() {
    return state;
  }

  public int round() {
    return round;
  }

  public int rejections() {
    return rejections;
  }

  public boolean fixedOnSpot() {
    return fixedOnSpot;
  }

  public Instant assignedAt() {
    return assignedAt;
  }

  public Instant verifiedAt() {
    return verifiedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }
}
