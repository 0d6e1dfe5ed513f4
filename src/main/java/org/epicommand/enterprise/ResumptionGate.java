package org.epicommand.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Sector;

/**
 * A commander's decision as data: organisations of a kind or sector (null: any) in a jurisdiction's
 * subtree, of a cohort for schools (null: any), open not before a day — unless they are listed by credit
 * code or the application claims one of the exceptions the gate allows.
 */
public record ResumptionGate(String id, String name, OrganisationKind kind, Sector sector, String jurisdictionCode,
    String jurisdictionName, String cohort, LocalDate notBefore, List<GateException> exceptions,
    List<String> exceptionOrganisations, String note, boolean active, String createdBy, OffsetDateTime createdAt) {}
