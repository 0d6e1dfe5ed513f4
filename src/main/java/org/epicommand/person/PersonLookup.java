package org.epicommand.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bulk look-ups for work other modules do on a caller's behalf (imports, lists, statistics): one
 * query per call, and every look-up of a person takes the caller's {@link JurisdictionScope} — a
 * person outside it is not found, exactly as an unknown one.
 */
@Service
public class PersonLookup {

  /** An identity document. */
  public record Document(IdType idType, String idNumber) {}

  /** A person found by document: their id and the materialised path of their jurisdiction (for scoping). */
  public record Located(String id, String jurisdictionPath) {}

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  PersonLookup(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /**
   * A stage for a whole file's documents, resolved in one join against the persons inside {@code scope}
   * ({@link DocumentStage}): for imports of millions of rows, where {@link #locate} would probe the
   * document key once per document. The caller closes it.
   */
  public DocumentStage stage(JurisdictionScope scope) {
    return new DocumentStage(dataSource, scope);
  }

  /**
   * The persons inside {@code scope} holding these documents (absent: unknown or outside), for bulk
   * imports: one query, one probe of the document key per document — answered from that index alone,
   * which carries id and path. Pass the documents in the key's order (type, then number) and
   * neighbouring probes share the index's pages.
   */
  public Map<Document, Located> locate(Collection<Document> documents, JurisdictionScope scope) {
    Map<Document, Located> found = new HashMap<>();
    if (documents.isEmpty()) {
      return found;
    }
    String[] types = documents.stream().map(d -> d.idType().name()).toArray(String[]::new);
    String[] numbers = documents.stream().map(Document::idNumber).toArray(String[]::new);
    scope.bind(jdbc.sql("""
        select d.id_type, d.id_number, p.id, p.jurisdiction_path
        from unnest(cast(:types as text[]), cast(:numbers as text[])) as d(id_type, id_number)
        cross join lateral (select p.id, p.jurisdiction_path from person p
                            where p.id_type = d.id_type and p.id_number = d.id_number collate "C") p
        where %s
        """.formatted(scope.predicate("p.jurisdiction_path")))).param("types", types).param("numbers", numbers)
        .query(rs -> {
          found.put(new Document(IdType.valueOf(rs.getString(1)), rs.getString(2)),
              new Located(rs.getString(3), rs.getString(4)));
        });
    return found;
  }

  /**
   * Who the persons of {@code ids} are (name, jurisdiction, household) when they live inside
   * {@code scope}; unknown ids and persons outside the scope are absent.
   */
  public Map<java.util.UUID, PersonReference> byIds(Collection<java.util.UUID> ids, JurisdictionScope scope) {
    Map<java.util.UUID, PersonReference> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    scope.bind(jdbc.sql(
        "select id, name, jurisdiction_code, household_id from person where id = any(cast(:ids as uuid[]))"
            + " and " + scope.predicate("jurisdiction_path")))
        .param("ids", ids.stream().map(java.util.UUID::toString).toArray(String[]::new)).query(rs -> {
          found.put(rs.getObject("id", java.util.UUID.class), new PersonReference(rs.getString("id"),
              rs.getString("name"), rs.getString("jurisdiction_code"), rs.getString("household_id")));
        });
    return found;
  }

  /** A resident as a list shows them: who and where (no document, no phone). */
  public record Resident(PersonReference person, String jurisdictionPath) {}

  /** One slice of the residents of a scope in (path, name, id) order, over the (path, name) index. */
  public java.util.List<Resident> residents(JurisdictionScope scope, long offset, int limit) {
    return scope.bind(jdbc.sql("select id, name, jurisdiction_code, household_id, jurisdiction_path from person where "
        + scope.predicate("jurisdiction_path") + " order by jurisdiction_path, name, id offset :offset limit :limit"))
        .param("offset", offset).param("limit", limit)
        .query((rs, n) -> new Resident(new PersonReference(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4)), rs.getString(5))).list();
  }

