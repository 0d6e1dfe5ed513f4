package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.labtest.Campaign;
import org.epicommand.labtest.CampaignBoard;
import org.epicommand.labtest.NewRound;
import org.epicommand.labtest.Campaigns;
import org.epicommand.labtest.CoverageRow;
import org.epicommand.labtest.NewCampaign;
import org.epicommand.labtest.RetestItem;
import org.epicommand.labtest.TubeView;
import org.epicommand.labtest.TransportBatch;
import org.epicommand.labtest.TransportBatches;
import org.epicommand.labtest.Tubes;
import org.epicommand.labtest.UntestedLists;
import org.epicommand.labtest.UntestedPerson;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Testing (docs/api.md, Contract → Testing): tubes, retest lists, campaigns and their coverage. */
@RestController
@Tag(name = "Testing")
class LabtestApiController {

  private final Tubes tubes;
  private final Campaigns campaigns;
  private final UntestedLists untested;
  private final TransportBatches transport;
  private final CampaignBoard board;

  LabtestApiController(Tubes tubes, Campaigns campaigns, UntestedLists untested, TransportBatches transport,
      CampaignBoard board) {
    this.board = board;
    this.transport = transport;
    this.tubes = tubes;
    this.campaigns = campaigns;
    this.untested = untested;
  }

  @Operation(
      summary = "A tube with its members inside the caller's jurisdiction; 404 when none is (lab operators see every tube)")
  @GetMapping("/api/v1/tubes/{barcode}")
  @PreAuthorize("hasAuthority('TEST_READ')")
  TubeView tube(@PathVariable String barcode) {
    return tubes.tube(barcode);
  }

  @Operation(summary = "Persons awaiting a single-tube retest after a positive pool, oldest first")
  @GetMapping("/api/v1/retests")
  @PreAuthorize("hasAuthority('TEST_READ')")
  PageResult<RetestItem> retests(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return tubes.retests(jurisdiction, Paging.of(page, size));
  }

  @PostMapping("/api/v1/campaigns")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CAMPAIGN_WRITE')")
  Campaign create(@RequestBody NewCampaign request) {
    return campaigns.create(request);
  }

  @Operation(summary = "Residents, tested and untested per jurisdiction of a level (default VILLAGE)")
  @GetMapping("/api/v1/campaigns/{id}/coverage")
  @PreAuthorize("hasAuthority('TEST_READ')")
  List<CoverageRow> coverage(@PathVariable UUID id, @RequestParam(required = false) String level) {
    return campaigns.coverage(id, level);
  }

  @Operation(summary = "Campaigns whose scope overlaps the caller's jurisdiction, latest first")
  @GetMapping("/api/v1/campaigns")
  @PreAuthorize("hasAuthority('TEST_READ')")
  List<Campaign> campaigns() {
    return campaigns.list();
  }

  @Operation(summary = "A campaign with its rounds")
  @GetMapping("/api/v1/campaigns/{id}")
  @PreAuthorize("hasAuthority('TEST_READ')")
  Campaign campaign(@PathVariable UUID id) {
    return campaigns.get(id);
  }

  @Operation(summary = "Add the next round (a time window after the last round's end); 201 with the campaign")
  @PostMapping("/api/v1/campaigns/{id}/rounds")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CAMPAIGN_WRITE')")
  Campaign addRound(@PathVariable UUID id, @RequestBody NewRound request) {
    return campaigns.addRound(id, request);
  }

  @Operation(summary = "Tubes and persons sampled and results reported per hour (whole campaign or one round)")
  @GetMapping("/api/v1/campaigns/{id}/progress")
  @PreAuthorize("hasAuthority('TEST_READ')")
  List<CampaignBoard.Hour> progress(@PathVariable UUID id, @RequestParam(required = false) Integer round) {
    return board.progress(id, round);
  }

  @Operation(summary = "Load per sampling site: tubes, persons, busiest hour")
  @GetMapping("/api/v1/campaigns/{id}/sites")
  @PreAuthorize("hasAuthority('TEST_READ')")
  List<CampaignBoard.SiteLoad> sites(@PathVariable UUID id, @RequestParam(required = false) Integer round) {
    return board.sites(id, round);
  }

