package org.epicommand.supplies.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.supplies.StockBoard;
import org.epicommand.supplies.StockStatus;
import org.springframework.ui.Model;

/**
 * What the stock board page shows of the days of stock: the full grid of warehouses × items while it holds at most
 * {@link #GRID_CELLS} cells (a district, a small city), otherwise — and on request ({@code view=warehouses}) — one
 * row per warehouse with its counts of items low, below target and ok and its lowest days of stock; one item picked
 * ({@code item=}): that item across the warehouses. Of each kind of alert at most {@link #ALERTS_SHOWN}, with how
 * many more there are.
 */
final class StockBoardPage {

  static final int GRID_CELLS = 3_000;
  static final int ALERTS_SHOWN = 50;

  /** One warehouse's summary: items low, below target and ok, and its lowest days of stock with that item. */
  record WarehouseRow(String code, String name, String division, long low, long belowTarget, long ok,
      Double lowestDays, String lowestItem) {}

  /** The first {@link #ALERTS_SHOWN} of a list and how many more it holds. */
  record Shown<T>(List<T> items, int more) {

    static <T> Shown<T> of(List<T> all) {
      return all.size() <= ALERTS_SHOWN ? new Shown<>(all, 0)
          : new Shown<>(all.subList(0, ALERTS_SHOWN), all.size() - ALERTS_SHOWN);
    }
  }

  private StockBoardPage() {}

  /**
   * Fills the model: {@code view} (grid, warehouses or item), {@code items} for the picker, {@code grid} or
   * {@code warehouseRows} or {@code itemRows}, and the alerts shown.
   */
  static void fill(Model model, StockBoard.Overview overview, String item, String view,
      Map<String, Jurisdiction.InDistrict> divisions) {
    List<StockBoard.StockDays> rows = overview.days();
    Map<String, String> items = new LinkedHashMap<>();
    rows.stream().sorted(Comparator.comparing(StockBoard.StockDays::itemCode))
        .forEach(r -> items.putIfAbsent(r.itemCode(), r.itemName() + "（" + r.unit() + "）"));
    String picked = item == null || !items.containsKey(item.strip()) ? null : item.strip();
    boolean large = rows.size() > GRID_CELLS;
    String shown = picked != null ? "item" : large || "warehouses".equals(view) ? "warehouses" : "grid";
    model.addAttribute("items", items);
    model.addAttribute("item", picked);
    model.addAttribute("view", shown);
    model.addAttribute("large", large);
    model.addAttribute("empty", rows.isEmpty());
    switch (shown) {
      case "item" -> model.addAttribute("itemRows", rows.stream().filter(r -> r.itemCode().equals(picked)).toList());
      case "warehouses" -> model.addAttribute("warehouseRows", warehouseRows(rows, divisions));
      default -> grid(model, rows);
    }
    model.addAttribute("divisionNames", divisions.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().division().name())));
    StockBoard.StockAlerts alerts = overview.alerts();
    model.addAttribute("alerts", alerts);
    model.addAttribute("lowShown", Shown.of(alerts.low()));
    model.addAttribute("belowTargetShown", Shown.of(alerts.belowTarget()));
    model.addAttribute("expiringShown", Shown.of(alerts.expiring()));
  }

  /** The divisions the warehouses of these rows lie in. */
  static Set<String> divisionCodes(StockBoard.Overview overview) {
    return overview.days().stream().map(StockBoard.StockDays::jurisdictionCode).collect(Collectors.toSet());
  }

  private static void grid(Model model, List<StockBoard.StockDays> rows) {
    Map<String, Map<String, StockBoard.StockDays>> grid = new LinkedHashMap<>();
    Map<String, String> warehouseNames = new LinkedHashMap<>();
    for (StockBoard.StockDays r : rows) {
      warehouseNames.putIfAbsent(r.warehouseCode(), r.warehouseName());
      grid.computeIfAbsent(r.warehouseCode(), k -> new LinkedHashMap<>()).put(r.itemCode(), r);
    }
    model.addAttribute("grid", grid);
    model.addAttribute("warehouseNames", warehouseNames);
  }

  private static List<WarehouseRow> warehouseRows(List<StockBoard.StockDays> rows,
      Map<String, Jurisdiction.InDistrict> divisions) {
    Map<String, List<StockBoard.StockDays>> byWarehouse = rows.stream().collect(
        Collectors.groupingBy(StockBoard.StockDays::warehouseCode, LinkedHashMap::new, Collectors.toList()));
    return byWarehouse.values().stream().map(cells -> {
      StockBoard.StockDays first = cells.get(0);
      StockBoard.StockDays lowest = cells.stream().filter(c -> c.daysOfStock() != null)
          .min(Comparator.comparing(StockBoard.StockDays::daysOfStock)).orElse(null);
      Jurisdiction.InDistrict division = divisions.get(first.jurisdictionCode());
      return new WarehouseRow(first.warehouseCode(), first.warehouseName(),
          division == null ? first.jurisdictionCode() : division.division().name(), count(cells, StockStatus.LOW_STOCK),
          count(cells, StockStatus.BELOW_TARGET), count(cells, StockStatus.OK),
          lowest == null ? null : lowest.daysOfStock(), lowest == null ? null : lowest.itemName());
    }).toList();
  }

  private static long count(List<StockBoard.StockDays> cells, StockStatus status) {
    return cells.stream().filter(c -> c.status() == status).count();
  }
}
