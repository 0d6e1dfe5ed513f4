package org.epicommand.quarantine;

/** How a person is controlled during a phase (docs/domain.md §6). */
public enum Regime {
  /** 集中隔离医学观察, at a site. */
  CENTRALIZED,
  /** 居家隔离医学观察: may not go out; door sensor. */
  HOME_ISOLATION,
  /** 居家健康监测: essential outings only. */
  HOME_MONITORING,
  /** 自我健康监测. */
  SELF_MONITORING,
  HOSPITAL;

  /** Regimes at the person's home, where door sensors and self-reported checks apply. */
  public boolean atHome() {
    return this == HOME_ISOLATION || this == HOME_MONITORING || this == SELF_MONITORING;
  }
}
