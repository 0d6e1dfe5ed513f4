/**
 * Supplies (物资保障, docs/domain.md §12): items, warehouses with their keepers, stock lots with batch and
 * expiry, an append-only stock ledger whose on-hand never goes negative, daily use and days of stock;
 * requests from units with priority SLAs through approval (partial), allocation, dispatch with a
 * green-channel pass checked through the movement module, and receipt with discrepancies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supplies")
package org.epicommand.supplies;
