package org.epicommand.screening;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A door-to-door visit of one household in one round: by whom, how, the outcome, the members seen
 * and the findings it raised. A NOBODY_HOME visit is tried again (attempts) until somebody opens.
 */
public record Visit(UUID id, UUID roundId, UUID householdId, String address, String jurisdictionCode, Instant visitedAt,
    String visitor, Method method, Outcome outcome, int personsSeen, List<UUID> seenPersonIds, int attempts,
    Instant revisitDueAt, boolean leafletDelivered, String note, List<Finding> findings,
    List<UUID> registeredPersonIds, int questionnaireVersion, List<UUID> vulnerablePersonIds) {

  public enum Method { DOOR, PHONE, WECHAT }

  public enum Outcome {
    ALL_SEEN, PARTIAL, NOBODY_HOME, REFUSED, MOVED_OUT;

    /** Counts for coverage: everything but NOBODY_HOME documents the household. */
    public boolean documented() {
      return this != NOBODY_HOME;
    }
  }

  /**
   * What a worker records at the door. {@code seen}: registered members met; {@code checks}: per
   * member the questionnaire (temperature 34–43 °C, symptoms, risk-area travel, case contact, arrival
   * date); {@code newResidents}: people living there but not registered (流动人口、租户).
   */
  public record New(UUID roundId, Method method, Outcome outcome, List<UUID> seen, List<Check> checks,
      List<NewResident> newResidents, Boolean leafletDelivered, String note) {}

  /** A correction of a recorded visit: the outcome, the members seen, the leaflet and the note. */
  public record Correction(Outcome outcome, List<UUID> seen, Boolean leafletDelivered, String note) {}

  /**
   * The questionnaire in force for one member: temperature, symptoms, risk-area travel, case contact,
   * arrival date and whether the member is vulnerable (elderly living alone, disabled, chronically ill,
   * pregnant …); an answer to an item the version in force does not ask is refused.
   */
  public record Check(UUID personId, BigDecimal temperature, List<org.epicommand.quarantine.Symptom> symptoms,
      String riskArea, Boolean caseContact, LocalDate arrivedOn, Boolean vulnerable) {}

  /** A resident found at the door and registered with the household's address. */
  public record NewResident(String name, String idType, String idNumber, String sex, String phone,
      LocalDate arrivedOn, String fromRegion) {}
}
