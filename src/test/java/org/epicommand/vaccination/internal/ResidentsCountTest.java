package org.epicommand.vaccination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.vaccination.VaccinationCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The residents are counted once a day and the count catches up when its hour was missed: with no record of today's
 * count (the platform down at 03:15, or a count that failed) it counts now — a person registered since is among the
 * residents — and records the day with the number counted; asked again the same day it counts nothing.
 */
@EpiCommandTest
class ResidentsCountTest {

  @Autowired
  Api api;
  @Autowired
  VaccinationCoverage coverage;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aMissedCountRunsWhenThePlatformIsBackAndOnlyOnceADay() {
    ResidentsCount count = new ResidentsCount(coverage);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    jdbc.sql("delete from platform_daily_run where job = ?").params(VaccinationCoverage.RESIDENTS_JOB).update();
    String newcomer = LabtestFixtures.persons(api, 1, OrganisationFixtures.COMMUNITY).get(0).personId();
    long inTheirCellBefore = inTheirCell(newcomer);
    long audited = audits();
    Instant before = countedAt();

    assertThat(count.countIfDue()).as("no count today yet: counts now").isTrue();
    assertThat(countedAt()).isAfter(before);
    assertThat(audits()).isEqualTo(audited + 1);
    assertThat(inTheirCell(newcomer)).as("the newcomer's division and year of birth").isGreaterThan(inTheirCellBefore);
    assertThat(jdbc.sql("select detail from platform_daily_run where job = ? and day = ?")
        .params(VaccinationCoverage.RESIDENTS_JOB, today).query(String.class).single())
        .isEqualTo(jdbc.sql("select sum(residents) from vaccination_population").query(Long.class).single()
            + " residents counted");

    Instant counted = countedAt();
    assertThat(count.countIfDue()).as("counted today already").isFalse();
    assertThat(countedAt()).isEqualTo(counted);
    assertThat(audits()).isEqualTo(audited + 1);
  }

  /** The residents counted in the person's division and year of birth (0 before they are counted). */
  private long inTheirCell(String person) {
    return jdbc.sql("""
        select coalesce(sum(p.residents), 0) from person r join vaccination_population p
          on p.jurisdiction_path = r.jurisdiction_path
          and p.birth_year = coalesce(extract(year from r.birth_date)::int, 0)
        where r.id = ?::uuid""").params(person).query(Long.class).single();
  }

  private Instant countedAt() {
    return jdbc.sql("select max(counted_at) from vaccination_population").query(OffsetDateTime.class).single()
        .toInstant();
  }

  private long audits() {
    return jdbc.sql("select count(*) from audit_event where subject_type = 'VACCINATION_POPULATION'")
        .query(Long.class).single();
  }
}
