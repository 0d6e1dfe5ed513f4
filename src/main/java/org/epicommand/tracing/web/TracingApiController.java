package org.epicommand.tracing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.tracing.ChainSummary;
import org.epicommand.tracing.Cluster;
import org.epicommand.tracing.TransmissionChain;
import org.epicommand.tracing.TransmissionChains;
import org.epicommand.tracing.TransmissionLink;
import org.epicommand.tracing.TransmissionSetting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Transmission links, chains and clusters (docs/api.md, Contract → Cases and tracing). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tracing")
class TracingApiController {

  record LinkRequest(String infectorCaseId, String infecteeCaseId, TransmissionSetting setting) {}

  private final TransmissionChains chains;

  TracingApiController(TransmissionChains chains) {
    this.chains = chains;
  }

  @Operation(summary = "Record an infector → infectee link; a link that would close a cycle → 400")
  @PostMapping("/transmissions")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CHAIN_WRITE')")
  TransmissionLink link(@RequestBody LinkRequest request) {
    return chains.link(request.infectorCaseId(), request.infecteeCaseId(), request.setting());
  }

  @Operation(summary = "The connected chain of a case with generations (1 = no known infector)")
  @GetMapping("/cases/{id}/chain")
  @PreAuthorize("hasAuthority('CASE_READ')")
  TransmissionChain chain(@PathVariable UUID id) {
    return chains.chain(id);
  }

  @Operation(summary = "Chains of two or more cases in the caller's jurisdiction, largest first")
  @GetMapping("/chains")
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<ChainSummary> list(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return chains.chains(Paging.of(page, size));
  }

  @Operation(summary = "Linked (≥ 5 in 14 days, configurable), family and named clusters")
  @GetMapping("/clusters")
  @PreAuthorize("hasAuthority('CASE_READ')")
  List<Cluster> clusters() {
    return chains.clusters();
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule transmissionApiRule() {
      return new ApiAccessRule("/api/v1/transmissions/**", "CHAIN_WRITE");
    }

    @Bean
    ApiAccessRule chainApiRule() {
      return new ApiAccessRule("/api/v1/chains/**", "CASE_READ");
    }

    @Bean
    ApiAccessRule clusterApiRule() {
      return new ApiAccessRule("/api/v1/clusters/**", "CASE_READ");
    }
  }
}
