package org.epicommand.tipoff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.tipoff.InformantKeys;
import org.epicommand.tipoff.ReferralEvidence;
import org.epicommand.tipoff.RewardScales;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOffDesk;
import org.epicommand.tipoff.TipOffs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Tip-offs for staff: the office's desk and the community's verification ({@code /api/v1/tip-offs}). */
@RestController
@Tag(name = "Tip-offs")
class TipOffApiController {

  static final String READ = "hasAuthority('TIPOFF_READ')";
  static final String MANAGE = "hasAuthority('TIPOFF_MANAGE')";
  static final String VERIFY = "hasAuthority('TIPOFF_VERIFY')";

  /** A note, a reason or a payment reference. */
  record Note(String note) {}

  private final TipOffs tipOffs;
  private final TipOffDesk desk;
  private final ReferralEvidence evidence;
  private final InformantKeys informantKeys;
  private final RewardScales scales;

  TipOffApiController(TipOffs tipOffs, TipOffDesk desk, ReferralEvidence evidence, InformantKeys informantKeys,
      RewardScales scales) {
    this.scales = scales;
    this.tipOffs = tipOffs;
    this.desk = desk;
    this.evidence = evidence;
    this.informantKeys = informantKeys;
  }

  @Operation(summary = "Tip-offs the caller may see (the office: its jurisdiction; others: assigned inside theirs); "
      + "state OPEN (default), one state or ALL; topic; overdue = waiting for verification past the deadline")
  @GetMapping("/api/v1/tip-offs")
  @PreAuthorize(READ)
  PageResult<TipOff> list(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String state, @RequestParam(required = false) TipOff.Topic topic,
      @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return tipOffs.list(jurisdiction, state, topic, Boolean.TRUE.equals(overdue), Paging.of(page, size));
  }

