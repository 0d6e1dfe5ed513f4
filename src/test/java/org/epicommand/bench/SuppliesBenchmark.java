package org.epicommand.bench;

import java.io.BufferedWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.internal.ImportJobs;
import org.epicommand.supplies.StockBoard;
import org.epicommand.supplies.SupplyCatalog;
import org.epicommand.supplies.SupplyCategory;
import org.epicommand.supplies.WarehouseKind;
import org.epicommand.support.DemoPlaces;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Supplies: 300 items and 200 warehouses (a tenth of each on small runs, see {@link CapabilityBench}) made through
 * the catalogue's facade, a lot of every item in every warehouse received through the {@code stock-receipts}
 * import (beside a bare COPY of the file), and the last 7 days' use of each as a volume fixture; then, as the
 * commander, the stock board's data for the whole city in process ({@link StockBoard#stockDays}), the board page
 * ({@code /supplies}: warehouses × items coloured by days of stock, with the alerts) over HTTP for one district
 * and, asked 5 times only, for the whole city, beside a static file, and one warehouse's stock over the API beside
 * {@code /api/v1/me} (p95 < 300 ms).
 */
final class SuppliesBenchmark {

  private static final SupplyCategory[] CATEGORIES = SupplyCategory.values();

  private SuppliesBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    int items = CapabilityBench.side(300, persons);
    int warehouses = CapabilityBench.side(200, persons);
    Map<String, List<String>> byDistrict = CapabilityBench.communitiesByDistrict(jdbc);
    List<String> districts = new ArrayList<>(byDistrict.keySet());
    long t = System.nanoTime();
    CapabilityBench.as(context, "commander", () -> {
      SupplyCatalog catalog = context.getBean(SupplyCatalog.class);
      for (int i = 0; i < items; i++) {
        SupplyCategory category = CATEGORIES[i % CATEGORIES.length];
        catalog.createItem(new SupplyCatalog.NewItem(item(i), "基准物资" + i, "Bench item " + i, category, "件", null,
            730, null, category == SupplyCategory.NECESSITY, 100L, null));
      }
      for (int w = 0; w < warehouses; w++) {
        WarehouseKind kind = w == 0 ? WarehouseKind.CITY_RESERVE : w % 10 == 0 ? WarehouseKind.DISTRICT_RESERVE
            : w % 2 == 0 ? WarehouseKind.HOSPITAL_STORE : WarehouseKind.SITE_STORE;
        String district = districts.get(w % districts.size());
        String at = w == 0 ? DemoPlaces.CITY : kind == WarehouseKind.DISTRICT_RESERVE ? district
            : byDistrict.get(district).get(w % byDistrict.get(district).size());
        catalog.createWarehouse(new SupplyCatalog.NewWarehouse(warehouse(w), "基准仓库" + w, kind, at, null, null,
            null));
      }
      return null;
    });
    results.figure("supplies.catalogueThroughFacade", "s", CapabilityBench.seconds(t), items + " items, "
        + warehouses + " warehouses", null, null);

    Path file = Files.createDirectories(Path.of("target", "bench")).resolve("stock-receipts.csv");
    LocalDate expiry = LocalDate.now().plusYears(1);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("warehouseCode,itemCode,batchNo,quantity,expiryDate,source,supplier\n");
      for (int w = 0; w < warehouses; w++) {
        for (int i = 0; i < items; i++) {
          // about one lot in 20 expires within the month: the alerts have something to list
          LocalDate expires = (w + i) % 20 == 0 ? LocalDate.now().plusDays(10) : expiry;
          out.write(warehouse(w) + "," + item(i) + ",B" + w + "-" + i + "," + (500 + (w * 31 + i * 17) % 5000) + ","
              + expires + ",PURCHASE,基准供应商" + i % 50 + "\n");
        }
      }
    }
    DataSource dataSource = BenchDatabase.owner(context);
    double bare = LabtestBenchmark.bareCopy(dataSource, file, "warehouse text, item text, batch text, quantity text,"
        + " expiry text, source text, supplier text");
    long lots = (long) items * warehouses;
    double seconds = LabtestBenchmark.importFile(context.getBean(ImportJobs.class),
        context.getBean(ImportPrincipals.class).authenticationOf("commander").orElseThrow(), "stock-receipts", file);
    results.figure("supplies.stockReceiptsImport", "rows/s", lots / seconds, lots + " lots, vs bare COPY", lots / bare,
        null);

    // the last 7 days' use of every item in every warehouse (issues roll up into it as they are made)
    jdbc.sql("""
        insert into supply_daily_use (warehouse_code, item_code, day, quantity)
        select w.code, i.code, current_date - d, 20 + abs(hashtext(w.code || i.code || d)) % 200
        from supply_warehouse w cross join supply_item i cross join generate_series(0, 6) d
        where w.code like 'BW%' and i.code like 'BI%'
        on conflict (warehouse_code, item_code, day) do update set quantity = excluded.quantity""").update();
    BenchDatabase.ownerJdbc(context).sql("analyze supply_daily_use").update();
    BenchDatabase.ownerJdbc(context).sql("analyze supply_stock_lot").update();

    String base = CapabilityBench.base(context);
    HttpClient client = HttpClient.newHttpClient();
    String auth = CapabilityBench.basic("commander");
    // the board's data (per-lot stock and the daily-use rollup, every warehouse × item of the city) in process
    List<Double> millis = new ArrayList<>();
    int cells = CapabilityBench.as(context, "commander", () -> {
      StockBoard board = context.getBean(StockBoard.class);
      int size = 0;
      for (int i = 0; i < 35; i++) {
        long started = System.nanoTime();
        size = board.stockDays(null, null).size();
        if (i >= 5) {
          millis.add((System.nanoTime() - started) / 1e6);
        }
      }
      return size;
    });
    millis.sort(Double::compare);
    results.figure("supplies.stockBoardQuery.p50", "ms", millis.get(14), cells + " warehouse × item cells", null, null);
    results.figure("supplies.stockBoardQuery.p95", "ms", millis.get(28), "< 300", null, null);
    results.ceiling("supplies.stockBoardQuery.p95", millis.get(28), 300);
    // the page of one district (the drill-down), then the whole city's grid on one page, asked 5 times only
    String district = jdbc.sql("select jurisdiction_code from supply_warehouse where code = :code")
        .param("code", warehouse(warehouses - 1)).query(String.class).single();
    String districtCode = jdbc.sql("select d.code from jurisdiction d join jurisdiction w on w.code = :code"
        + " and w.path like d.path || '%' where d.level = 'COUNTY'").param("code", district).query(String.class)
        .single();
    CapabilityBench.latency(results, "supplies.stockBoardPage.district", client, base + "/supplies?district="
        + districtCode, base + "/js/app.js", auth, "基准仓库" + (warehouses - 1), 300);
    CapabilityBench.latency(results, "supplies.stockBoardPage.city", client, base + "/supplies", base + "/js/app.js",
        auth, "基准仓库" + (warehouses - 1), 300, 5);
    CapabilityBench.latency(results, "supplies.warehouseStockApi", client,
        base + "/api/v1/supplies/warehouses/" + warehouse(0) + "/stock", base + "/api/v1/me", auth, item(items - 1),
        300);
  }

  private static String item(int i) {
    return String.format("BI%04d", i);
  }

  private static String warehouse(int w) {
    return String.format("BW%04d", w);
  }
}
