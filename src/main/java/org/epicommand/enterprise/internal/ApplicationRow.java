package org.epicommand.enterprise.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.epicommand.enterprise.ApplicationKind;
import org.epicommand.enterprise.ApplicationState;
import org.epicommand.enterprise.GateException;
import org.epicommand.enterprise.Supplies;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Sector;

/** A stored application: its organisation as it was when filed, what it asks, its gate, template, state, SLA days. */
public record ApplicationRow(UUID id, UUID organisationId, String creditCode, String organisationName,
    OrganisationKind organisationKind, Sector sector, String jurisdictionCode, String districtCode,
    String organisationPath, ApplicationKind kind, String cohort, LocalDate plannedDate, GateException exception,
    String exceptionApplied, UUID gateId, LocalDate gateNotBefore, UUID templateId, ApplicationState state,
    String reason, Supplies supplies, LocalDate reviewDue, LocalDate inspectionDue, String overdueNotified,
    OffsetDateTime submittedAt, OffsetDateTime decidedAt, String createdBy, OffsetDateTime createdAt) {}
