package org.epicommand.enterprise;

import java.time.LocalDate;
import java.util.List;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Sector;

/** A gate to set: its scope (kind, sector, jurisdiction, cohort), its day and exceptions (organisations by credit
 * code). */
public record NewGate(String name, OrganisationKind kind, Sector sector, String jurisdictionCode, String cohort,
    LocalDate notBefore, List<GateException> exceptions, List<String> exceptionOrganisations, String note) {}
