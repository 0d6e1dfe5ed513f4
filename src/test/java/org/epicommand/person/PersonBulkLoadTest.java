package org.epicommand.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A first load beside persons already registered (the few a demo registers through the services):
 * the keys come off for speed, and a loaded person whose document is already registered is left out
 * before they come back — the registry ends as if the keys had been on all along.
 */
@EpiCommandTest
class PersonBulkLoadTest {

  private static final String COMMUNITY = DemoPlaces.COMMUNITY;
  private static final String PATH = "/990100/990101/990101001/990101001001/";

  @Autowired
  PersonBulkLoad load;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aFirstLoadLeavesOutAPersonWhoseDocumentIsRegisteredAndPutsEveryKeyBack() {
    Map<String, Object> registered = jdbc.sql("select id, id_type, id_number from person limit 1").query().singleRow();
    List<String> indexesBefore = indexes();
    UUID household = UUID.randomUUID();
    UUID fresh = UUID.randomUUID();
    UUID twin = UUID.randomUUID();
    List<PersonBulkLoad.BulkPerson> source = List.of(
        new PersonBulkLoad.BulkPerson(fresh, "批量新人", IdType.PASSPORT, "BULK" + fresh.toString().substring(0, 8),
            Sex.FEMALE, LocalDate.of(1990, 1, 2), null, "批量路1号", household, COMMUNITY, PATH),
        new PersonBulkLoad.BulkPerson(twin, "批量重号", IdType.valueOf((String) registered.get("id_type")),
            (String) registered.get("id_number"), Sex.MALE, LocalDate.of(1980, 3, 4), null, "批量路1号", household,
            COMMUNITY, PATH));
    try {
      // a load that claims to be far larger than the registry takes the first-load path
      PersonBulkLoad.LoadReport report = load.copy(source::iterator, Long.MAX_VALUE / 1000);

      assertThat(report.persons()).isEqualTo(1);
      assertThat(report.leftOut()).isEqualTo(1);
      assertThat(count("select count(*) from person where id = :id", fresh)).isOne();
      assertThat(count("select count(*) from person where id = :id", twin)).isZero();
      assertThat(count("select count(*) from person where id = :id", registered.get("id"))).isOne();
      assertThat(indexes()).isEqualTo(indexesBefore);
      assertThat(jdbc.sql("select count(*) from pg_constraint where conrelid = 'person'::regclass"
          + " and contype in ('p', 'f')").query(Long.class).single()).as("primary and foreign keys back")
          .isGreaterThanOrEqualTo(2);
    } finally {
      jdbc.sql("delete from person where id in (:ids)").param("ids", List.of(fresh, twin)).update();
      jdbc.sql("delete from household where id = :id").param("id", household).update();
    }
  }

  private List<String> indexes() {
    return jdbc.sql("select indexdef from pg_indexes where tablename in ('person', 'household') order by indexname")
        .query(String.class).list();
  }

  private long count(String sql, Object id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }
}
