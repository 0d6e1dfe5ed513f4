package org.epicommand.sentinel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.sentinel.DrugClass;
import org.epicommand.sentinel.DrugPolicies;
import org.epicommand.sentinel.DrugPolicy;
import org.epicommand.sentinel.FeverEnquiry;
import org.epicommand.sentinel.Inspection;
import org.epicommand.sentinel.InspectionAmendments;
import org.epicommand.sentinel.NewDrugPolicy;
import org.epicommand.sentinel.NewFeverEnquiry;
import org.epicommand.sentinel.NewInspection;
import org.epicommand.sentinel.NewPharmacy;
import org.epicommand.sentinel.NewPurchase;
import org.epicommand.sentinel.Pharmacies;
import org.epicommand.sentinel.PharmacyClerks;
import org.epicommand.sentinel.PharmacyInspections;
import org.epicommand.sentinel.Pharmacy;
import org.epicommand.sentinel.PharmacyStatus;
import org.epicommand.sentinel.Purchase;
import org.epicommand.sentinel.PurchaseBoard;
import org.epicommand.sentinel.PurchaseBoards;
import org.epicommand.sentinel.Purchases;
import org.epicommand.sentinel.VerificationItem;
import org.epicommand.sentinel.VerificationOutcome;
import org.epicommand.sentinel.VerificationState;
import org.epicommand.sentinel.Verifications;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.EntityBindingsApi;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/sentinel/…}: pharmacies and their status, the drug catalogue and dated class
 * policies, real-name purchases (a bound clerk: their pharmacy, the day's registrations), inspections of a
 * pharmacy by market regulation, and the community's verification list with its moves.
 */
@RestController
@RequestMapping("/api/v1/sentinel")
@Tag(name = "Sentinels")
class SentinelApiController {

  static final String READ = "hasAuthority('SENTINEL_READ')";
  static final String MANAGE = "hasAuthority('SENTINEL_MANAGE')";
  static final String REGISTER = "hasAuthority('PURCHASE_REGISTER')";
  static final String VERIFY = "hasAuthority('SENTINEL_VERIFY')";

  /** A status change. */
  record StatusRequest(PharmacyStatus status) {}

  /** A verification move: the outcome (close only) and a note (the reason of an exclusion). */
  record VerificationRequest(VerificationOutcome outcome, String note) {}

  record WithdrawalRequest(String reason) {}

  /** A correction of an inspection's findings: the findings as they should read and why. */
  record CorrectionRequest(String findings, String reason) {}

  private final Pharmacies pharmacies;
  private final DrugPolicies policies;
  private final Purchases purchases;
  private final PurchaseBoards boards;
  private final Verifications verifications;
  private final PharmacyInspections inspections;
  private final InspectionAmendments amendments;

  SentinelApiController(Pharmacies pharmacies, DrugPolicies policies, Purchases purchases, PurchaseBoards boards,
      Verifications verifications, PharmacyInspections inspections, InspectionAmendments amendments) {
    this.pharmacies = pharmacies;
    this.policies = policies;
    this.purchases = purchases;
    this.boards = boards;
    this.verifications = verifications;
    this.inspections = inspections;
    this.amendments = amendments;
  }

  @Operation(summary = "Pharmacies inside the caller's jurisdiction (a clerk: their own), by name")
  @GetMapping("/pharmacies")
  @PreAuthorize("hasAnyAuthority('SENTINEL_READ', 'PURCHASE_REGISTER')")
  PageResult<Pharmacy> pharmacies(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return pharmacies.list(jurisdiction, Paging.of(page, size));
  }

  @Operation(
      summary = "Registers a pharmacy of the directory: 400 when not a pharmacy, 409 (existingId) when registered")
  @PostMapping("/pharmacies")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGE)
  Pharmacy register(@RequestBody NewPharmacy request) {
    return pharmacies.register(request);
  }

  @Operation(summary = "A pharmacy the caller reaches (404 otherwise)")
  @GetMapping("/pharmacies/{code}")
  @PreAuthorize("hasAnyAuthority('SENTINEL_READ', 'PURCHASE_REGISTER')")
  Pharmacy pharmacy(@PathVariable String code) {
    return pharmacies.get(code);
  }

  @Operation(summary = "Sets a pharmacy's status (OPEN, RESTRICTED, SALES_SUSPENDED, CLOSED)")
  @PostMapping("/pharmacies/{code}/status")
  @PreAuthorize(MANAGE)
  Pharmacy status(@PathVariable String code, @RequestBody StatusRequest request) {
    return pharmacies.setStatus(code, request.status());
  }

  @Operation(summary = "A pharmacy's inspections, newest first, with the buyers found (masked); audited")
  @GetMapping("/pharmacies/{code}/inspections")
  @PreAuthorize(READ)
  List<Inspection> inspections(@PathVariable String code) {
    return inspections.list(code);
  }

  @Operation(summary = "Records an inspection (market regulation): 201, or 200 with the inspection when the same "
      + "payload was recorded before; 400 naming the fields (buyers[i].idNumber …), nothing stored")
  @PostMapping("/pharmacies/{code}/inspections")
  @PreAuthorize(MANAGE)
  ResponseEntity<Inspection> inspect(@PathVariable String code, @RequestBody NewInspection request) {
    PharmacyInspections.Recorded recorded = inspections.record(code, request);
    return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.inspection());
  }

  @Operation(summary = "Withdraws an inspection recorded by mistake (market regulation), with a reason: its open "
      + "verification items close, the pharmacy's status stays; 409 naming WITHDRAWN the second time")
  @PostMapping("/pharmacies/{code}/inspections/{id}/withdraw")
  @PreAuthorize(MANAGE)
  Inspection withdraw(@PathVariable String code, @PathVariable UUID id,
      @RequestBody(required = false) WithdrawalRequest request) {
    return amendments.withdraw(code, id, request == null ? null : request.reason());
  }

  @Operation(summary = "Corrects an inspection's findings in place (market regulation), with a reason; the day, "
      + "outcome, status and buyers are corrected by withdrawing and recording again; 409 naming WITHDRAWN")
  @PostMapping("/pharmacies/{code}/inspections/{id}/correct")
  @PreAuthorize(MANAGE)
  Inspection correct(@PathVariable String code, @PathVariable UUID id,
      @RequestBody(required = false) CorrectionRequest request) {
    return amendments.correct(code, id, request == null ? null : request.findings(),
        request == null ? null : request.reason());
  }

  @Operation(summary = "The class policies holding in or under the caller's jurisdiction, newest first")
  @GetMapping("/drug-policies")
  @PreAuthorize(READ)
  List<DrugPolicy> policies() {
    return policies.list();
  }

  @Operation(
      summary = "Adds a dated class policy: 400 naming the fields, 409 (existingId) for the same division, day and class")
  @PostMapping("/drug-policies")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGE)
  DrugPolicy addPolicy(@RequestBody NewDrugPolicy request) {
    return policies.add(request);
  }

  @Operation(
      summary = "Registers a real-name purchase: 400 naming the fields, 409 when the class is suspended or the buyer febrile")
  @PostMapping("/purchases")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(REGISTER)
  Purchase purchase(@RequestBody NewPurchase request) {
    return purchases.register(request);
  }

  @Operation(summary = "Logs a refused sale or a febrile buyer's enquiry (anonymous unless a document is given)")
  @PostMapping("/fever-enquiries")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(REGISTER)
  FeverEnquiry enquiry(@RequestBody NewFeverEnquiry request) {
    return purchases.enquiry(request);
  }

  @Operation(summary = "The sentinel board: registrations per day, class and part of a division against a 7-day "
      + "baseline, with the rises (counts only)")
  @GetMapping("/board")
  @PreAuthorize(READ)
  PurchaseBoard board(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) LocalDate day, @RequestParam(required = false) DrugClass drugClass) {
    return boards.board(jurisdiction, day, drugClass);
  }

  @Operation(summary = "The day's registrations at a pharmacy (a clerk: their own)")
  @GetMapping("/purchases")
  @PreAuthorize("hasAnyAuthority('SENTINEL_READ', 'PURCHASE_REGISTER')")
  List<Purchase> purchases(@RequestParam(required = false) String pharmacy) {
    return purchases.today(pharmacy);
  }

  @Operation(
      summary = "A registration the caller reaches (a clerk: their pharmacy's of the day; 404 otherwise); audited")
  @GetMapping("/purchases/{id}")
  @PreAuthorize("hasAnyAuthority('SENTINEL_READ', 'PURCHASE_REGISTER')")
  Purchase purchase(@PathVariable UUID id) {
    return purchases.get(id);
  }

  @Operation(summary = "Verification items inside the caller's jurisdiction: state (default: not closed), overdue=true")
  @GetMapping("/verification")
  @PreAuthorize(READ)
  PageResult<VerificationItem> verification(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) VerificationState state, @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return verifications.list(jurisdiction, state, overdue, Paging.of(page, size));
  }

  @Operation(summary = "A verification item inside the caller's jurisdiction (404 otherwise); audited")
  @GetMapping("/verification/{id}")
  @PreAuthorize(READ)
  VerificationItem item(@PathVariable UUID id) {
    return verifications.get(id);
  }

  @Operation(summary = "The buyer was reached: OPEN → CONTACTED (409 naming the current state otherwise)")
  @PostMapping("/verification/{id}/contact")
  @PreAuthorize(VERIFY)
  VerificationItem contact(@PathVariable UUID id, @RequestBody(required = false) VerificationRequest request) {
    return verifications.contact(id, request == null ? null : request.note());
  }

  @Operation(summary = "Closes an item with an outcome (EXCLUDED needs a note); 409 once closed")
  @PostMapping("/verification/{id}/close")
  @PreAuthorize(VERIFY)
  VerificationItem close(@PathVariable UUID id, @RequestBody VerificationRequest request) {
    return verifications.close(id, request.outcome(), request.note());
  }

  /** {@code /api/v1/sentinel/pharmacy-clerks/{code}}: the clerks bound to a pharmacy, kept by administrators. */
  @RestController
  @RequestMapping("/api/v1/sentinel/pharmacy-clerks/{entity}")
  @Tag(name = "Sentinels")
  static class PharmacyClerkApiController extends EntityBindingsApi {

    PharmacyClerkApiController(PharmacyClerks clerks) {
      super(clerks);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule pharmacyClerksRule() {
      return new ApiAccessRule("/api/v1/sentinel/pharmacy-clerks/**", "USER_ADMIN");
    }
  }
}
