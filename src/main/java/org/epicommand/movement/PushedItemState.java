package org.epicommand.movement;

import java.util.EnumSet;
import java.util.Set;

/**
 * The verification of one pushed name (落地核查, docs/domain.md §8): {@code PUSHED → SIGNED → VERIFYING →
 * {LANDED | NOT_FOUND | TRANSFERRED_OUT | EXCLUDED} → FEEDBACK_SENT → AUDITED}.
 */
public enum PushedItemState {
  PUSHED, SIGNED, VERIFYING, LANDED, NOT_FOUND, TRANSFERRED_OUT, EXCLUDED, FEEDBACK_SENT, AUDITED;

  /** The outcomes of a verification. */
  public static final Set<PushedItemState> OUTCOMES = EnumSet.of(LANDED, NOT_FOUND, TRANSFERRED_OUT, EXCLUDED);

  /** Whether the item still counts against the 24-hour feedback deadline. */
  public boolean awaitingFeedback() {
    return this != FEEDBACK_SENT && this != AUDITED;
  }

  public boolean canMoveTo(PushedItemState next) {
    return switch (this) {
      case PUSHED -> next == SIGNED;
      case SIGNED -> next == VERIFYING;
      case VERIFYING -> OUTCOMES.contains(next);
      case LANDED, NOT_FOUND, TRANSFERRED_OUT, EXCLUDED -> next == FEEDBACK_SENT;
      case FEEDBACK_SENT -> next == AUDITED;
      case AUDITED -> false;
    };
  }
}
