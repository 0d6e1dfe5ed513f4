package org.epicommand.organisation;

import java.util.List;

/**
 * Organisations were registered, corrected, retired or taken back (one event per change, or per import
 * batch): their state after the change.
 */
public record OrganisationsChanged(List<OrganisationSnapshot> organisations) {}
