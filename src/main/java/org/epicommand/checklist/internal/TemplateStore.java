package org.epicommand.checklist.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.checklist.ChecklistItem;
import org.epicommand.checklist.ChecklistTemplate;
import org.epicommand.checklist.EvidenceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Checklist templates and their items; a version once stored never changes. */
@Repository
public class TemplateStore {

  private static final String COLUMNS = "id, code, version, name, purpose, sign_offs, min_mask_days, isolation_room,"
      + " builtin, created_at";

  private final JdbcClient jdbc;

  TemplateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest version of every template (or every version), by code. */
  public List<ChecklistTemplate> list(boolean allVersions) {
    String sql = allVersions ? "select " + COLUMNS + " from checklist_template order by code, version desc"
        : "select distinct on (code) " + COLUMNS + " from checklist_template order by code, version desc";
    return jdbc.sql(sql).query(this::template).list();
  }

  public Optional<ChecklistTemplate> latest(String code) {
    return jdbc.sql("select " + COLUMNS + " from checklist_template where code = :code order by version desc limit 1")
        .param("code", code).query(this::template).optional();
  }

  public Optional<ChecklistTemplate> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from checklist_template where id = :id").param("id", id)
        .query(this::template).optional();
  }

  /** Stores a version; false when that version of the code exists (a concurrent new version). */
  public boolean insert(UUID id, String code, int version, NewTemplateRow t, String by, Instant now) {
    int inserted = jdbc.sql("""
        insert into checklist_template (id, code, version, name, purpose, sign_offs, min_mask_days, isolation_room,
          builtin, created_by, created_at)
        values (:id, :code, :version, :name, :purpose, :signOffs, :masks, :isolation, false, :by, :now)
        on conflict (code, version) do nothing
        """).param("id", id).param("code", code).param("version", version).param("name", t.name())
        .param("purpose", t.purpose()).param("signOffs", t.signOffs().toArray(String[]::new))
        .param("masks", t.minMaskDays()).param("isolation", t.isolationRoom()).param("by", by)
        .param("now", Timestamp.from(now)).update();
    if (inserted == 0) {
      return false;
    }
    for (int i = 0; i < t.items().size(); i++) {
      ChecklistItem item = t.items().get(i);
      jdbc.sql("insert into checklist_template_item (template_id, position, code, text, blocking, evidence)"
              + " values (:id, :position, :code, :text, :blocking, :evidence)")
          .param("id", id).param("position", i + 1).param("code", item.code()).param("text", item.text())
          .param("blocking", item.blocking()).param("evidence", item.evidence().name()).update();
    }
    return true;
  }

  /** A template version's checked content. */
  public record NewTemplateRow(String name, String purpose, List<ChecklistItem> items, List<String> signOffs,
      Integer minMaskDays, boolean isolationRoom) {}

  private ChecklistTemplate template(ResultSet rs, int n) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    List<ChecklistItem> items = jdbc.sql("select code, text, blocking, evidence from checklist_template_item"
            + " where template_id = :id order by position").param("id", id)
        .query((r, i) -> new ChecklistItem(r.getString("code"), r.getString("text"), r.getBoolean("blocking"),
            EvidenceKind.valueOf(r.getString("evidence")))).list();
    return new ChecklistTemplate(id.toString(), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
        rs.getString("purpose"), items, Arrays.asList((String[]) rs.getArray("sign_offs").getArray()),
        (Integer) rs.getObject("min_mask_days"), rs.getBoolean("isolation_room"), rs.getBoolean("builtin"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
