package org.epicommand.labtest;

import java.util.List;

/**
 * The positive pools of one stored batch of results, published once in the transaction that stored
 * them (one event per batch, not per pool: a mass-testing round lands a thousand positive pools at
 * once, and one publication keeps that landing fast).
 */
public record PositivePoolsFound(List<PositivePoolFound> pools) {

  public PositivePoolsFound {
    pools = List.copyOf(pools);
  }
}
