package org.epicommand.supplies.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The board lists at most 50 alerts of a kind and says how many more there are. */
class StockBoardPageTest {

  @Test
  void atMostFiftyAlertsOfAKindAreShown() {
    List<Integer> many = IntStream.range(0, 173).boxed().toList();
    StockBoardPage.Shown<Integer> shown = StockBoardPage.Shown.of(many);
    assertThat(shown.items()).hasSize(50).startsWith(0, 1).endsWith(49);
    assertThat(shown.more()).isEqualTo(123);
    assertThat(StockBoardPage.Shown.of(many.subList(0, 50))).isEqualTo(new StockBoardPage.Shown<>(many.subList(0, 50),
        0));
  }
}
