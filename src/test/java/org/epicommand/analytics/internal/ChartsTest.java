package org.epicommand.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The situation report's Rt chart shows every mean, however high, and bands as far as they help. */
class ChartsTest {

  @Test
  void anEarlyEpidemicsRtAboveEightIsDrawnNotCut() {
    // Rt 12 in the first window: the axis used to stop at 8
    assertThat(Charts.rtTop(Arrays.asList(null, 12.0, 6.5), Arrays.asList(null, 15.0, 9.0)))
        .isGreaterThanOrEqualTo(15.0).isEqualTo(20.0);
  }

  @Test
  void aBandTooWideToReadIsCutAtTwiceTheHighestMean() {
    // a window with two cases: mean 3, upper bound 80 would flatten every mean to the bottom
    assertThat(Charts.rtTop(List.of(3.0, 1.2), List.of(80.0, 2.0))).isEqualTo(8.0);
  }

  @Test
  void aQuietEpidemicKeepsRtOneInTheMiddle() {
    assertThat(Charts.rtTop(List.of(0.8, 0.9), List.of(1.1, 1.3))).isEqualTo(2.0);
  }
}
