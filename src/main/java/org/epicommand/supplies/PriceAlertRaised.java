package org.epicommand.supplies;

import java.time.LocalDate;

/** A necessity price raised an alert (PRICE_RISE or NECESSITY_LOW) at a market. */
public record PriceAlertRaised(String marketCode, String commodity, LocalDate day, Prices.AlertKind kind) {}
