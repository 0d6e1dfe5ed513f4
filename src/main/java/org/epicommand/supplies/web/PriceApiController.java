package org.epicommand.supplies.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.epicommand.supplies.PriceRules;
import org.epicommand.supplies.Prices;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Markets, necessity prices, their series and alerts ({@code /api/v1/prices}). */
@RestController
@RequestMapping("/api/v1/prices")
@Tag(name = "Supplies")
class PriceApiController {

  static final String READ = "hasAnyAuthority('PRICE_READ','PRICE_REPORT')";
  static final String REPORT = "hasAuthority('PRICE_REPORT')";

  record Correction(BigDecimal price, BigDecimal stockDays) {}

  record BaselineRequest(java.time.LocalDate date) {}

  private final Prices prices;
  private final PriceRules rules;

  PriceApiController(Prices prices, PriceRules rules) {
    this.prices = prices;
    this.rules = rules;
  }

  @Operation(summary = "The baseline date that applies inside the caller's division (null when none is set)")
  @GetMapping("/baseline")
  @PreAuthorize(READ)
  PriceRules.Baseline baseline() {
    return rules.baseline();
  }

  @Operation(summary = "Sets the baseline date of the caller's division: a price 20 % or more above the mean of the"
      + " 7 days before it raises PRICE_ABOVE_BASELINE")
  @PutMapping("/baseline")
  @PreAuthorize("hasAuthority('SUPPLIES_MANAGE')")
  PriceRules.Baseline setBaseline(@RequestBody(required = false) BaselineRequest body) {
    return rules.setBaseline(body == null ? null : body.date());
  }

  @Operation(summary = "The markup caps (per commodity, for every market or one market)")
  @GetMapping("/caps")
  @PreAuthorize(READ)
  List<PriceRules.Cap> caps() {
    return rules.caps();
  }

  @Operation(summary = "Sets a markup cap over a purchase price; a price above it raises MARKUP_EXCEEDED")
  @PutMapping("/caps")
  @PreAuthorize(REPORT)
  PriceRules.Cap setCap(@RequestBody PriceRules.Cap cap) {
    return prices.setCap(cap);
  }

  /** Lifting a cap: the market (none: the cap for every market) and why. */
  record Lift(String marketCode, String reason) {}

  @Operation(summary = "Lifts the cap in force for a commodity (history kept, audited); 409 when none is in force")
  @PostMapping("/caps/{commodity}/lift")
  @PreAuthorize(REPORT)
  PriceRules.LiftedCap liftCap(@PathVariable String commodity, @RequestBody(required = false) Lift body) {
    return prices.liftCap(commodity, body == null ? null : body.marketCode(), body == null ? null : body.reason());
  }

  @Operation(summary = "The lifted caps inside the caller's jurisdiction, newest first")
  @GetMapping("/caps/lifted")
  @PreAuthorize(READ)
  List<PriceRules.LiftedCap> liftedCaps() {
    return rules.liftedCaps();
  }

  @Operation(summary = "The markets inside the caller's jurisdiction")
  @GetMapping("/markets")
  @PreAuthorize(READ)
  List<Prices.Market> markets() {
    return prices.markets();
  }

  @Operation(summary = "Adds a market (wet market, supermarket, wholesale; 保供 flag); a taken code is 409")
  @PostMapping("/markets")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(REPORT)
  Prices.Market createMarket(@RequestBody Prices.NewMarket request) {
    return prices.createMarket(request);
  }

  @Operation(summary = "A commodity's daily prices at one market or all inside the caller's jurisdiction")
  @GetMapping({"", "/series"})
  @PreAuthorize(READ)
  List<Prices.PricePoint> series(@RequestParam(required = false) String commodity,
      @RequestParam(required = false) String market) {
    return prices.series(commodity, market);
  }

  @Operation(summary = "Reports a price (元/500 g); same market, commodity and date is 409 with existingId")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(REPORT)
  Prices.PricePoint report(@RequestBody Prices.NewPrice request) {
    return prices.report(request);
  }

  @Operation(summary = "Corrects a reported price")
  @PutMapping("/{id}")
  @PreAuthorize(REPORT)
  Prices.PricePoint correct(@PathVariable UUID id, @RequestBody Correction body) {
    return prices.correct(id, body.price(), body.stockDays());
  }

  @Operation(
      summary = "PRICE_RISE and NECESSITY_LOW alerts of the last days (default 30) inside the caller's jurisdiction")
  @GetMapping("/alerts")
  @PreAuthorize(READ)
  List<Prices.Alert> alerts(@RequestParam(required = false) Integer days) {
    return prices.alerts(days == null ? 30 : days);
  }
}
