package org.epicommand.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.analytics.Bulletin;
import org.epicommand.analytics.Bulletins;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Published bulletins for everyone, no login: text, area name and counts, no personal data. */
@RestController
@RequestMapping("/api/v1/public/bulletins")
@Tag(name = "Analytics")
class PublicBulletinApiController {

  private final Bulletins bulletins;

  PublicBulletinApiController(Bulletins bulletins) {
    this.bulletins = bulletins;
  }

  @Operation(summary = "Published bulletins, newest first (public)")
  @GetMapping
  List<Bulletin.Public> published() {
    return bulletins.published();
  }

  @Operation(summary = "The published bulletin of a day (public); 404 when none is published")
  @GetMapping("/{date}")
  Bulletin.Public publishedOn(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return bulletins.publishedOn(date);
  }
}
