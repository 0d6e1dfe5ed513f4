package org.epicommand.supplies.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.supplies.Producers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Producers of protective goods and their daily output reports ({@code /api/v1/supplies/producers}). */
@RestController
@RequestMapping("/api/v1/supplies/producers")
@Tag(name = "Supplies")
class ProducerApiController {

  private final Producers producers;

  ProducerApiController(Producers producers) {
    this.producers = producers;
  }

  @Operation(summary = "Producers inside the caller's jurisdiction with their latest report, bottlenecks first")
  @GetMapping
  @PreAuthorize(SuppliesApiController.READ)
  List<Producers.Producer> list() {
    return producers.list();
  }

  @Operation(
      summary = "Registers an organisation of the directory as a producer (items, daily capacity); 409 when it is one")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(SuppliesApiController.MANAGE)
  Producers.Producer register(@RequestBody Producers.NewProducer request) {
    return producers.register(request);
  }

  @GetMapping("/{id}")
  @PreAuthorize(SuppliesApiController.READ)
  Producers.Producer get(@PathVariable UUID id) {
    return producers.get(id);
  }

  @Operation(summary = "The producer's daily reports, newest first")
  @GetMapping("/{id}/reports")
  @PreAuthorize(SuppliesApiController.READ)
  List<Producers.Report> reports(@PathVariable UUID id) {
    return producers.reports(id);
  }

  @Operation(summary = "Files a day's output, shipments and bottleneck; the same day twice is 409")
  @PostMapping("/{id}/reports")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(SuppliesApiController.MANAGE)
  Producers.Report report(@PathVariable UUID id, @RequestBody Producers.NewReport request) {
    return producers.report(id, request);
  }
}
