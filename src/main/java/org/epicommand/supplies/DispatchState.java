package org.epicommand.supplies;

/**
 * A dispatch is PLANNED with its vehicle, green pass and departure time, has DEPARTED when the vehicle left,
 * and is DELIVERED when the unit confirms receipt.
 */
public enum DispatchState {
  PLANNED, DEPARTED, DELIVERED
}
