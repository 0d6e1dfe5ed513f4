package org.epicommand.labtest;

import java.util.List;
import java.util.UUID;

/**
 * The persons whose tubes one stored batch of results resulted, published once in the transaction
 * that stored them (like {@link PositivePoolsFound}): a listener reads what it needs of them through
 * {@link LatestTests#of}, which the same transaction has brought up to date.
 */
public record TubesResulted(List<UUID> persons) {

  public TubesResulted {
    persons = List.copyOf(persons);
  }
}