  @Operation(summary = "Records a tip-off from the hotline (12345), a letter or a visit")
  @PostMapping("/api/v1/tip-offs")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGE)
  TipOff record(@RequestBody TipOff.New request) {
    return tipOffs.record(request);
  }

  @Operation(summary = "The reward scale per topic: the standard amount and the most (yuan), for topics that have one")
  @GetMapping("/api/v1/tip-offs/reward-scales")
  @PreAuthorize(READ)
  java.util.List<RewardScales.Scale> rewardScales() {
    return scales.list();
  }

  @Operation(summary = "Sets a topic's reward scale (tip-off office): amount > 0, maxAmount ≥ amount, both ≤ 100,000")
  @PutMapping("/api/v1/tip-offs/reward-scales/{topic}")
  @PreAuthorize(MANAGE)
  RewardScales.Scale setRewardScale(@PathVariable String topic,
      @RequestBody(required = false) RewardScales.Change change) {
    return scales.set(RewardScales.topic(topic), change);
  }

  @Operation(summary = "Removes a topic's reward scale (404 when it has none)")
  @DeleteMapping("/api/v1/tip-offs/reward-scales/{topic}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(MANAGE)
  void removeRewardScale(@PathVariable String topic) {
    scales.remove(RewardScales.topic(topic));
  }

  @Operation(summary = "A tip-off (audited), without its informant; 404 where the caller may not see it")
  @GetMapping("/api/v1/tip-offs/{id}")
  @PreAuthorize(READ)
  TipOff get(@PathVariable UUID id) {
    return tipOffs.get(id);
  }

  @Operation(summary = "Who informed (audited): the tip-off office alone; 404 for anyone else")
  @GetMapping("/api/v1/tip-offs/{id}/informant")
  @PreAuthorize(READ)
  TipOff.Informant informant(@PathVariable UUID id) {
    return tipOffs.informant(id);
  }

  @Operation(summary = "RECEIVED → ASSIGNED to a community for verification (default: the place's community)")
  @PostMapping("/api/v1/tip-offs/{id}/assign")
  @PreAuthorize(MANAGE)
  TipOff assign(@PathVariable UUID id, @RequestBody(required = false) TipOff.Assignment request) {
    return desk.assign(id, request);
  }

  @Operation(summary = "RECEIVED → UNSUBSTANTIATED (reason UNFOUNDED) or DUPLICATE (of duplicateOf)")
  @PostMapping("/api/v1/tip-offs/{id}/reject")
  @PreAuthorize(MANAGE)
  TipOff reject(@PathVariable UUID id, @RequestBody(required = false) TipOff.Refusal request) {
    return desk.reject(id, request);
  }

  @Operation(summary = "ASSIGNED → VERIFYING: the community worker takes it up")
  @PostMapping("/api/v1/tip-offs/{id}/start")
  @PreAuthorize(VERIFY)
  TipOff start(@PathVariable UUID id) {
    return desk.start(id);
  }

  @Operation(summary = "ASSIGNED or VERIFYING → SUBSTANTIATED (CONFIRMED, PARTLY_CONFIRMED) or UNSUBSTANTIATED")
  @PostMapping("/api/v1/tip-offs/{id}/verify")
  @PreAuthorize(VERIFY)
  TipOff verify(@PathVariable UUID id, @RequestBody(required = false) TipOff.Verification request) {
    return desk.verify(id, request);
  }

  @Operation(summary = "SUBSTANTIATED → REWARD_PROPOSED with the amount; 409 for anything not substantiated (a "
      + "duplicate's names the first tip-off, firstTipOffId: only its informant is rewarded)")
  @PostMapping("/api/v1/tip-offs/{id}/propose-reward")
  @PreAuthorize(MANAGE)
  TipOff proposeReward(@PathVariable UUID id, @RequestBody(required = false) TipOff.Reward request) {
    return desk.proposeReward(id, request);
  }

  @Operation(summary = "REWARD_PROPOSED → REWARD_APPROVED; 409 naming the proposer when they approve their own")
  @PostMapping("/api/v1/tip-offs/{id}/approve-reward")
  @PreAuthorize(MANAGE)
  TipOff approveReward(@PathVariable UUID id, @RequestBody(required = false) Note request) {
    return desk.decideReward(id, true, request == null ? null : request.note());
  }

  @Operation(summary = "Re-encrypts every informant sealed under an older key under the current key "
      + "(epicommand.tipoff.informant-key-id): batched, audited, idempotent; how many were rewritten")
  @PostMapping("/api/v1/tip-offs/informants/re-encrypt")
  @PreAuthorize("hasAuthority('TIPOFF_INFORMANT')")
  InformantKeys.Rotation reencrypt() {
    return informantKeys.reencrypt();
  }

  /** The registry person a tip-off's subject is matched to. */
  record SubjectPerson(UUID personId) {}

  @Operation(summary = "Matches the subject to a registry person inside the office's jurisdiction (400 personId "
      + "otherwise): tip-offs of the same topic about the same person within 7 days are possible duplicates")
  @PostMapping("/api/v1/tip-offs/{id}/subject-person")
  @PreAuthorize(MANAGE)
  TipOff matchSubject(@PathVariable UUID id, @RequestBody(required = false) SubjectPerson request) {
    return desk.matchSubject(id, request == null ? null : request.personId());
  }

  @Operation(summary = "REWARD_PROPOSED → REWARD_DECLINED, with the reason (note, 400 without); 409 naming the "
      + "proposer when they decline their own proposal")
  @PostMapping("/api/v1/tip-offs/{id}/decline-reward")
  @PreAuthorize(MANAGE)
  TipOff declineReward(@PathVariable UUID id, @RequestBody(required = false) Note request) {
    return desk.decideReward(id, false, request == null ? null : request.note());
  }

  @Operation(summary = "REWARD_APPROVED → REWARD_PAID, with the payment's reference (note)")
  @PostMapping("/api/v1/tip-offs/{id}/pay")
  @PreAuthorize(MANAGE)
  TipOff pay(@PathVariable UUID id, @RequestBody(required = false) Note request) {
    return desk.pay(id, request == null ? null : request.note());
  }

  @Operation(summary = "SUBSTANTIATED, REWARD_DECLINED or REWARD_PAID → CLOSED")
  @PostMapping("/api/v1/tip-offs/{id}/close")
  @PreAuthorize(MANAGE)
  TipOff close(@PathVariable UUID id) {
    return desk.close(id);
  }

  @Operation(summary = "Refers a substantiated concealment with its evidence; 409 with existingId when referred")
  @PostMapping("/api/v1/tip-offs/{id}/referral")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGE)
  TipOff refer(@PathVariable UUID id, @RequestBody(required = false) TipOff.NewReferral request) {
    return desk.refer(id, request);
  }

  @Operation(summary = "The authority's decision on the referral: REFERRED → DECIDED")
  @PostMapping("/api/v1/tip-offs/{id}/referral/decision")
  @PreAuthorize(MANAGE)
  TipOff decide(@PathVariable UUID id, @RequestBody(required = false) TipOff.Decision request) {
    return desk.decideReferral(id, request);
  }

  @Operation(summary = "Adds a file to the referral's evidence: PDF, JPEG, PNG or WebP by content (415), at most"
      + " 10 MB (413); 409 once decided")
  @PostMapping(path = "/api/v1/tip-offs/{id}/referral/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGE)
  TipOff.EvidenceFile addFile(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    return evidence.add(id, file == null ? null : file.getOriginalFilename(),
        file == null ? null : file.getInputStream());
  }

  @Operation(summary = "A file of the referral's evidence (audited), offered as a download")
  @GetMapping("/api/v1/tip-offs/{id}/referral/files/{fileId}")
  @PreAuthorize(MANAGE)
  ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable UUID fileId) {
    return download(evidence.file(id, fileId));
  }

  /** The bytes of an evidence file as an attachment, never sniffed by the browser, never cached. */
  static ResponseEntity<Resource> download(ReferralEvidence.Content content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(content.contentType()));
    headers.setContentDisposition(ContentDisposition.attachment()
        .filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build());
    headers.setCacheControl(CacheControl.noStore());
    headers.set("X-Content-Type-Options", "nosniff");
    return new ResponseEntity<>(new FileSystemResource(content.file()), headers, HttpStatus.OK);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule tipOffAccessRule() {
      return new ApiAccessRule("/api/v1/tip-offs/**", "TIPOFF_READ");
    }
  }
}
