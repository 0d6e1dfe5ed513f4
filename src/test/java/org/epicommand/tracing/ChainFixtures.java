package org.epicommand.tracing;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Big transmission chains for benchmarks and browser tests, written straight into the tables in
 * one statement: {@code n} cases in one community, case i infected by case (i − 1) / 3 (a tree with
 * three infectees per case, about log₃ n generations).
 */
public final class ChainFixtures {

  private ChainFixtures() {}

  /** Creates the chain; the id of its index case (generation 1). */
  public static String tree(JdbcClient jdbc, int n, String community, String prefix) {
    String path = jdbc.sql("select path from jurisdiction where code = :c or code12 = :c").param("c", community)
        .query(String.class).single();
    UUID chain = UUID.randomUUID();
    jdbc.sql("""
        with nodes as (
          select i, gen_random_uuid() as id, (array['CONFIRMED', 'ASYMPTOMATIC', 'SUSPECTED'])[1 + i % 3] as cls,
            date '2026-10-01' + (i % 40) as onset
          from generate_series(0, :n - 1) i),
        reports as (
          insert into case_report (id, person_id, person_name, jurisdiction_code, jurisdiction_path, classification,
            onset_date, reported_at)
          select id, gen_random_uuid(), :prefix || i, :community, :path, cls, onset, now() from nodes),
        members as (
          insert into chain_member (case_id, chain_id, label, classification, onset_date, report_date,
            jurisdiction_path)
          select id, :chain, :prefix || i, cls, onset, onset + 1, :path from nodes)
        insert into transmission_link (id, chain_id, infector_case_id, infectee_case_id, created_at, created_by)
        select gen_random_uuid(), :chain, p.id, c.id, now(), 'fixture'
        from nodes c join nodes p on p.i = (c.i - 1) / 3 where c.i > 0
        """)
        .param("n", n).param("prefix", prefix).param("community", community).param("path", path)
        .param("chain", chain).update();
    return jdbc.sql("select id::text from case_report where person_name = :name").param("name", prefix + "0")
        .query(String.class).single();
  }
}
