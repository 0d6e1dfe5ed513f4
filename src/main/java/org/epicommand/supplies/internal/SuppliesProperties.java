package org.epicommand.supplies.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.supplies.*}: the approval and delivery SLAs per priority (URGENT 1 h / 4 h, HIGH 4 h /
 * 24 h, NORMAL 24 h / 72 h); the days of stock a city reserve should hold (30) and any other warehouse (7);
 * days of stock under which stock is low (7); how close an expiry date raises EXPIRING (30 days); how many
 * days of use the average takes (7); how often overdue requests are looked for; the necessities basket, the
 * day-on-day rise that raises PRICE_RISE (10 %) and the days of sales under which a 保供 market's staple raises
 * NECESSITY_LOW (3); the approved value (元) above which a request needs a second approval (500,000) and the
 * role that gives it (COMMANDER); how far above the baseline week's mean a price raises PRICE_ABOVE_BASELINE
 * (20 %).
 */
@ConfigurationProperties("epicommand.supplies")
public record SuppliesProperties(@DefaultValue("PT1H") Duration urgentApproval,
    @DefaultValue("PT4H") Duration urgentDelivery,
    @DefaultValue("PT4H") Duration highApproval, @DefaultValue("PT24H") Duration highDelivery,
    @DefaultValue("PT24H") Duration normalApproval, @DefaultValue("PT72H") Duration normalDelivery,
    @DefaultValue("30") int cityReserveTargetDays, @DefaultValue("7") int otherTargetDays,
    @DefaultValue("7") int lowStockDays, @DefaultValue("30") int expiringWithinDays,
        @DefaultValue("7") int useWindowDays,
    @DefaultValue("5m") Duration overdueSweep,
    @DefaultValue({"RICE", "FLOUR", "COOKING_OIL", "PORK", "EGGS", "CHICKEN", "CABBAGE", "POTATO", "TOMATO"})
    java.util.List<String> basket,
    @DefaultValue("10") int priceRisePercent, @DefaultValue("3") int necessityLowDays,
    @DefaultValue("500000") java.math.BigDecimal secondApprovalValue,
    @DefaultValue("COMMANDER") org.epicommand.account.Role secondApproverRole,
    @DefaultValue("20") int baselineRisePercent) {}
