package org.epicommand.supplies;

/**
 * How an item stands in a warehouse: LOW_STOCK (fewer days of stock than {@code epicommand.supplies.low-stock-days},
 * or less on hand than the item's minimum), BELOW_TARGET (fewer days than the warehouse's target), or OK.
 */
public enum StockStatus { LOW_STOCK, BELOW_TARGET, OK }
