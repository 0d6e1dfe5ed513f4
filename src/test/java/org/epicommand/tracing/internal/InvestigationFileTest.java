package org.epicommand.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.epicommand.shared.Conflict;
import org.epicommand.support.DemoPlaces;
import org.epicommand.tracing.InvestigationState;
import org.junit.jupiter.api.Test;

/** The investigation's state machine and its deadlines, without the application. */
class InvestigationFileTest {

  static final OffsetDateTime REPORTED = OffsetDateTime.of(2022, 11, 10, 8, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void anInvestigationMovesOneStepAtATimeToReviewed() {
    InvestigationFile file = file(InvestigationState.ASSIGNED);
    file.moveTo(InvestigationState.CORE_DONE);
    file.moveTo(InvestigationState.COMPLETE);
    file.moveTo(InvestigationState.REVIEWED);
    assertThat(file.state()).isEqualTo(InvestigationState.REVIEWED);
    assertThat(file.row().state()).as("the loaded row is left as it was").isEqualTo(InvestigationState.ASSIGNED);
  }

  @Test
  void skippingBackOrRepeatingNamesTheCurrentState() {
    assertIllegal(() -> file(InvestigationState.ASSIGNED).moveTo(InvestigationState.COMPLETE), "ASSIGNED");
    assertIllegal(() -> file(InvestigationState.COMPLETE).moveTo(InvestigationState.CORE_DONE), "COMPLETE");
    assertIllegal(() -> file(InvestigationState.CORE_DONE).moveTo(InvestigationState.CORE_DONE), "CORE_DONE");
    assertIllegal(() -> file(InvestigationState.REVIEWED).moveTo(InvestigationState.ASSIGNED), "REVIEWED");
  }

  @Test
  void aReviewedInvestigationTakesNoNewInvestigatorAndNoNewPlaces() {
    file(InvestigationState.COMPLETE).requireAssignable();
    file(InvestigationState.COMPLETE).requireOpenForEntries();
    assertIllegal(() -> file(InvestigationState.REVIEWED).requireAssignable(), "REVIEWED");
    assertThatThrownBy(() -> file(InvestigationState.REVIEWED).requireOpenForEntries())
        .isInstanceOfSatisfying(Conflict.class, c -> {
          assertThat(c.code()).isEqualTo("tracing.investigation.closed");
          assertThat(c.currentState()).isEqualTo("REVIEWED");
        });
  }

  @Test
  void theCoreIsDueIn4HoursAndTheReportIn24() {
    Instant in5Hours = REPORTED.plusHours(5).toInstant();
    Instant in25Hours = REPORTED.plusHours(25).toInstant();
    assertThat(InvestigationFile.coreOverdue(row(InvestigationState.ASSIGNED), REPORTED.plusHours(3).toInstant()))
        .isFalse();
    assertThat(InvestigationFile.coreOverdue(row(InvestigationState.ASSIGNED), in5Hours)).isTrue();
    assertThat(InvestigationFile.coreOverdue(row(InvestigationState.CORE_DONE), in5Hours)).isFalse();
    assertThat(InvestigationFile.reportOverdue(row(InvestigationState.CORE_DONE), in5Hours)).isFalse();
    assertThat(InvestigationFile.reportOverdue(row(InvestigationState.CORE_DONE), in25Hours)).isTrue();
    assertThat(InvestigationFile.reportOverdue(row(InvestigationState.ASSIGNED), in25Hours)).isTrue();
    assertThat(InvestigationFile.reportOverdue(row(InvestigationState.COMPLETE), in25Hours)).isFalse();
  }

  private static void assertIllegal(Runnable move, String current) {
    assertThatThrownBy(move::run).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo("tracing.investigation.illegalMove");
      assertThat(c.currentState()).isEqualTo(current);
    });
  }

  private static InvestigationFile file(InvestigationState state) {
    return InvestigationFile.of(row(state));
  }

  private static InvestigationStore.Row row(InvestigationState state) {
    return new InvestigationStore.Row(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "病例1",
        DemoPlaces.COMMUNITY,
        "/990100/990101/990101001/990101001001/", "CONFIRMED", null, null, REPORTED, "investigator", state,
        REPORTED.plusHours(4), REPORTED.plusHours(24), null, null, null, null);
  }
}
