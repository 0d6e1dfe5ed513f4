package org.epicommand.labtest;

/** A single tube or a pool of 5, 10 or 20 swabs (docs/domain.md §7). */
public enum TubeKind {
  SINGLE(1), POOL_5(5), POOL_10(10), POOL_20(20);

  private final int capacity;

  TubeKind(int capacity) {
    this.capacity = capacity;
  }

  /** How many members the tube holds at most. */
  public int capacity() {
    return capacity;
  }
}
