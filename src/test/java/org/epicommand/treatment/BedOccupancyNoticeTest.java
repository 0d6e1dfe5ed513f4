package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.treatment.TreatmentFixtures.ADMISSIONS;
import static org.epicommand.treatment.TreatmentFixtures.admission;
import static org.epicommand.treatment.TreatmentFixtures.caseWith;
import static org.epicommand.treatment.TreatmentFixtures.hospital;

import java.time.Duration;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admission that brings a hospital's beds of a type to 80 % reaches the medical group's inbox, once. */
@EpiCommandTest
class BedOccupancyNoticeTest {

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  private long notices(String hospital) {
    return jdbc.sql("select count(*) from notification where kind = 'BED_OCCUPANCY_HIGH' and link like ?")
        .param("%" + hospital).query(Long.class).single();
  }

  @Test
  void theAdmissionThatReachesEightyPercentRaisesTheNotice() {
    String code = hospital(api.as("commander"), "DESIGNATED", "ACTIVE", DemoPlaces.DISTRICT, "GENERAL", 5);
    for (int n = 1; n <= 4; n++) {
      Api.Answer admitted = api.as("commander").post(ADMISSIONS, admission(caseWith(api, "990101001003", "MODERATE"),
          code, "GENERAL", null));
      assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
      if (n == 3) {
        assertThat(notices(code)).as("60 %").isZero();
      }
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> notices(code) > 0);
    assertThat(jdbc.sql("select title from notification where kind = 'BED_OCCUPANCY_HIGH' and link like ? limit 1")
        .param("%" + code).query(String.class).single()).contains("80%").contains("4/5");
  }
}
