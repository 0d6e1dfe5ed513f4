package org.epicommand.tipoff.internal;

import org.epicommand.tipoff.ConcealmentCases;
import org.epicommand.tracing.ConcealmentFlagged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An investigation's report of concealment becomes the tip-off office's concealment case, open to refer. */
@Component
class ConcealmentIntake {

  private final ConcealmentCases cases;

  ConcealmentIntake(ConcealmentCases cases) {
    this.cases = cases;
  }

  @ApplicationModuleListener
  void on(ConcealmentFlagged flag) {
    cases.openFlagged(flag);
  }
}
