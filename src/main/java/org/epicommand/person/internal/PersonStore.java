package org.epicommand.person.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.person.IdType;
import org.epicommand.person.Person;
import org.epicommand.person.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The person and household tables. Every read that returns a person takes the caller's scope and
 * filters on {@code jurisdiction_path} with it.
 */
@Repository
public class PersonStore {

  static final String COLUMNS = "p.id, p.name, p.id_type, p.id_number, p.sex, p.birth_date, p.phone, p.address,"
      + " p.household_id, p.jurisdiction_code, p.jurisdiction_path, p.created_at, p.updated_at";

  /** A stored person and where it came from. */
  public record Stored(Person person, String jurisdictionPath, UUID sourceImportId, Integer sourceLine) {}

  private final JdbcClient jdbc;

  PersonStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Person> find(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from person p where p.id = :id and "
            + scope.predicate("p.jurisdiction_path")))
        .param("id", id).query(PersonStore::map).optional();
  }

  /** The persons of {@code ids} inside a scope (unknown ids and those outside it are absent). */
  public List<Person> findAll(List<UUID> ids, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from person p where p.id = any(:ids) and "
            + scope.predicate("p.jurisdiction_path")))
        .param("ids", ids.toArray(UUID[]::new)).query(PersonStore::map).list();
  }

  /** A person whatever the scope, for work the platform does on its own (events, schedulers). */
  public Optional<Person> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from person p where p.id = :id").param("id", id)
        .query(PersonStore::map).optional();
  }

  /** The names and phones (null: none) of the persons of {@code ids}, whatever the scope (the platform's records). */
  public java.util.Map<UUID, org.epicommand.person.PersonRegistry.Contact> contacts(java.util.Collection<UUID> ids) {
    java.util.Map<UUID, org.epicommand.person.PersonRegistry.Contact> contacts = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql("select id, name, nullif(phone, '') from person where id = any(:ids)")
          .param("ids", ids.toArray(UUID[]::new))
          .query(rs -> {
            contacts.put(rs.getObject(1, UUID.class),
                new org.epicommand.person.PersonRegistry.Contact(rs.getString(2), rs.getString(3)));
          });
    }
    return contacts;
  }

  /** The person holding a document, whatever the caller's scope (for the duplicate check only). */
  public Optional<Stored> findByDocument(IdType type, String number) {
    return jdbc.sql("select " + COLUMNS + ", p.source_import_id, p.source_line from person p"
            + " where p.id_type = :type and p.id_number = :number")
        .param("type", type.name()).param("number", number)
        .query((rs, n) -> new Stored(map(rs, n), rs.getString("jurisdiction_path"),
            rs.getObject("source_import_id", UUID.class), (Integer) rs.getObject("source_line")))
        .optional();
  }

  public void insert(Person person, String jurisdictionPath, UUID importId, Integer line) {
    jdbc.sql("""
        insert into person (id, name, id_type, id_number, sex, birth_date, phone, address, household_id,
          jurisdiction_code, jurisdiction_path, source_import_id, source_line, created_at, updated_at)
        values (:id, :name, :idType, :idNumber, :sex, :birthDate, :phone, :address, :household, :code, :path,
          :importId, :line, :created, :created)
        """)
        .param("id", UUID.fromString(person.id())).param("name", person.name())
        .param("idType", person.idType().name()).param("idNumber", person.idNumber()).param("sex", person.sex().name())
        .param("birthDate", person.birthDate()).param("phone", person.phone()).param("address", person.address())
        .param("household", person.householdId() == null ? null : UUID.fromString(person.householdId()))
        .param("code", person.jurisdictionCode()).param("path", jurisdictionPath).param("importId", importId)
        .param("line", line).param("created", Timestamp.from(person.createdAt().toInstant())).update();
  }

  public void update(Person person, String jurisdictionPath, Instant now) {
    jdbc.sql("""
        update person set name = :name, sex = :sex, birth_date = :birthDate, phone = :phone, address = :address,
          household_id = :household, jurisdiction_code = :code, jurisdiction_path = :path, updated_at = :now
        where id = :id
        """)
        .param("name", person.name()).param("sex", person.sex().name()).param("birthDate", person.birthDate())
        .param("phone", person.phone()).param("address", person.address())
        .param("household", person.householdId() == null ? null : UUID.fromString(person.householdId()))
        .param("code", person.jurisdictionCode()).param("path", jurisdictionPath).param("now", Timestamp.from(now))
        .param("id", UUID.fromString(person.id())).update();
  }

  /** The household at this address in this jurisdiction, created when there is none yet. */
  public UUID household(String address, String jurisdictionCode, String jurisdictionPath) {
    return jdbc.sql("select id from household where jurisdiction_code = :code and address = :address limit 1")
        .param("code", jurisdictionCode).param("address", address).query(UUID.class).optional()
        .orElseGet(() -> {
          UUID id = UUID.randomUUID();
          jdbc.sql("insert into household (id, address, jurisdiction_code, jurisdiction_path) values (:id, :a, :c, :p)")
              .param("id", id).param("a", address).param("c", jurisdictionCode).param("p", jurisdictionPath).update();
          return id;
        });
  }

  public List<Person> householdMembers(UUID householdId, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from person p where p.household_id = :household and "
            + scope.predicate("p.jurisdiction_path") + " order by p.birth_date nulls last, p.name limit 50"))
        .param("household", householdId).query(PersonStore::map).list();
  }

  /** One page of a search inside a scope, ordered so that an index serves it. */
  public List<Person> search(PersonSearch search, long offset, int limit) {
    return search.bind(jdbc.sql(search.sql(COLUMNS) + " offset :offset limit :limit"))
        .param("offset", offset).param("limit", limit).query(PersonStore::map).list();
  }

  /** The number of matches, or {@code cap + 1} when there are more than {@code cap} (counting stops there). */
  public long count(PersonSearch search, int cap) {
    return search.bind(jdbc.sql(countSql(search))).param("cap", cap + 1).query(Long.class).single();
  }

  /** The count's statement: the matches in no order (see {@link PersonSearch#unordered}), up to {@code :cap}. */
  static String countSql(PersonSearch search) {
    return "select count(*) from (" + search.unordered("1") + " limit :cap) matches";
  }

  /** Streams every match in order, for exports. */
  public void stream(PersonSearch search, int max, Consumer<Person> consumer) {
    search.bind(jdbc.sql(search.sql(COLUMNS) + " limit :max")).param("max", max)
        .query(rs -> {
          consumer.accept(map(rs, 0));
        });
  }

  static Person map(ResultSet rs, int row) throws SQLException {
    Timestamp updated = rs.getTimestamp("updated_at");
    UUID household = rs.getObject("household_id", UUID.class);
    return new Person(rs.getObject("id", UUID.class).toString(), rs.getString("name"),
        IdType.valueOf(rs.getString("id_type")), rs.getString("id_number"), Sex.valueOf(rs.getString("sex")),
        rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("phone"), rs.getString("address"),
        household == null ? null : household.toString(), rs.getString("jurisdiction_code"),
        rs.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC),
        updated == null ? null : updated.toInstant().atOffset(ZoneOffset.UTC));
  }
}
