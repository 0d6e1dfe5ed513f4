package org.epicommand.analytics;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One day's public bulletin (信息发布) as the command office sees it. The public sees {@link Public}: the
 * text and the day's counts, nothing about who wrote or approved it.
 */
@JsonPropertyOrder({"date", "areaName", "state", "text", "figures", "createdBy", "createdAt", "updatedBy",
    "updatedAt", "approvedBy", "approvedAt", "publishedAt"})
public record Bulletin(LocalDate date, String areaName, BulletinState state, String text, Figures figures,
    String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt, String approvedBy,
    OffsetDateTime approvedAt, OffsetDateTime publishedAt) {

  /** The day's new cases the text was drafted from. */
  @JsonPropertyOrder({"newLocalConfirmed", "conversions", "newLocalAsymptomatic", "newImportedConfirmed",
      "newImportedAsymptomatic"})
  public record Figures(long newLocalConfirmed, long conversions, long newLocalAsymptomatic,
      long newImportedConfirmed, long newImportedAsymptomatic) {}

  /** What the public page and the public API show. */
  @JsonPropertyOrder({"date", "areaName", "text", "figures", "publishedAt"})
  public record Public(LocalDate date, String areaName, String text, Figures figures, OffsetDateTime publishedAt) {}

  public Public toPublic() {
    return new Public(date, areaName, text, figures, publishedAt);
  }
}
