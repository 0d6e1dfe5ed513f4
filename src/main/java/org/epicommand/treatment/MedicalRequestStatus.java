package org.epicommand.treatment;

import java.util.EnumSet;
import java.util.Set;

/** REQUESTED → ACCEPTED → DISPATCHED → SERVED | REFERRED; CANCELLED from any open state. */
public enum MedicalRequestStatus {
  REQUESTED, ACCEPTED, DISPATCHED, SERVED, REFERRED, CANCELLED;

  /** The states this one may move to. */
  public Set<MedicalRequestStatus> next() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(ACCEPTED, CANCELLED);
      case ACCEPTED -> EnumSet.of(DISPATCHED, CANCELLED);
      case DISPATCHED -> EnumSet.of(SERVED, REFERRED, CANCELLED);
      case SERVED, REFERRED, CANCELLED -> EnumSet.noneOf(MedicalRequestStatus.class);
    };
  }

  /** Not yet dispatched: the dispatch deadline runs. */
  public boolean waiting() {
    return this == REQUESTED || this == ACCEPTED;
  }
}
