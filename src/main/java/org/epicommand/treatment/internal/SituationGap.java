package org.epicommand.treatment.internal;

import org.epicommand.analytics.CapacityGap;
import org.epicommand.treatment.CapacityBoard;
import org.springframework.stereotype.Component;

/** Hands the beds and rooms gap to the situation report of {@code analytics}. */
@Component
class SituationGap implements CapacityGap.Source {

  private final CapacityBoard board;

  SituationGap(CapacityBoard board) {
    this.board = board;
  }

  @Override
  public CapacityGap capacityGap() {
    return board.summary();
  }
}
