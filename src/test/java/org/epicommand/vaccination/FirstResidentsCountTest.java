package org.epicommand.vaccination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A platform whose residents were never counted counts them at start-up, and that count is the day's: the daily job
 * catching up a few minutes later finds the day counted and does not count the registry again.
 */
@EpiCommandTest
class FirstResidentsCountTest {

  @Autowired
  VaccinationCoverage coverage;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theStartUpCountIsTheDaysCount() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    jdbc.sql("delete from platform_daily_run where job = ?").params(VaccinationCoverage.RESIDENTS_JOB).update();
    jdbc.sql("delete from vaccination_population").update();
    long residents = jdbc.sql("select count(*) from person").query(Long.class).single();
    long audited = audits();

    coverage.firstCount();

    assertThat(population()).as("every resident of the registry counted").isEqualTo(residents);
    assertThat(audits()).isEqualTo(audited + 1);
    assertThat(jdbc.sql("select detail from platform_daily_run where job = ? and day = ?")
        .params(VaccinationCoverage.RESIDENTS_JOB, today).query(String.class).single())
        .as("the start-up count recorded as today's").isEqualTo(residents + " residents counted");

    assertThat(coverage.countResidentsOnce()).as("the daily job's catch-up: counted today already").isFalse();
    coverage.firstCount();
    assertThat(audits()).as("neither counts again").isEqualTo(audited + 1);
  }

  private long population() {
    return jdbc.sql("select coalesce(sum(residents), 0) from vaccination_population").query(Long.class).single();
  }

  private long audits() {
    return jdbc.sql("select count(*) from audit_event where subject_type = 'VACCINATION_POPULATION'")
        .query(Long.class).single();
  }
}
