package org.epicommand.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.shared.Conflict;
import org.epicommand.supervision.ProblemState;
import org.epicommand.supervision.ScorecardRow;
import org.epicommand.support.DemoPlaces;
import org.junit.jupiter.api.Test;

/** The problem state machine and the rules around it, without the application. */
class ProblemItemTest {

  static final Instant NOW = Instant.parse("2022-11-10T02:00:00Z");
  static final LocalDate DEADLINE = LocalDate.of(2022, 11, 12);

  @Test
  void overdueStartsTheDayAfterTheDeadlineAndEndsWithVerification() {
    assertThat(ProblemItem.overdue(ProblemState.RECTIFYING, DEADLINE, DEADLINE)).isFalse();
    assertThat(ProblemItem.overdue(ProblemState.RECTIFYING, DEADLINE, DEADLINE.plusDays(1))).isTrue();
    assertThat(ProblemItem.overdue(ProblemState.EVIDENCE_SUBMITTED, DEADLINE, DEADLINE.plusDays(1))).isTrue();
    assertThat(ProblemItem.overdue(ProblemState.VERIFIED, DEADLINE, DEADLINE.plusDays(9))).isFalse();
    assertThat(ProblemItem.overdue(ProblemState.CLOSED, DEADLINE, DEADLINE.plusDays(9))).isFalse();
    assertThat(ProblemItem.overdue(ProblemState.FOUND, null, DEADLINE.plusDays(9))).isFalse();
  }

  @Test
  void rejectionOpensANewRoundThatNeedsItsOwnEvidence() {
    ProblemItem item = found();
    item.assign(DemoPlaces.COMMUNITY, "社区", "/990100/990101/990101001/990101001001/", DEADLINE, NOW);
    item.startRectifying();
    assertThatThrownBy(() -> item.submitEvidence(0)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("RECTIFYING"));
    item.submitEvidence(1);
    item.reject();
    assertThat(item.state()).isEqualTo(ProblemState.RECTIFYING);
    assertThat(item.round()).isEqualTo(1);
    assertThat(item.rejections()).isEqualTo(1);
    item.submitEvidence(1);
    item.verify(NOW);
    item.close(NOW);
    assertThat(item.state()).isEqualTo(ProblemState.CLOSED);
  }

  @Test
  void everyIllegalMoveNamesTheCurrentState() {
    ProblemItem item = found();
    assertThatThrownBy(() -> item.close(NOW)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("FOUND"));
    assertThatThrownBy(item::startRectifying).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> item.verify(NOW)).isInstanceOf(Conflict.class);
    assertThatThrownBy(item::reject).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> item.fixOnSpot(0, NOW)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.code()).isEqualTo("supervision.noEvidence"));
    item.fixOnSpot(1, NOW);
    assertThat(item.state()).isEqualTo(ProblemState.CLOSED);
    assertThat(item.fixedOnSpot()).isTrue();
    assertThatThrownBy(() -> item.fixOnSpot(1, NOW)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("CLOSED"));
  }

  @Test
  void theScoreFollowsTheDocumentedFormulaAndStaysBetween0And100() {
    assertThat(ScorecardRow.of(0, 0, 0, 0, 0)).isEqualTo(100);
    assertThat(ScorecardRow.of(3, 3, 0, 0, 0)).as("found and settled on time costs nothing").isEqualTo(100);
    assertThat(ScorecardRow.of(2, 1, 1, 1, 1)).isEqualTo(80);
    assertThat(ScorecardRow.of(30, 0, 20, 10, 5)).isZero();
  }

  @Test
  void onlyJpegPngAndWebpSignaturesAreImages() {
    assertThat(PhotoFiles.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains("image/jpeg");
    assertThat(PhotoFiles.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).contains("image/png");
    assertThat(PhotoFiles.sniff("RIFF1234WEBP".getBytes())).contains("image/webp");
    assertThat(PhotoFiles.sniff("RIFF1234WAVE".getBytes())).isEmpty();
    assertThat(PhotoFiles.sniff("GIF89a......".getBytes())).isEmpty();
    assertThat(PhotoFiles.sniff("<html>".getBytes())).isEmpty();
    assertThat(PhotoFiles.sniff(new byte[] {'M', 'Z'})).isEmpty();
    assertThat(PhotoFiles.sniff(new byte[0])).isEmpty();
  }

  private static ProblemItem found() {
    return new ProblemItem(UUID.randomUUID(), DemoPlaces.COMMUNITY, "社区", "/990100/990101/990101001/990101001001/",
        null,
        ProblemState.FOUND, 0, 0, false, null, null, null);
  }
}
