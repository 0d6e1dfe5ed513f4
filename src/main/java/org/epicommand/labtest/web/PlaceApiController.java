package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.labtest.Laboratories;
import org.epicommand.labtest.Laboratory;
import org.epicommand.labtest.LaboratoryDetails;
import org.epicommand.labtest.SamplingSite;
import org.epicommand.labtest.SamplingSiteDetails;
import org.epicommand.labtest.SamplingSites;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
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

/**
 * Sampling sites and labs as master data ({@code /api/v1/labtest/sampling-sites}, {@code …/labs}):
 * everyone who works with tests reads those of their jurisdiction; holders of {@code LAB_ADMIN}
 * create, correct, retire and take them back into service.
 */
@RestController
@RequestMapping("/api/v1/labtest")
@Tag(name = "Testing")
class PlaceApiController {

  static final String READ = "hasAnyAuthority('TEST_READ', 'LAB_ADMIN')";
  static final String ADMIN = "hasAuthority('LAB_ADMIN')";

  private final SamplingSites sites;
  private final Laboratories labs;

  PlaceApiController(SamplingSites sites, Laboratories labs) {
    this.sites = sites;
    this.labs = labs;
  }

  @Operation(summary = "Sampling sites inside the caller's jurisdiction (or a part of it), by code; active=true|false; q: code or part of the name")
  @GetMapping("/sampling-sites")
  @PreAuthorize(READ)
  PageResult<SamplingSite> sites(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Boolean active, @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return sites.list(jurisdiction, active, q, Paging.of(page, size));
  }

  @GetMapping("/sampling-sites/{code}")
  @PreAuthorize(READ)
  SamplingSite site(@PathVariable String code) {
    return sites.get(code);
  }

  @Operation(summary = "Creates a sampling site: 400 naming the fields, 409 with existingId when the code is taken")
  @PostMapping("/sampling-sites")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(ADMIN)
  SamplingSite createSite(@RequestBody SamplingSiteDetails request) {
    return sites.create(request);
  }

  @Operation(summary = "Corrects a sampling site (everything but its code)")
  @PutMapping("/sampling-sites/{code}")
  @PreAuthorize(ADMIN)
  SamplingSite updateSite(@PathVariable String code, @RequestBody SamplingSiteDetails request) {
    return sites.update(code, request);
  }

  @Operation(summary = "Retires a sampling site: its tubes stay, new tubes are refused; 409 when retired already")
  @PostMapping("/sampling-sites/{code}/retire")
  @PreAuthorize(ADMIN)
  SamplingSite retireSite(@PathVariable String code) {
    return sites.retire(code);
  }

  @Operation(summary = "Takes a retired sampling site back into service; 409 when it is active")
  @PostMapping("/sampling-sites/{code}/reactivate")
  @PreAuthorize(ADMIN)
  SamplingSite reactivateSite(@PathVariable String code) {
    return sites.reactivate(code);
  }

  @Operation(summary = "Labs inside the caller's jurisdiction (or a part of it; labs without one are the whole city's), by code")
  @GetMapping("/labs")
  @PreAuthorize(READ)
  PageResult<Laboratory> labs(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Boolean active, @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return labs.list(jurisdiction, active, q, Paging.of(page, size));
  }

  @GetMapping("/labs/{code}")
  @PreAuthorize(READ)
  Laboratory lab(@PathVariable String code) {
    return labs.get(code);
  }

  @Operation(summary = "Creates a lab: 400 naming the fields, 409 with existingId when the code is taken")
  @PostMapping("/labs")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(ADMIN)
  Laboratory createLab(@RequestBody LaboratoryDetails request) {
    return labs.create(request);
  }

  @Operation(summary = "Corrects a lab (everything but its code)")
  @PutMapping("/labs/{code}")
  @PreAuthorize(ADMIN)
  Laboratory updateLab(@PathVariable String code, @RequestBody LaboratoryDetails request) {
    return labs.update(code, request);
  }

  @Operation(summary = "Retires a lab: its results stay, new results are refused; 409 when retired already")
  @PostMapping("/labs/{code}/retire")
  @PreAuthorize(ADMIN)
  Laboratory retireLab(@PathVariable String code) {
    return labs.retire(code);
  }

  @Operation(summary = "Takes a retired lab back into service; 409 when it is active")
  @PostMapping("/labs/{code}/reactivate")
  @PreAuthorize(ADMIN)
  Laboratory reactivateLab(@PathVariable String code) {
    return labs.reactivate(code);
  }
}
