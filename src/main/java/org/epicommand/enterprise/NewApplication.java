package org.epicommand.enterprise;

import java.time.LocalDate;

/**
 * An application to file (or a draft's correction): for an organisation (id or credit code), what it asks
 * for, the cohort of a school, the planned day, an exception it claims against a gate, the template to be
 * checked against (its kind's default when empty) and the supplies on hand.
 */
public record NewApplication(String organisationId, ApplicationKind kind, String cohort, LocalDate plannedDate,
    GateException exception, String templateCode, Supplies supplies) {}
