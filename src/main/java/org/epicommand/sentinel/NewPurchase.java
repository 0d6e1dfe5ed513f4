package org.epicommand.sentinel;

import java.math.BigDecimal;
import java.time.Instant;
import org.epicommand.person.IdType;

/**
 * A real-name purchase: the pharmacy (a bound clerk may leave it out), the buyer's document, name,
 * phone and home division (the community that verifies; default the pharmacy's), the product by
 * approval number, the packs, the temperature if taken, and when ({@code purchasedAt}, default now:
 * a registration written on paper first may be entered up to a week later).
 */
public record NewPurchase(String pharmacy, IdType idType, String idNumber, String name, String phone,
    String jurisdictionCode, String approvalNumber, Integer quantity, BigDecimal temperature, Instant purchasedAt) {}
