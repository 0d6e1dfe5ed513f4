package org.epicommand.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.analytics.Bulletin;
import org.epicommand.analytics.Bulletins;
import org.epicommand.shared.ApiAccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public bulletin for the command office: {@code /api/v1/analytics/bulletins} (draft from the data, list),
 * {@code /{date}} (read, edit the text of a draft), {@code /{date}/approve}, {@code /{date}/publish}.
 */
@RestController
@RequestMapping("/api/v1/analytics/bulletins")
@Tag(name = "Analytics")
@PreAuthorize("hasAuthority('BULLETIN_MANAGE')")
class BulletinApiController {

  /** {@code date} empty: today. */
  record DraftRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {}

  record EditRequest(String text) {}

  private final Bulletins bulletins;

  BulletinApiController(Bulletins bulletins) {
    this.bulletins = bulletins;
  }

  @Operation(summary = "Draft the day's bulletin from the data (docs/domain.md §16 text); 409 if the day has one")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Bulletin draft(@RequestBody(required = false) DraftRequest request) {
    return bulletins.draft(request == null ? null : request.date());
  }

  @Operation(summary = "The bulletins of the caller's jurisdiction, newest first")
  @GetMapping
  List<Bulletin> list() {
    return bulletins.list();
  }

  @Operation(summary = "One day's bulletin")
  @GetMapping("/{date}")
  Bulletin get(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return bulletins.get(date);
  }

  @Operation(summary = "Replace the text of a draft (409 once approved)")
  @PutMapping("/{date}")
  Bulletin edit(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestBody(required = false) EditRequest request) {
    return bulletins.edit(date, request == null ? null : request.text());
  }

  @Operation(summary = "Approve a draft (DRAFT → APPROVED, else 409)")
  @PostMapping("/{date}/approve")
  Bulletin approve(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return bulletins.approve(date);
  }

  @Operation(summary = "Publish an approved bulletin (APPROVED → PUBLISHED, else 409)")
  @PostMapping("/{date}/publish")
  Bulletin publish(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return bulletins.publish(date);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule bulletinApiRule() {
      return new ApiAccessRule("/api/v1/analytics/bulletins/**", "BULLETIN_MANAGE");
    }

    @Bean
    ApiAccessRule bulletinListApiRule() {
      return new ApiAccessRule("/api/v1/analytics/bulletins", "BULLETIN_MANAGE");
    }
  }
}
