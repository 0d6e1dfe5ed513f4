package org.epicommand.sentinel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A logged fever enquiry: where and when, whether a person is known, temperature, class asked for, referral. */
public record FeverEnquiry(String id, String pharmacyCode, OffsetDateTime at, boolean anonymous, BigDecimal temperature,
    DrugClass drugClass, String referredTo) {}
