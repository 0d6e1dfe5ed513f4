package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.labtest.Laboratories;
import org.epicommand.labtest.Laboratory;
import org.epicommand.labtest.LaboratoryDetails;
import org.epicommand.labtest.PlaceRegistry;
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
 * Sampling sites and labs as master data, the same endpoints for both
 * ({@code /api/v1/labtest/sampling-sites}, {@code /api/v1/labtest/labs}): everyone who works with
 * tests reads those of their jurisdiction; holders of {@code LAB_ADMIN} create, correct, retire and
 * take them back into service.
 *
 * @param <V> the record as shown
 * @param <D> the details an owner gives
 */
abstract class PlaceApiController<V, D> {

  static final String READ = "hasAnyAuthority('TEST_READ', 'LAB_ADMIN')";
  static final String ADMIN = "hasAuthority('LAB_ADMIN')";

  private final PlaceRegistry<V, D> registry;

  PlaceApiController(PlaceRegistry<V, D> registry) {
    this.registry = registry;
  }

  @Operation(
      summary = "Records inside the caller's jurisdiction (or a part of it), by code; active=true|false; q: the code or part of the name")
  @GetMapping
  @PreAuthorize(READ)
  PageResult<V> list(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Boolean active, @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return registry.list(jurisdiction, active, q, Paging.of(page, size));
  }

  @Operation(summary = "A record inside the caller's jurisdiction (404 otherwise)")
  @GetMapping("/{code}")
  @PreAuthorize(READ)
  V get(@PathVariable String code) {
    return registry.get(code);
  }

  @Operation(summary = "Creates a record: 400 naming the fields, 409 with existingId when the code is taken")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(ADMIN)
  V create(@RequestBody D request) {
    return registry.create(request);
  }

  @Operation(summary = "Corrects a record: everything but its code")
  @PutMapping("/{code}")
  @PreAuthorize(ADMIN)
  V update(@PathVariable String code, @RequestBody D request) {
    return registry.update(code, request);
  }

  @Operation(
      summary = "Retires a record: its history stays, new tubes (sites) or results (labs) are refused; 409 when retired")
  @PostMapping("/{code}/retire")
  @PreAuthorize(ADMIN)
  V retire(@PathVariable String code) {
    return registry.retire(code);
  }

  @Operation(summary = "Takes a retired record back into service; 409 when it is in service")
  @PostMapping("/{code}/reactivate")
  @PreAuthorize(ADMIN)
  V reactivate(@PathVariable String code) {
    return registry.reactivate(code);
  }

  /** {@code /api/v1/labtest/sampling-sites}: sampling sites (采样点), capacity in samples a day. */
  @RestController
  @RequestMapping("/api/v1/labtest/sampling-sites")
  @Tag(name = "Testing")
  static class SamplingSiteApiController extends PlaceApiController<SamplingSite, SamplingSiteDetails> {

    SamplingSiteApiController(SamplingSites sites) {
      super(sites);
    }
  }

  /** {@code /api/v1/labtest/labs}: laboratories (检测机构), capacity in tests a day. */
  @RestController
  @RequestMapping("/api/v1/labtest/labs")
  @Tag(name = "Testing")
  static class LaboratoryApiController extends PlaceApiController<Laboratory, LaboratoryDetails> {

    LaboratoryApiController(Laboratories labs) {
      super(labs);
    }
  }
}
