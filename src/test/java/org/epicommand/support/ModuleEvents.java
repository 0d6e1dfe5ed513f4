package org.epicommand.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the module event publication registry says of an event's listeners: a flow test waits until the listener
 * it is about has handled the event, then checks what it did (or did not do) — no fixed sleeps.
 */
public final class ModuleEvents {

  private ModuleEvents() {}

  /**
   * Whether every publication of an event whose payload contains {@code fragment} to a listener whose id contains
   * {@code listener} (for example {@code quarantine.internal.CaseOutcomes}) has completed, and there is one.
   */
  public static boolean handled(JdbcClient jdbc, String listener, String fragment) {
    return jdbc.sql("""
        select count(*) > 0 and count(*) = count(completion_date) from event_publication
        where listener_id like :listener and serialized_event like :fragment""")
        .param("listener", "%" + listener + "%").param("fragment", "%" + fragment + "%")
        .query(Boolean.class).single();
  }
}
