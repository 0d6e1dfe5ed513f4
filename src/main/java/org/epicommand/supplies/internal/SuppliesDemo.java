package org.epicommand.supplies.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.movement.Checkpoints;
import org.epicommand.account.UserAdministration;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.Paging;
import org.epicommand.supplies.LotSource;
import org.epicommand.supplies.Prices;
import org.epicommand.supplies.Producers;
import org.epicommand.supplies.RequestFulfilment;
import org.epicommand.supplies.RequestPriority;
import org.epicommand.supplies.StockLedger;
import org.epicommand.supplies.SupplyCatalog;
import org.epicommand.supplies.SupplyCategory;
import org.epicommand.supplies.SupplyRequests;
import org.epicommand.supplies.WarehouseKeepers;
import org.epicommand.supplies.WarehouseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: six items (protective goods, a test kit, disinfectant and rice of the necessities basket),
 * a city reserve, the 东湖区 reserve and a donation depot with their lots (one expiring soon, one
 * donation still without its certificate), today's issues, and four requests of 东湖区 — a draft, an
 * URGENT one awaiting approval, one dispatched with its green pass waiting for the district to confirm
 * receipt, and one closed — and two markets with a week of necessity prices (today's cabbage up 12 % and
 * rice low at the 保供 market), the demo keeper bound to the district reserve and a mask producer — all
 * through the module's facades as the commander. Runs once.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class SuppliesDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SuppliesDemo.class);
  private static final String DISTRICT = "990101";

  private final SupplyCatalog catalog;
  private final StockLedger ledger;
  private final SupplyRequests requests;
  private final RequestFulfilment fulfilment;
  private final Checkpoints checkpoints;
  private final Prices prices;
  private final ImportPrincipals principals;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final WarehouseKeepers keepers;
  private final Producers producers;
  private final Organisations organisations;
  private final UserAdministration users;

  SuppliesDemo(SupplyCatalog catalog, StockLedger ledger, SupplyRequests requests, RequestFulfilment fulfilment,
      Checkpoints checkpoints, Prices prices, ImportPrincipals principals, JdbcClient jdbc, Clock clock,
      WarehouseKeepers keepers, Producers producers, Organisations organisations, UserAdministration users) {
    this.keepers = keepers;
    this.producers = producers;
    this.organisations = organisations;
    this.users = users;
    this.prices = prices;
    this.catalog = catalog;
    this.ledger = ledger;
    this.requests = requests;
    this.fulfilment = fulfilment;
    this.checkpoints = checkpoints;
    this.principals = principals;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select exists (select 1 from supply_item)").query(Boolean.class).single()) {
      principals.runAs("commander", this::people);
      return;
    }
    principals.runAs("commander", () -> {
      LocalDate today = LocalDate.now(clock);
      item("N95", "医用防护口罩", "Medical protective mask", SupplyCategory.MASK_N95, "只", "GB 19083", 5_000L, false);
      item("MASK-S", "医用外科口罩", "Surgical mask", SupplyCategory.MASK_SURGICAL, "只", "YY 0469", 20_000L, false);
      item("SUIT", "医用一次性防护服", "Disposable protective suit", SupplyCategory.PROTECTIVE_SUIT, "套", "GB 19082", 1_000L,
          false);
      item("AG-KIT", "新冠抗原检测试剂", "COVID-19 antigen kit", SupplyCategory.ANTIGEN_KIT, "人份", null, 2_000L, false);
      item("DISINF", "含氯消毒液", "Chlorine disinfectant", SupplyCategory.DISINFECTANT, "L", null, 500L, false);
      item("RICE", "大米", "Rice", SupplyCategory.NECESSITY, "kg", null, 0L, true);
      // what a testing campaign's plan asks for ("request supplies" on the campaign board)
      item("TUBE-10", "病毒采样管（10混1）", "Virus sampling tube (10 in 1)", SupplyCategory.SAMPLING_TUBE, "支", null, 0L,
          false);
      item("SWAB", "一次性采样拭子", "Disposable sampling swab", SupplyCategory.SWAB, "支", null, 0L, false);
      catalog.createWarehouse(new SupplyCatalog.NewWarehouse("CITY-01", "滨江市应急物资储备库", WarehouseKind.CITY_RESERVE,
          "990100", "滨江市江南大道 1 号", null, null));
      catalog.createWarehouse(new SupplyCatalog.NewWarehouse("DH-01", "东湖区防疫物资储备库", WarehouseKind.DISTRICT_RESERVE,
          DISTRICT, "东湖区湖滨路 8 号", null, 15));
      catalog.createWarehouse(new SupplyCatalog.NewWarehouse("DON-01", "滨江市捐赠物资中转库", WarehouseKind.DONATION_DEPOT,
          "990100", null, null, null));
      receipt("CITY-01", "N95", "N95-2211A", 120_000, today.plusDays(700), LotSource.PURCHASE);
      receipt("CITY-01", "SUIT", "SUIT-2210", 8_000, today.plusDays(500), LotSource.PURCHASE);
      receipt("CITY-01", "AG-KIT", "AG-2209", 30_000, today.plusDays(21), LotSource.PURCHASE);
      receipt("CITY-01", "DISINF", "DIS-2211", 6_000, today.plusDays(300), LotSource.LOCAL_PRODUCTION);
      receipt("DH-01", "N95", "N95-2208B", 9_000, today.plusDays(400), LotSource.PURCHASE);
      receipt("DH-01", "MASK-S", "MS-2210", 60_000, today.plusDays(600), LotSource.PURCHASE);
      receipt("DH-01", "AG-KIT", "AG-2210", 4_000, today.plusDays(250), LotSource.PURCHASE);
      receipt("DON-01", "N95", "DON-2211-01", 20_000, today.plusDays(650), LotSource.DONATION);
      issue("CITY-01", "N95", 14_000);
      issue("CITY-01", "AG-KIT", 9_000);
      issue("DH-01", "N95", 6_300);
      issue("DH-01", "AG-KIT", 2_100);
      issue("DH-01", "MASK-S", 7_000);

      request("社区封控区防护", RequestPriority.NORMAL, "SUIT", 300);
      UUID urgent = request("东湖区方舱医院开舱", RequestPriority.URGENT, "N95", 5_000);
      requests.submit(urgent);
      UUID dispatched = request("核酸采样点补充", RequestPriority.HIGH, "AG-KIT", 2_000);
      requests.submit(dispatched);
      requests.approve(dispatched, List.of(new SupplyRequests.Approval("AG-KIT", 1_500L)));
      fulfilment.allocate(dispatched, "CITY-01");
      Checkpoints.GreenPass pass = checkpoints.issue("浙A3W776", "防疫物资（市物资保障组）", today, today.plusDays(14));
      fulfilment.dispatch(dispatched, new RequestFulfilment.DispatchOrder("浙A3W776", "周师傅", "13905710001",
          pass.passNumber(), null, null));
      UUID closed = request("隔离点消毒", RequestPriority.NORMAL, "DISINF", 200);
      requests.submit(closed);
      requests.approve(closed, null);
      fulfilment.allocate(closed, "CITY-01");
      fulfilment.dispatch(closed, new RequestFulfilment.DispatchOrder("浙A3W776", "周师傅", "13905710001",
          pass.passNumber(), null, null));
      fulfilment.receive(closed, null, null);
      requests.close(closed);
      prices(today);
      people();
      log.info("Demo supplies seeded: 8 items, 3 warehouses, 8 lots, 4 requests of district {}, 2 markets with a"
          + " week of prices", DISTRICT);
    });
  }

  /**
   * The people a newcomer meets: the demo keeper bound to the 东湖区 reserve, and the demo precision-machinery
   * enterprise registered as a producer of masks (转产口罩) with today's report naming its bottleneck. Each once.
   */
  private void people() {
    if (keepers.staff("DH-01").isEmpty() && users.findByUsername("keeper").isPresent()) {
      keepers.bind("DH-01", "keeper");
    }
    if (producers.list().isEmpty()) {
      organisations.list(new Organisations.Filter(null, OrganisationKind.ENTERPRISE, null, true, "滨江精密机械"),
          Paging.of(0, 1)).items().stream().findFirst().ifPresent(org -> {
            Producers.Producer producer = producers.register(new Producers.NewProducer(org.creditCode(),
                List.of("N95", "MASK-S"), 50_000L));
            producers.report(UUID.fromString(producer.id()), new Producers.NewReport(LocalDate.now(clock), 36_000L,
                30_000L, Producers.Bottleneck.RAW_MATERIAL, "熔喷布到货不足"));
          });
    }
  }

  /** Two markets and a week of prices: today cabbage rises 12 % at the 保供 market, whose rice runs low. */
  private void prices(LocalDate today) {
    prices.createMarket(new Prices.NewMarket("SC-HPL", "和平里农贸市场", Prices.MarketKind.WET_MARKET, "990101001", true));
    prices.createMarket(new Prices.NewMarket("CS-DH01", "东湖大润发超市", Prices.MarketKind.SUPERMARKET, DISTRICT, false));
    for (int back = 6; back >= 0; back--) {
      LocalDate day = today.minusDays(back);
      BigDecimal cabbage = back == 0 ? new BigDecimal("1.68") : new BigDecimal("1.50");
      price("SC-HPL", "CABBAGE", day, cabbage, null);
      price("SC-HPL", "PORK", day, new BigDecimal("14.80").add(BigDecimal.valueOf(6 - back, 1)), null);
      price("SC-HPL", "RICE", day, new BigDecimal("2.80"), back == 0 ? new BigDecimal("2.0") : new BigDecimal("6.0"));
      price("CS-DH01", "CABBAGE", day, new BigDecimal("1.98"), null);
      price("CS-DH01", "EGGS", day, new BigDecimal("6.20"), null);
    }
  }

  private void price(String market, String commodity, LocalDate day, BigDecimal price, BigDecimal stockDays) {
    prices.report(new Prices.NewPrice(market, commodity, day, price, stockDays));
  }

  private void item(String code, String zh, String en, SupplyCategory category, String unit, String standard, Long min,
      boolean necessity) {
    catalog.createItem(new SupplyCatalog.NewItem(code, zh, en, category, unit, standard, null,
        necessity ? new BigDecimal("0.4") : null, necessity, min, null));
  }

  private void receipt(String warehouse, String item, String batch, long quantity, LocalDate expiry, LotSource source) {
    ledger.record(new StockLedger.Movement(StockLedger.Operation.RECEIPT, warehouse, item, batch, quantity, expiry,
        source,
        source == LotSource.DONATION ? "爱心企业捐赠" : null, null, null, null, null, null));
  }

  private void issue(String warehouse, String item, long quantity) {
    ledger.record(new StockLedger.Movement(StockLedger.Operation.ISSUE, warehouse, item, null, quantity, null, null,
        null,
        null, null, null, null, null));
  }

  private UUID request(String purpose, RequestPriority priority, String item, long quantity) {
    return UUID.fromString(requests.create(new SupplyRequests.NewRequest("东湖区疫情防控指挥部", DISTRICT, priority, purpose,
        List.of(new SupplyRequests.NewLine(item, quantity)))).id());
  }
}
