package org.epicommand.lockdown;

import java.util.List;

/**
 * The readiness of a district's manpower for sealed areas (封控所需人力的准备): per post type the persons a
 * day of the open posts (and of a scenario) needs against the pool available today, the gap named.
 */
public record Readiness(String jurisdictionCode, String jurisdictionName, int required, int covered, int percent,
    int available, List<Line> lines) {

  /** One post type: persons needed a day, persons of the pool that cover them, the gap. */
  public record Line(Post.Kind kind, int required, int covered, int gap) {}

  /** A projected sealed population to staff on top of the open posts: gates, buildings, households, residents. */
  public record Scenario(Integer gates, Integer buildings, Integer households, Integer residents) {

    public static final Scenario NONE = new Scenario(null, null, null, null);
  }
}
