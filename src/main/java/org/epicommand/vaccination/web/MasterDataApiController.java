package org.epicommand.vaccination.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.MasterRegistry;
import org.epicommand.vaccination.VaccinationSite;
import org.epicommand.vaccination.VaccinationSiteDetails;
import org.epicommand.vaccination.VaccinationSites;
import org.epicommand.vaccination.VaccineProduct;
import org.epicommand.vaccination.VaccineProductDetails;
import org.epicommand.vaccination.VaccineProducts;
import org.epicommand.vaccination.Vaccinator;
import org.epicommand.vaccination.VaccinatorDetails;
import org.epicommand.vaccination.Vaccinators;
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
 * Vaccine products, vaccination sites and vaccinators as master data, the same endpoints for each
 * ({@code /api/v1/vaccination/products}, {@code …/sites}, {@code …/vaccinators}): everyone who works
 * with vaccination reads those of their jurisdiction (products: all); holders of {@code
 * VACCINATION_ADMIN} create, correct, retire and take them back into service.
 *
 * @param <V> the record as shown
 * @param <D> the details an owner gives
 */
abstract class MasterDataApiController<V, D> {

  static final String READ = "hasAnyAuthority('VACCINATION_READ', 'VACCINATION_ADMIN')";
  static final String ADMIN = "hasAuthority('VACCINATION_ADMIN')";

  private final MasterRegistry<V, D> registry;

  MasterDataApiController(MasterRegistry<V, D> registry) {
    this.registry = registry;
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

  @Operation(summary = "Retires a record: its doses stay, new doses are refused (409); 409 when retired")
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

  /** {@code /api/v1/vaccination/products}: vaccine products and their dose rules. */
  @RestController
  @RequestMapping("/api/v1/vaccination/products")
  @Tag(name = "Vaccination")
  static class ProductApiController extends MasterDataApiController<VaccineProduct, VaccineProductDetails> {

    private final VaccineProducts products;

    ProductApiController(VaccineProducts products) {
      super(products);
      this.products = products;
    }

    @Operation(summary = "Products by code; active=true|false; q: the code or part of the name")
    @GetMapping
    @PreAuthorize(READ)
    PageResult<VaccineProduct> list(@RequestParam(required = false) Boolean active,
        @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
        @RequestParam(required = false) Integer size) {
      return products.list(active, q, Paging.of(page, size));
    }
  }

  /** {@code /api/v1/vaccination/sites}: vaccination sites (接种点). */
  @RestController
  @RequestMapping("/api/v1/vaccination/sites")
  @Tag(name = "Vaccination")
  static class SiteApiController extends MasterDataApiController<VaccinationSite, VaccinationSiteDetails> {

    private final VaccinationSites sites;

    SiteApiController(VaccinationSites sites) {
      super(sites);
      this.sites = sites;
    }

    @Operation(summary = "Sites inside the caller's jurisdiction (or a part of it), by code; active; q")
    @GetMapping
    @PreAuthorize(READ)
    PageResult<VaccinationSite> list(@RequestParam(required = false) String jurisdiction,
        @RequestParam(required = false) Boolean active, @RequestParam(required = false) String q,
        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
      return sites.list(jurisdiction, active, q, Paging.of(page, size));
    }
  }

  /** {@code /api/v1/vaccination/vaccinators}: vaccinators (接种人员) and the accounts they record doses with. */
  @RestController
  @RequestMapping("/api/v1/vaccination/vaccinators")
  @Tag(name = "Vaccination")
  static class VaccinatorApiController extends MasterDataApiController<Vaccinator, VaccinatorDetails> {

    private final Vaccinators vaccinators;

    VaccinatorApiController(Vaccinators vaccinators) {
      super(vaccinators);
      this.vaccinators = vaccinators;
    }

    @Operation(summary = "Vaccinators of the sites inside the caller's jurisdiction; siteCode; active; q")
    @GetMapping
    @PreAuthorize(READ)
    PageResult<Vaccinator> list(@RequestParam(required = false) String jurisdiction,
        @RequestParam(required = false) String siteCode, @RequestParam(required = false) Boolean active,
        @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
        @RequestParam(required = false) Integer size) {
      return vaccinators.list(jurisdiction, siteCode, active, q, Paging.of(page, size));
    }
  }
}