  @Operation(summary = "Every lab's turnaround over the last hours (1–720, default 24), receipt → result at the lab "
      + "with the alert (slowAtLab: p90 above 12 h)")
  @GetMapping("/api/v1/labtest/turnaround")
  @PreAuthorize("hasAuthority('TEST_READ')")
  List<CampaignBoard.LabTurnaround> labTurnaround(
      @RequestParam(required = false) Integer hours) {
    return board.recentTurnaround(hours);
  }

  @Operation(summary = "Turnaround percentiles per lab in minutes: sampling → result, → hand-over, "
      + "hand-over → receipt, "
      + "receipt → result")
  @GetMapping("/api/v1/campaigns/{id}/turnaround")
  @PreAuthorize("hasAuthority('TEST_READ')")
  List<CampaignBoard.LabTurnaround> turnaround(@PathVariable UUID id, @RequestParam(required = false) Integer round) {
    return board.turnaround(id, round);
  }

  @Operation(
      summary = "Suggested pool size from the area's risk level (given, or the campaign's) and positivity so far")
  @GetMapping("/api/v1/campaigns/{id}/pool-size")
  @PreAuthorize("hasAuthority('TEST_READ')")
  CampaignBoard.PoolSize poolSize(@PathVariable UUID id, @RequestParam(required = false) String riskLevel) {
    return board.poolSize(id, riskLevel);
  }

  record HandOver(String code, String siteCode, String labCode, List<String> barcodes) {}

  @Operation(summary = "Hand tubes over to a lab: each COLLECTED → IN_TRANSIT (409 naming the state otherwise)")
  @PostMapping("/api/v1/transport-batches")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('LAB_SAMPLE_WRITE')")
  TransportBatch handOver(@RequestBody HandOver request) {
    return transport.handOver(request.code(), request.siteCode(), request.labCode(), request.barcodes());
  }

  @Operation(summary = "Receive a transport batch at the lab: its tubes IN_TRANSIT → RECEIVED")
  @PostMapping("/api/v1/transport-batches/{code}/receive")
  @PreAuthorize("hasAuthority('LAB_RESULT_WRITE')")
  TransportBatch receive(@PathVariable String code) {
    return transport.receive(code);
  }

  static final List<String> UNTESTED_HEADER = List.of("personId", "name", "jurisdictionCode");

  @Operation(
      summary = "Residents not tested in the campaign's window, in a jurisdiction of its scope (default: the caller's)")
  @GetMapping(path = "/api/v1/campaigns/{id}/untested", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('TEST_READ')")
  PageResult<UntestedPerson> untested(@PathVariable UUID id, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return untested.page(id, jurisdiction, Paging.of(page, size));
  }

  @Operation(summary = "The not-tested list as CSV (UTF-8 with BOM); audited as EXPORT")
  @GetMapping(path = "/api/v1/campaigns/{id}/untested", produces = "text/csv")
  @PreAuthorize("hasAuthority('TEST_READ')")
  ResponseEntity<StreamingResponseBody> untestedCsv(@PathVariable UUID id,
      @RequestParam(required = false) String jurisdiction) {
    java.util.function.Consumer<java.io.OutputStream> export = untested.export(id, jurisdiction, UNTESTED_HEADER);
    StreamingResponseBody body = export::accept;
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"untested.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(body);
  }

  /** URL-level rules: 403 before the body is read. */
  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule tubesRule() {
      return new ApiAccessRule("/api/v1/tubes/**", "TEST_READ");
    }

    @Bean
    ApiAccessRule retestsRule() {
      return new ApiAccessRule("/api/v1/retests/**", "TEST_READ");
    }

    @Bean
    ApiAccessRule handOverRule() {
      return new ApiAccessRule("/api/v1/transport-batches", "LAB_SAMPLE_WRITE");
    }

    @Bean
    ApiAccessRule receiveRule() {
      return new ApiAccessRule("/api/v1/transport-batches/*/receive", "LAB_RESULT_WRITE");
    }

    @Bean
    ApiAccessRule campaignsRule() {
      return new ApiAccessRule("/api/v1/campaigns/**", "TEST_READ");
    }
  }
}
