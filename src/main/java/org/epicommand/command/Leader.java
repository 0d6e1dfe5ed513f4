package org.epicommand.command;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A membership of the leadership group (领导小组): who, in which position, with their post
 * ({@code title}), an optional phone and linked user account, their place in the group's order,
 * and their term. {@code servedUntil} is the last day of a term that has ended; null while serving.
 */
public record Leader(UUID id, String name, LeaderPosition position, String title, String phone, String username,
    int sortOrder, LocalDate servedFrom, LocalDate servedUntil) {

  public boolean serving() {
    return servedUntil == null;
  }
}
