package org.epicommand.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bulk lookups for the platform's own work (imports of other modules, e.g. venue scans matched to
 * persons by document): one {@code = any(?)} query per batch, no jurisdiction scope, no audit —
 * never for answering a user with personal data.
 */
@Service
public class PersonLookup {

  /** An identity document as a key. */
  public record Document(IdType idType, String idNumber) {}

  private final JdbcClient jdbc;

  PersonLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The person ids of those documents that are registered (served by the person_document key). */
  public Map<Document, UUID> idsByDocument(Collection<Document> documents) {
    Map<Document, UUID> found = new HashMap<>();
    if (documents.isEmpty()) {
      return found;
    }
    java.util.Set<Document> wanted = new java.util.HashSet<>(documents);
    String[] types = documents.stream().map(d -> d.idType().name()).distinct().toArray(String[]::new);
    String[] numbers = documents.stream().map(Document::idNumber).distinct().toArray(String[]::new);
    jdbc.sql("select id, id_type, id_number from person where id_type = any(:types) and id_number = any(:numbers)")
        .param("types", types).param("numbers", numbers).query(rs -> {
          Document key = new Document(IdType.valueOf(rs.getString(2)), rs.getString(3));
          if (wanted.contains(key)) {
            found.put(key, rs.getObject(1, UUID.class));
          }
        });
    return found;
  }

  /** Who these persons are (name, home, household), whatever the scope: for platform work only. */
  public Map<UUID, PersonReference> references(Collection<UUID> ids) {
    Map<UUID, PersonReference> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql("select id, name, jurisdiction_code, household_id from person where id = any(:ids)")
        .param("ids", ids.toArray(UUID[]::new)).query(rs -> {
          UUID id = rs.getObject(1, UUID.class);
          found.put(id, new PersonReference(id.toString(), rs.getString(2), rs.getString(3), rs.getString(4)));
        });
    return found;
  }
}
