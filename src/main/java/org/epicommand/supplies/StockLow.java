package org.epicommand.supplies;

/** An item ran low in a warehouse (LOW_STOCK); {@code daysLeft} null when nothing was used lately. */
public record StockLow(String itemCode, String warehouseCode, Double daysLeft) {}
