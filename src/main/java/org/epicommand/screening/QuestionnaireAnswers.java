package org.epicommand.screening;

import java.util.List;
import org.epicommand.screening.Questionnaire.Item;
import org.epicommand.shared.FieldProblem;

/** The answers of a visit held against the questionnaire version in force: an item it does not ask is refused. */
final class QuestionnaireAnswers {

  private QuestionnaireAnswers() {}

  /** Adds a problem on {@code field} for every answer to an item {@code questionnaire} does not ask. */
  static void check(Questionnaire questionnaire, List<Visit.Check> checks, Boolean leaflet,
      List<FieldProblem> problems) {
    for (Visit.Check c : checks == null ? List.<Visit.Check>of() : checks) {
      if (unasked(questionnaire, Item.TEMPERATURE, c.temperature() != null)
          || unasked(questionnaire, Item.SYMPTOMS, c.symptoms() != null && !c.symptoms().isEmpty())
          || unasked(questionnaire, Item.RISK_AREA_TRAVEL, c.riskArea() != null && !c.riskArea().isBlank())
          || unasked(questionnaire, Item.CASE_CONTACT, Boolean.TRUE.equals(c.caseContact()))
          || unasked(questionnaire, Item.ARRIVED_SINCE, c.arrivedOn() != null)
          || unasked(questionnaire, Item.VULNERABLE_MEMBER, Boolean.TRUE.equals(c.vulnerable()))) {
        problems.add(FieldProblem.of("checks", "screening.notAsked", questionnaire.version()));
        break;
      }
    }
    if (unasked(questionnaire, Item.LEAFLET, Boolean.TRUE.equals(leaflet))) {
      problems.add(FieldProblem.of("leafletDelivered", "screening.notAsked", questionnaire.version()));
    }
  }

  private static boolean unasked(Questionnaire questionnaire, Item item, boolean answered) {
    return answered && !questionnaire.asks(item);
  }
}
