package org.epicommand.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.screening.Questionnaire.Item;
import org.epicommand.shared.FieldProblem;
import org.junit.jupiter.api.Test;

/** The answers of a visit against the questionnaire version in force, without a database. */
class QuestionnaireAnswersTest {

  private static Questionnaire version(Item... items) {
    return new Questionnaire(7, List.of(items), null, null, Instant.EPOCH, "system", null);
  }

  private static List<String> problems(Questionnaire questionnaire, Visit.Check check, Boolean leaflet) {
    List<FieldProblem> problems = new ArrayList<>();
    QuestionnaireAnswers.check(questionnaire, List.of(check), leaflet, problems);
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void answersToAskedItemsPass() {
    Visit.Check check = new Visit.Check(UUID.randomUUID(), new BigDecimal("36.6"), List.of(), null, false, null, true);
    assertThat(problems(version(Item.values()), check, true)).isEmpty();
  }

  @Test
  void anAnswerToAnItemNotAskedIsRefusedOnItsField() {
    Visit.Check vulnerable = new Visit.Check(UUID.randomUUID(), null, null, null, null, null, true);
    assertThat(problems(version(Item.TEMPERATURE, Item.LEAFLET), vulnerable, true)).containsExactly("checks");
    Visit.Check quiet = new Visit.Check(UUID.randomUUID(), null, null, " ", false, null, false);
    assertThat(problems(version(Item.TEMPERATURE), quiet, true)).containsExactly("leafletDelivered");
    assertThat(problems(version(Item.TEMPERATURE), quiet, false)).isEmpty();
  }

  @Test
  void onlyAClosedSiteOrAnEmptyHomeLeavesCoverageUndocumented() {
    assertThat(List.of(SiteVisit.Outcome.values()).stream().filter(o -> !o.documented()))
        .containsExactly(SiteVisit.Outcome.CLOSED);
    assertThat(List.of(Visit.Outcome.values()).stream().filter(o -> !o.documented()))
        .containsExactly(Visit.Outcome.NOBODY_HOME);
  }
}
