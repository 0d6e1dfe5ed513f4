package org.epicommand.sentinel;

import java.time.OffsetDateTime;

/**
 * A patient expected at a fever clinic: who (name, person), where from (their division and the address the
 * screening visit recorded), the clinic (null while no fever clinic serves the person's district), when referred and
 * how long they have been awaited ({@code waitingMinutes}, until the referral closed), whether it is open past the
 * overdue time, its state, the visit it arrived as, the reason it was closed as not arrived.
 */
public record ClinicReferral(String id, String clinicCode, String clinicName, String personId, String patientName,
    String fromCode, String fromName, String address, OffsetDateTime referredAt, long waitingMinutes,
    boolean overdue, ReferralState state, String visitId, OffsetDateTime closedAt, String closedBy, String reason) {}
