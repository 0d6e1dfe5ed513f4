package org.epicommand.tipoff;

import java.util.UUID;

/**
 * A concealment case referred to an authority (public security, the CDC …); {@code tipOffId} when the case is a
 * substantiated tip-off's referral, else null.
 */
public record ConcealmentReferred(UUID caseId, UUID tipOffId, TipOff.Concealed concealed,
    TipOff.ReferredTo referredTo, String jurisdictionCode) {}
