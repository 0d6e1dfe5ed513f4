package org.epicommand.sentinel.internal;

import org.epicommand.sentinel.Disposition;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * A clinic visit's 留观 and its one guarded move: a patient under observation on site (OBSERVATION_ON_SITE, not
 * ended) leaves it for home to wait, admission, the designated hospital or the township health centre. Another
 * target is a field-level problem on {@code disposition}; a visit not under observation is a {@link Conflict}
 * naming its current disposition (409).
 */
public final class ClinicObservation {

  private Disposition disposition;
  private boolean ended;

  public ClinicObservation(Disposition disposition, boolean ended) {
    this.disposition = disposition;
    this.ended = ended;
  }

  /** OBSERVATION_ON_SITE → the disposition after it. */
  public void end(Disposition next) {
    if (next == null || next == Disposition.OBSERVATION_ON_SITE) {
      throw new ValidationFailure(FieldProblem.of("disposition", "sentinel.observationEnd"));
    }
    if (!underObservation()) {
      throw Conflict.illegalTransition("sentinel.notUnderObservation", disposition);
    }
    disposition = next;
    ended = true;
  }

  public boolean underObservation() {
    return disposition == Disposition.OBSERVATION_ON_SITE && !ended;
  }

  public Disposition disposition() {
    return disposition;
  }
}
