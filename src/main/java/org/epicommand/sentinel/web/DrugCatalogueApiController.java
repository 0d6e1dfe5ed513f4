package org.epicommand.sentinel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicommand.sentinel.DrugCatalogue;
import org.epicommand.sentinel.DrugClass;
import org.epicommand.sentinel.DrugProduct;
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
 * {@code /api/v1/sentinel/drug-catalogue}: the products a pharmacy may register a sale of, by approval number with
 * their class; market regulation adds, corrects, retires and restores them (and imports many: kind
 * {@code drug-catalogue}).
 */
@RestController
@RequestMapping("/api/v1/sentinel/drug-catalogue")
@Tag(name = "Sentinels")
class DrugCatalogueApiController {

  /** A new product: its approval or registration number, name and class. */
  record NewProduct(String approvalNumber, String product, DrugClass drugClass) {}

  /** A correction: the name and class as they should read. */
  record Change(String product, DrugClass drugClass) {}

  record Retirement(String reason) {}

  private final DrugCatalogue catalogue;

  DrugCatalogueApiController(DrugCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Operation(summary = "The products on sale by class and name; with retired=true the retired ones after them")
  @GetMapping
  @PreAuthorize("hasAnyAuthority('SENTINEL_READ', 'PURCHASE_REGISTER')")
  List<DrugProduct> list(@RequestParam(defaultValue = "false") boolean retired) {
    return catalogue.list(retired);
  }

  @Operation(summary = "Adds a product to the drug catalogue: 400 naming the fields, 409 (existingId) when there")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(SentinelApiController.MANAGE)
  DrugProduct add(@RequestBody NewProduct request) {
    return catalogue.add(new DrugProduct(request.approvalNumber(), request.product(), request.drugClass()));
  }

  @Operation(summary = "Corrects a product's name and class: 400 naming the fields, 404 for an unknown number")
  @PutMapping("/{approvalNumber}")
  @PreAuthorize(SentinelApiController.MANAGE)
  DrugProduct correct(@PathVariable String approvalNumber, @RequestBody(required = false) Change change) {
    return catalogue.correct(approvalNumber, change == null ? null
        : new DrugProduct(approvalNumber, change.product(), change.drugClass()));
  }

  @Operation(summary = "Takes a product off the catalogue with a reason (it cannot be sold then); 409 when retired")
  @PostMapping("/{approvalNumber}/retire")
  @PreAuthorize(SentinelApiController.MANAGE)
  DrugProduct retire(@PathVariable String approvalNumber, @RequestBody(required = false) Retirement retirement) {
    return catalogue.retire(approvalNumber, retirement == null ? null : retirement.reason());
  }

  @Operation(summary = "Puts a retired product back on the catalogue; 409 when it is on sale")
  @PostMapping("/{approvalNumber}/restore")
  @PreAuthorize(SentinelApiController.MANAGE)
  DrugProduct restore(@PathVariable String approvalNumber) {
    return catalogue.restore(approvalNumber);
  }
}