  /**
   * Residents per jurisdiction path inside a scope (statistics, no personal data): one grouped query
   * over the (path, name) index.
   */
  public Map<String, Long> residentsByPath(JurisdictionScope scope) {
    Map<String, Long> counts = new LinkedHashMap<>();
    scope.bind(jdbc.sql("select jurisdiction_path, count(*) from person where " + scope.predicate("jurisdiction_path")
        + " group by jurisdiction_path")).query(rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /** A person with their birth date (unknown: null), for work by age: where they live, no document, no phone. */
  public record Born(String id, String jurisdictionPath, java.time.LocalDate birthDate) {}

  /**
   * As {@link #locate}, with each person's birth date (bulk imports that check ages): answered from the
   * document key alone, which carries it too. Pass the documents in the key's order.
   */
  public Map<Document, Born> locateBorn(Collection<Document> documents) {
    Map<Document, Born> found = new HashMap<>();
    if (documents.isEmpty()) {
      return found;
    }
    String[] types = documents.stream().map(d -> d.idType().name()).toArray(String[]::new);
    String[] numbers = documents.stream().map(Document::idNumber).toArray(String[]::new);
    jdbc.sql("""
        select d.id_type, d.id_number, p.id, p.jurisdiction_path, p.birth_date
        from unnest(?::text[], ?::text[]) as d(id_type, id_number)
        cross join lateral (select p.id, p.jurisdiction_path, p.birth_date from person p
                            where p.id_type = d.id_type and p.id_number = d.id_number collate "C") p
        """).params((Object) types, (Object) numbers).query(rs -> {
          found.put(new Document(IdType.valueOf(rs.getString(1)), rs.getString(2)),
              new Born(rs.getString(3), rs.getString(4), rs.getObject(5, java.time.LocalDate.class)));
        });
    return found;
  }

  /** Where the persons of {@code ids} live and when they were born; unknown ids are absent. */
  public Map<java.util.UUID, Born> bornByIds(Collection<java.util.UUID> ids) {
    Map<java.util.UUID, Born> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql("select id, jurisdiction_path, birth_date from person where id = any(?::uuid[])")
        .params((Object) ids.stream().map(java.util.UUID::toString).toArray(String[]::new)).query(rs -> {
          found.put(rs.getObject(1, java.util.UUID.class), new Born(rs.getString(1), rs.getString(2),
              rs.getObject(3, java.time.LocalDate.class)));
        });
    return found;
  }

  /**
   * The residents of a scope born on or before {@code bornBy}, oldest first (door-to-door lists by
   * age, built one community or grid at a time): the scope's rows found by the path index.
   */
  public java.util.List<Born> residentsBornBy(JurisdictionScope scope, java.time.LocalDate bornBy) {
    return scope.bind(jdbc.sql("select id, jurisdiction_path, birth_date from person where "
        + scope.predicate("jurisdiction_path") + " and birth_date <= :bornBy order by birth_date, id"))
        .param("bornBy", bornBy)
        .query((rs, n) -> new Born(rs.getString(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class)))
        .list();
  }

  /** Residents per jurisdiction path and year of birth (0: unknown), the whole registry (statistics, no personal data).
   * */
  public Map<String, Map<Integer, Long>> residentsByPathAndBirthYear() {
    Map<String, Map<Integer, Long>> counts = new LinkedHashMap<>();
    jdbc.sql("""
        select jurisdiction_path, coalesce(extract(year from birth_date)::int, 0), count(*) from person
        group by 1, 2
        """).query(rs -> {
          counts.computeIfAbsent(rs.getString(1), p -> new HashMap<>()).put(rs.getInt(2), rs.getLong(3));
        });
    return counts;
  }

  /**
   * One batch of the households inside {@code scope}, in (path, id) order after the household
   * {@code after} (null: from the start), with their registered residents: keyset paging over the
   * (path, id) index, so that a round over millions of households is taken batch by batch.
   */
  public List<Household> households(JurisdictionScope scope, Household after, int limit) {
    List<Household> rows = scope.bind(jdbc.sql("""
        select h.id, h.address, h.jurisdiction_code, h.jurisdiction_path from household h
        where %s and (cast(:afterPath as text) is null or (h.jurisdiction_path, h.id) > (cast(:afterPath as text),
          cast(:afterId as uuid)))
        order by h.jurisdiction_path, h.id limit :limit
        """.formatted(scope.predicate("h.jurisdiction_path"))))
        .param("afterPath", after == null ? null : after.jurisdictionPath())
        .param("afterId", after == null ? null : after.id()).param("limit", limit)
        .query((rs, n) -> new Household(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getString(4), 0)).list();
    if (rows.isEmpty()) {
      return rows;
    }
    Map<UUID, Integer> residents = new HashMap<>();
    jdbc.sql("select household_id, count(*) from person where household_id = any(:ids) group by household_id")
        .param("ids", rows.stream().map(Household::id).toArray(UUID[]::new))
        .query(rs -> {
          residents.put(rs.getObject(1, UUID.class), rs.getInt(2));
        });
    return rows.stream().map(h -> new Household(h.id(), h.address(), h.jurisdictionCode(), h.jurisdictionPath(),
        residents.getOrDefault(h.id(), 0))).toList();
  }

  /**
   * A household of the registry by id with its registered residents, inside {@code scope} (absent:
   * unknown or outside), for work bound to households (sealed areas).
   */
  public java.util.Optional<Household> household(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("""
        select h.id, h.address, h.jurisdiction_code, h.jurisdiction_path,
          (select count(*) from person p where p.household_id = h.id) from household h where h.id = :id and %s
        """.formatted(scope.predicate("h.jurisdiction_path")))).param("id", id)
        .query((rs, n) -> new Household(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5))).optional();
  }
}
