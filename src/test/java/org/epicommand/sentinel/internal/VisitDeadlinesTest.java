package org.epicommand.sentinel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.epicommand.sentinel.ClinicDeadline;
import org.junit.jupiter.api.Test;

/** The clinic visit's deadlines: 2 h to sample or report, 12 h from the sampling to the result. */
class VisitDeadlinesTest {

  private final VisitDeadlines deadlines = new VisitDeadlines(new SentinelProperties(Duration.ofHours(72),
      Duration.ofHours(24), Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofHours(12),
      Duration.ofHours(24), new java.math.BigDecimal("37.3"), 50, 10));
  private final OffsetDateTime visit = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8));

  @Test
  void aVisitWithoutTubeOrReportIsOverdueAfterTwoHours() {
    VisitDeadlines.Due early = deadlines.of(visit, null, null, null, visit.plusMinutes(119));
    assertThat(early.deadline()).isEqualTo(ClinicDeadline.SAMPLE_OR_REPORT);
    assertThat(early.dueAt()).isEqualTo(visit.plusHours(2));
    assertThat(early.overdue()).isFalse();
    assertThat(deadlines.of(visit, null, null, null, visit.plusMinutes(121)).overdue()).isTrue();
  }

  @Test
  void aReportEndsTheClinicsPartAndATubeWaitsTwelveHoursForItsResult() {
    assertThat(deadlines.of(visit, null, visit.plusHours(3), null, visit.plusHours(30)).deadline()).isNull();
    VisitDeadlines.Due sampled = deadlines.of(visit, visit.plusHours(3), null, null, visit.plusHours(14));
    assertThat(sampled.deadline()).isEqualTo(ClinicDeadline.RESULT);
    assertThat(sampled.dueAt()).isEqualTo(visit.plusHours(15));
    assertThat(sampled.overdue()).isFalse();
    assertThat(deadlines.of(visit, visit.plusHours(3), null, null, visit.plusHours(16)).overdue()).isTrue();
    VisitDeadlines.Due resulted = deadlines.of(visit, visit, null, "NEGATIVE", visit.plusDays(2));
    assertThat(resulted.overdue()).isFalse();
    assertThat(resulted.dueAt()).isNull();
  }

  @Test
  void anEndedObservationAwaitsNothingMore() {
    VisitDeadlines.Due ended = deadlines.of(visit, visit, null, visit.plusHours(5), null, visit.plusHours(14));
    assertThat(ended.deadline()).isNull();
    assertThat(ended.overdue()).isFalse();
  }
}
