package org.epicommand.supplies;

/**
 * A warehouse inside a division; {@code organisationCode}: its entry in the organisation directory (a
 * WAREHOUSE), when it has one; {@code targetDays}: the days of stock it should hold.
 */
public record Warehouse(String code, String name, WarehouseKind kind, String jurisdictionCode, String jurisdictionName,
    String address, String organisationCode, int targetDays, boolean active) {}
