package org.epicommand.tracing.internal;

import org.epicommand.shared.Conflict;
import org.epicommand.tracing.Contact;
import org.epicommand.tracing.TrackingState;

/**
 * The contact aggregate: its tracking (IDENTIFIED → LOCATED → UNDER_CONTROL, or NOT_FOUND,
 * TRANSFERRED_OUT, EXCLUDED, as {@link TrackingState} allows) and its outcome; a contact with an
 * outcome moves no more. Every illegal move is a {@link Conflict} naming the current state (409).
 */
public final class ContactTracking {

  private final Contact contact;
  private TrackingState state;

  private ContactTracking(Contact contact) {
    this.contact = contact;
    this.state = contact.trackingState();
  }

  public static ContactTracking of(Contact contact) {
    return new ContactTracking(contact);
  }

  /** A move by hand; any move the tracking does not allow names the current state. */
  public void moveTo(TrackingState target) {
    if (!canMoveTo(target)) {
      throw Conflict.illegalTransition("tracing.contact.illegalMove", state);
    }
    state = target;
  }

  /**
   * Its quarantine order opened: under control when the tracking allows, else nothing changes
   * (the platform's move is idempotent). Returns whether it moved.
   */
  public boolean underControl() {
    if (!canMoveTo(TrackingState.UNDER_CONTROL)) {
      return false;
    }
    state = TrackingState.UNDER_CONTROL;
    return true;
  }

  private boolean canMoveTo(TrackingState target) {
    return state.canMoveTo(target) && contact.outcome() == null;
  }

  public TrackingState state() {
    return state;
  }

  /** The contact as loaded (its tracking state is the state before any move). */
  public Contact contact() {
    return contact;
  }
}
