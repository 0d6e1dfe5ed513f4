package org.epicommand.checklist.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.checklist.ItemResult;
import org.epicommand.checklist.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest result of each item per subject, and the photos of its items. */
@Repository
public class ResultStore {

  private final JdbcClient jdbc;

  ResultStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores an item's result over the previous one (the audit trail keeps each). */
  public void upsert(String type, UUID subject, UUID templateId, String itemCode, Outcome outcome, String note,
      boolean onSite, UUID problemId, String by, Instant now) {
    jdbc.sql("""
        insert into checklist_result (subject_type, subject_id, template_id, item_code, outcome, note, on_site,
          problem_id, recorded_by, recorded_at)
        values (:type, :subject, :template, :item, :outcome, :note, :onSite, :problem, :by, :now)
        on conflict (subject_type, subject_id, item_code) do update set template_id = excluded.template_id,
          outcome = excluded.outcome, note = excluded.note, on_site = excluded.on_site,
          problem_id = coalesce(excluded.problem_id, checklist_result.problem_id),
          recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
        """).param("type", type).param("subject", subject).param("template", templateId).param("item", itemCode)
        .param("outcome", outcome.name()).param("note", note).param("onSite", onSite).param("problem", problemId)
        .param("by", by).param("now", Timestamp.from(now)).update();
  }

  /** The subject's results with their photos, by item code. */
  public Map<String, ItemResult> results(String type, UUID subject) {
    Map<String, List<ItemResult.Photo>> photos = new HashMap<>();
    jdbc.sql("select id, item_code, content_type, size_bytes, uploaded_by, uploaded_at from checklist_photo"
            + " where subject_type = :type and subject_id = :subject order by uploaded_at, id")
        .param("type", type).param("subject", subject).query((rs, n) -> {
          photos.computeIfAbsent(rs.getString("item_code"), k -> new ArrayList<>()).add(new ItemResult.Photo(
              rs.getString("id"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
              rs.getObject("uploaded_at", OffsetDateTime.class)));
          return null;
        }).list();
    Map<String, ItemResult> results = new HashMap<>();
    jdbc.sql("select item_code, outcome, note, on_site, problem_id, recorded_by, recorded_at from checklist_result"
            + " where subject_type = :type and subject_id = :subject").param("type", type).param("subject", subject)
        .query((rs, n) -> {
          String item = rs.getString("item_code");
          UUID problem = rs.getObject("problem_id", UUID.class);
          results.put(item, new ItemResult(item, Outcome.valueOf(rs.getString("outcome")), rs.getString("note"),
              rs.getBoolean("on_site"), problem == null ? null : problem.toString(), rs.getString("recorded_by"),
              rs.getObject("recorded_at", OffsetDateTime.class), photos.getOrDefault(item, List.of())));
          return null;
        }).list();
    photos.forEach((item, list) -> results.putIfAbsent(item,
        new ItemResult(item, null, null, false, null, null, null, list)));
    return results;
  }

  public void insertPhoto(UUID id, String type, UUID subject, String itemCode, String contentType, long size,
      String sha256, String by, Instant now) {
    jdbc.sql("""
        insert into checklist_photo (id, subject_type, subject_id, item_code, content_type, size_bytes, sha256,
          uploaded_by, uploaded_at)
        values (:id, :type, :subject, :item, :contentType, :size, :sha, :by, :now)
        """).param("id", id).param("type", type).param("subject", subject).param("item", itemCode)
        .param("contentType", contentType).param("size", size).param("sha", sha256).param("by", by)
        .param("now", Timestamp.from(now)).update();
  }

  /** A photo's type, if the photo belongs to the subject. */
  public Optional<String> photoType(String type, UUID subject, UUID photoId) {
    return jdbc.sql("select content_type from checklist_photo where id = :id and subject_type = :type"
            + " and subject_id = :subject").param("id", photoId).param("type", type).param("subject", subject)
        .query(String.class).optional();
  }
}
