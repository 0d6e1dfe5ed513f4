package org.epicommand.checklist;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The latest result of an item for a subject: the outcome, a note, whether it was checked on site (by an
 * inspector, not as the organisation's self-check), the supervision problem a failure became, its photos.
 */
public record ItemResult(String itemCode, Outcome outcome, String note, boolean onSite, String problemId,
    String recordedBy, OffsetDateTime recordedAt, List<Photo> photos) {

  /** A photo of the item, served to those who may read its subject. */
  public record Photo(String id, String contentType, long size, String uploadedBy, OffsetDateTime uploadedAt) {}
}
