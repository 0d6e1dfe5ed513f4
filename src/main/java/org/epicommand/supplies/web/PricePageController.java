package org.epicommand.supplies.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Tally;
import org.epicommand.supplies.PriceRules;
import org.epicommand.supplies.Prices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The necessity prices page ({@code /prices}): the alerts, one commodity's daily prices per market as an
 * ECharts line chart with the alerts marked (and as a table), the baseline date and the markup caps.
 */
@Controller
@RequestMapping("/prices")
@PreAuthorize(PriceApiController.READ)
class PricePageController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Prices prices;
  private final PriceRules rules;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  private final java.time.Clock clock;

  PricePageController(Prices prices, PriceRules rules, CurrentUser currentUser, FormMessages forms,
      java.time.Clock clock) {
    this.clock = clock;
    this.prices = prices;
    this.rules = rules;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String page(@RequestParam(required = false) String commodity, Model model) {
    List<String> basket = prices.basket();
    String chosen = commodity != null && basket.contains(commodity) ? commodity : basket.get(0);
    List<Prices.PricePoint> series = prices.series(chosen, null);
    Map<String, String> markets = prices.markets().stream()
        .collect(Collectors.toMap(Prices.Market::code, Prices.Market::name));
    Map<LocalDate, List<Prices.PricePoint>> byDay = new TreeMap<>(java.util.Comparator.reverseOrder());
    series.forEach(p -> byDay.computeIfAbsent(p.date(), d -> new ArrayList<>()).add(p));
    List<Prices.Alert> alerts = prices.alerts(30);
    model.addAttribute("basket", basket);
    model.addAttribute("commodity", chosen);
    model.addAttribute("byDay", byDay);
    model.addAttribute("markets", markets);
    model.addAttribute("alerts", alerts);
    model.addAttribute("chart", JSON.writeValueAsString(chart(chosen, series, markets, prices.alerts(366))));
    model.addAttribute("baseline", rules.baseline());
    model.addAttribute("caps", rules.caps());
    model.addAttribute("canSetBaseline", currentUser.get().has(Permission.SUPPLIES_MANAGE));
    model.addAttribute("canSetCaps", currentUser.get().has(Permission.PRICE_REPORT));
    model.addAttribute("today", LocalDate.now(clock));
    return "supplies/prices";
  }

  @PostMapping("/baseline")
  @PreAuthorize("hasAuthority('SUPPLIES_MANAGE')")
  String baseline(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/prices", "prices.baseline.saved", () -> rules.setBaseline(date));
  }

  /** Reports a day's price from the page's form (a phone at the market); errors come back as one sentence. */
  @PostMapping("/report")
  @PreAuthorize(PriceApiController.REPORT)
  String report(@RequestParam(required = false) String marketCode, @RequestParam(required = false) String commodity,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String price, @RequestParam(required = false) String stockDays,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/prices?commodity=" + (commodity == null ? "" : commodity), "prices.reported",
        () -> prices.report(new Prices.NewPrice(marketCode, commodity, date,
            SuppliesPageController.decimal(price, "price"), SuppliesPageController.decimal(stockDays, "stockDays"))));
  }

  @PostMapping("/caps")
  @PreAuthorize(PriceApiController.REPORT)
  String cap(@RequestParam(required = false) String commodity, @RequestParam(required = false) String marketCode,
      @RequestParam(required = false) String purchasePrice, @RequestParam(required = false) String maxMarkupPct,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/prices?commodity=" + (commodity == null ? "" : commodity), "prices.cap.saved",
        () -> prices.setCap(new PriceRules.Cap(commodity, marketCode,
            SuppliesPageController.decimal(purchasePrice, "purchasePrice"),
            SuppliesPageController.decimal(maxMarkupPct, "maxMarkupPct"))));
  }

  @PostMapping("/caps/{commodity}/lift")
  @PreAuthorize(PriceApiController.REPORT)
  String lift(@PathVariable String commodity, @RequestParam(required = false) String marketCode,
      @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    return forms.run(redirect, "/prices?commodity=" + commodity, "prices.cap.lifted",
        () -> prices.liftCap(commodity, marketCode, reason));
  }

  /** The home card 价格告警: the alerts of the last 7 days inside the caller's jurisdiction, by kind. */
  @GetMapping("/widget")
  String widget(Model model) {
    List<Prices.Alert> week = prices.alerts(7);
    List<Tally> tallies = new ArrayList<>();
    for (Prices.AlertKind kind : Prices.AlertKind.values()) {
      tallies.add(new Tally("prices.alert." + kind, week.stream().filter(a -> a.kind() == kind).count(), false,
          "/prices"));
    }
    model.addAttribute("widgetId", "prices");
    model.addAttribute("titleKey", "prices.widget.title");
    model.addAttribute("cardHref", "/prices");
    model.addAttribute("tallies", tallies);
    return "fragments/tally :: card";
  }

  /** The chart's data: the days, one line of prices per market (null where none), the commodity's alerts. */
  private Map<String, Object> chart(String commodity, List<Prices.PricePoint> series, Map<String, String> markets,
      List<Prices.Alert> alerts) {
    List<LocalDate> days = new ArrayList<>(new TreeSet<>(series.stream().map(Prices.PricePoint::date).toList()));
    Map<String, Map<LocalDate, BigDecimal>> byMarket = new TreeMap<>();
    series.forEach(p -> byMarket.computeIfAbsent(p.marketCode(), m -> new TreeMap<>()).put(p.date(), p.price()));
    List<Map<String, Object>> lines = new ArrayList<>();
    byMarket.forEach((market, byDay) -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("name", markets.getOrDefault(market, market));
      line.put("prices", days.stream().map(byDay::get).toList());
      line.put("alerts", alerts.stream().filter(a -> a.commodity().equals(commodity) && a.marketCode().equals(market)
          && byDay.containsKey(a.date())).map(a -> Map.of("day", a.date().toString(), "price", byDay.get(a.date()),
          "kind", forms.text("prices.alert." + a.kind()))).toList());
      lines.add(line);
    });
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("days", days.stream().map(LocalDate::toString).toList());
    chart.put("series", lines);
    chart.put("unit", forms.text("prices.price"));
    return chart;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem pricesNavigation() {
      return new NavigationItem(565, "/prices", "nav.prices", "PRICE_READ", NavigationGroup.SUPPLIES);
    }

    @Bean
    HomeWidget pricesHomeWidget() {
      return new HomeWidget(46, "/prices/widget", "PRICE_READ");
    }
  }
}
