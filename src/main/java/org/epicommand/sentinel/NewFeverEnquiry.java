package org.epicommand.sentinel;

import java.math.BigDecimal;
import org.epicommand.person.IdType;

/**
 * A refused sale or a febrile buyer's enquiry: the pharmacy (a clerk may leave it out), the person if
 * they gave a document (name, document, home division; else anonymous), temperature, the product asked
 * for (its class is kept), and the clinic they were referred to.
 */
public record NewFeverEnquiry(String pharmacy, IdType idType, String idNumber, String name, String jurisdictionCode,
    BigDecimal temperature, String approvalNumber, String referredTo) {}
