package org.epicommand.lockdown;

import java.util.UUID;

/** A household service request passed its deadline still open; reported once, in the street's inbox. */
public record ServiceRequestOverdue(UUID requestId, UUID areaId, ServiceRequest.Need need, String jurisdictionCode) {}
