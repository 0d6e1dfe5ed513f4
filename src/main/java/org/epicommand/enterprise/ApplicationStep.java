package org.epicommand.enterprise;

import java.time.OffsetDateTime;

/** One step of an application's history: what was done, from which state to which, by whom, with what note. */
public record ApplicationStep(String action, ApplicationState from, ApplicationState to, String username, String note,
    OffsetDateTime at) {}
