package org.epicommand.tipoff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.epicommand.platform.FormMessages;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOffs;
import org.epicommand.tipoff.internal.PublicTipOffLimit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public's tip-offs, no login ({@code /api/v1/public/tip-offs}): a submission answered with the
 * receipt number, and the status by that number — nothing personal. Both count against the limit per
 * client address ({@code epicommand.tipoff.public-per-minute}, then 429).
 */
@RestController
@Tag(name = "Tip-offs")
class PublicTipOffApiController {

  /** The public form's fields. */
  record PublicTipOff(TipOff.Topic topic, String subject, String address, String jurisdictionCode,
      String description, String informantName, String informantPhone, String informantDocument,
      String informantPaymentAccount) {

    TipOff.New toNew() {
      return new TipOff.New(TipOff.Channel.PUBLIC_FORM, topic, subject, address, jurisdictionCode, description,
          informantName, informantPhone, informantDocument, informantPaymentAccount);
    }
  }

  private final TipOffs tipOffs;
  private final PublicTipOffLimit limit;
  private final FormMessages messages;

  PublicTipOffApiController(TipOffs tipOffs, PublicTipOffLimit limit, FormMessages messages) {
    this.tipOffs = tipOffs;
    this.limit = limit;
    this.messages = messages;
  }

  @Operation(summary = "A tip-off from the public (no login; rate-limited per client address): the receipt number")
  @PostMapping("/api/v1/public/tip-offs")
  ResponseEntity<Object> submit(@RequestBody(required = false) PublicTipOff request, HttpServletRequest http) {
    if (!limit.admit(http.getRemoteAddr())) {
      return tooMany();
    }
    PublicTipOff tip = request == null
        ? new PublicTipOff(null, null, null, null, null, null, null, null, null) : request;
    return ResponseEntity.status(HttpStatus.CREATED).body(tipOffs.submit(tip.toNew(), http.getRemoteAddr()));
  }

  @Operation(summary = "The status of a tip-off by its receipt number (no login; rate-limited): status only")
  @GetMapping("/api/v1/public/tip-offs/{receipt}")
  ResponseEntity<Object> status(@PathVariable String receipt, HttpServletRequest http) {
    if (!limit.admit(http.getRemoteAddr())) {
      return tooMany();
    }
    return ResponseEntity.ok(tipOffs.status(receipt));
  }

  private ResponseEntity<Object> tooMany() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        messages.text("error.tipoff.rateLimited"));
    problem.setTitle("Too Many Requests");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
