package org.epicommand.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Names the records audit events are about, declared by the module that owns them: the auditor reads
 * "东湖区" or "commander", not an id. Only master data and accounts are named — never personal
 * records, which the auditor may not read.
 */
public interface SubjectLabels {

  /** The audit subject types this module names (e.g. {@code USER}, {@code JURISDICTION}). */
  Set<String> types();

  /** Names by subject id, for those of {@code ids} that exist (others are left out). */
  Map<String, String> labels(String type, Collection<String> ids);

  /** Names by key from {@code sql}, which selects (key, name) {@code where <key> in (:ids)}. */
  static Map<String, String> query(JdbcClient jdbc, String sql, Collection<?> ids) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql(sql).param("ids", ids).query(rs -> {
        labels.put(rs.getString(1), rs.getString(2));
      });
    }
    return labels;
  }

  /** The ids that are UUIDs, as such (for tables keyed by uuid). */
  static List<UUID> uuids(Collection<String> ids) {
    return ids.stream().filter(id -> id != null && id.length() == 36).map(id -> {
      try {
        return UUID.fromString(id);
      } catch (IllegalArgumentException notUuid) {
        return null;
      }
    }).filter(java.util.Objects::nonNull).toList();
  }
}
