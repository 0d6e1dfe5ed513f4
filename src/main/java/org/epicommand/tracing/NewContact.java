package org.epicommand.tracing;

import java.time.LocalDate;

/**
 * A contact as an investigator names it (docs/api.md: {@code personId, category, contactType,
 * lastExposureDate}); {@code discoveryRoute} defaults to OWN_INVESTIGATION; {@code sourceContactId}
 * names the close contact a SECONDARY contact met.
 */
public record NewContact(String personId, ContactCategory category, ContactType contactType,
    LocalDate lastExposureDate, ContactDiscoveryRoute discoveryRoute, String sourceContactId, String note) {}
