package org.epicommand.enterprise.internal;

import java.util.List;
import java.util.UUID;
import org.epicommand.enterprise.ApplicationState;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;

/**
 * The state of a resumption application, guarding its own moves: each is allowed from its states only
 * and refused otherwise with a 409 naming the current state; approval is refused with the list of what
 * it still needs.
 */
public final class Application {

  private final UUID id;
  private ApplicationState state;
  private String reason;

  public Application(UUID id, ApplicationState state, String reason) {
    this.id = id;
    this.state = state;
    this.reason = reason;
  }

  public UUID id() {
    return id;
  }

  public ApplicationState state() {
    return state;
  }

  public String reason() {
    return reason;
  }

  public void submit() {
    move(ApplicationState.DRAFT, ApplicationState.SUBMITTED);
  }

  public void startReview() {
    move(ApplicationState.SUBMITTED, ApplicationState.MATERIAL_REVIEW);
  }

  public void requestInspection() {
    move(ApplicationState.MATERIAL_REVIEW, ApplicationState.SITE_INSPECTION);
  }

  /** SITE_INSPECTION → APPROVED when nothing is missing; else 409 listing it. */
  public void approve(List<FieldProblem> missing) {
    require(ApplicationState.SITE_INSPECTION);
    if (!missing.isEmpty()) {
      throw Conflict.unmet("resumption.approvalUnmet", state, missing);
    }
    state = ApplicationState.APPROVED;
    reason = null;
  }

  /** From material review or site inspection, with a reason. */
  public void reject(String why) {
    if (state != ApplicationState.MATERIAL_REVIEW && state != ApplicationState.SITE_INSPECTION) {
      throw illegal();
    }
    state = ApplicationState.REJECTED;
    reason = why;
  }

  public void suspend(String why) {
    move(ApplicationState.APPROVED, ApplicationState.SUSPENDED);
    reason = why;
  }

  /** SUSPENDED → SITE_INSPECTION: re-inspection before it may work again. */
  public void resume() {
    move(ApplicationState.SUSPENDED, ApplicationState.SITE_INSPECTION);
  }

  /** REJECTED → DRAFT: corrected and submitted again. */
  public void reopen() {
    move(ApplicationState.REJECTED, ApplicationState.DRAFT);
  }

  /** 409 unless the state is one of {@code allowed}. */
  public void require(ApplicationState... allowed) {
    for (ApplicationState s : allowed) {
      if (state == s) {
        return;
      }
    }
    throw illegal();
  }

  /** 409 unless documents, sign-offs and results may still change. */
  public void requireOpen() {
    if (!state.open()) {
      throw illegal();
    }
  }

  private void move(ApplicationState from, ApplicationState to) {
    require(from);
    state = to;
  }

  private Conflict illegal() {
    return Conflict.illegalTransition("resumption.illegalMove", state);
  }
}
