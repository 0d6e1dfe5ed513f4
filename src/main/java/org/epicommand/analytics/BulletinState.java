package org.epicommand.analytics;

/** The public bulletin's life: drafted and edited, approved by the command office, published. */
public enum BulletinState {
  DRAFT, APPROVED, PUBLISHED;

  /** Only a draft is edited or approved; only an approved bulletin is published; nothing leaves PUBLISHED. */
  public boolean canMoveTo(BulletinState next) {
    return switch (this) {
      case DRAFT -> next == APPROVED;
      case APPROVED -> next == PUBLISHED;
      case PUBLISHED -> false;
    };
  }
}
