package org.epicommand.checklist;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A version of a checklist template. A template is never changed: a new version under the same code
 * replaces it for new work, and every result names the version it was checked against. {@code signOffs}:
 * the positions that must sign (e.g. 校长); {@code minMaskDays}: masks on hand per head and day;
 * {@code isolationRoom}: a temporary isolation room is needed.
 */
public record ChecklistTemplate(String id, String code, int version, String name, String purpose,
    List<ChecklistItem> items, List<String> signOffs, Integer minMaskDays, boolean isolationRoom, boolean builtin,
    OffsetDateTime createdAt) {

  public java.util.Optional<ChecklistItem> item(String itemCode) {
    return items.stream().filter(i -> i.code().equals(itemCode)).findFirst();
  }
}
