package org.epicommand.supplies;

/** A request's priority: its approval and delivery deadlines come from {@code epicommand.supplies.sla.*}. */
public enum RequestPriority {
  URGENT, HIGH, NORMAL
}
