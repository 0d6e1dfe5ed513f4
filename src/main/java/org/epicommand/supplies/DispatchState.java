package org.epicommand.supplies;

/** A dispatch has DEPARTED with its vehicle and green pass, and is DELIVERED when the unit confirms receipt. */
public enum DispatchState {
  DEPARTED, DELIVERED
}
