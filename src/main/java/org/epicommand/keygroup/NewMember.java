package org.epicommand.keygroup;

import java.time.LocalDate;

/**
 * A member to add (a person of the registry by id, picked inside the caller's scope) or to correct
 * (the person stays): the organisation by credit code, post, from (default today), to, closed loop.
 */
public record NewMember(String personId, String organisation, String post, LocalDate from, LocalDate to,
    Boolean closedLoop) {}
