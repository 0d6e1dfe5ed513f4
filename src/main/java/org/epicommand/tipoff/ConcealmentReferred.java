package org.epicommand.tipoff;

import java.util.UUID;

/** A substantiated concealment referred to an authority (public security, the CDC …). */
public record ConcealmentReferred(UUID tipOffId, UUID referralId, TipOff.Concealed concealed,
    TipOff.ReferredTo referredTo, String jurisdictionCode) {}
