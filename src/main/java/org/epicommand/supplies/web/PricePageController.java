package org.epicommand.supplies.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.supplies.Prices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The necessity prices page ({@code /prices}): the alerts, and one commodity's prices by day and market. */
@Controller
@RequestMapping("/prices")
@PreAuthorize(PriceApiController.READ)
class PricePageController {

  private final Prices prices;

  PricePageController(Prices prices) {
    this.prices = prices;
  }

  @GetMapping
  String page(@RequestParam(required = false) String commodity, Model model) {
    List<String> basket = prices.basket();
    String chosen = commodity != null && basket.contains(commodity) ? commodity : basket.get(0);
    List<Prices.PricePoint> series = prices.series(chosen, null);
    Map<String, String> markets = prices.markets().stream()
        .collect(Collectors.toMap(Prices.Market::code, Prices.Market::name));
    Map<java.time.LocalDate, List<Prices.PricePoint>> byDay = new TreeMap<>(java.util.Comparator.reverseOrder());
    series.forEach(p -> byDay.computeIfAbsent(p.date(), d -> new java.util.ArrayList<>()).add(p));
    model.addAttribute("basket", basket);
    model.addAttribute("commodity", chosen);
    model.addAttribute("byDay", byDay);
    model.addAttribute("markets", markets);
    model.addAttribute("alerts", prices.alerts(30));
    return "supplies/prices";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem pricesNavigation() {
      return new NavigationItem(565, "/prices", "nav.prices", "PRICE_READ", NavigationGroup.SUPPLIES);
    }
  }
}
