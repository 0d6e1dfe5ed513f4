package org.epicommand.screening;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.quarantine.Symptom;

/**
 * A visit of a site in a round (入单位): staff present, whether the staff ledger was screened, how
 * many had fever or symptoms or arrived recently (each one named becomes a finding), the leaflet, the
 * questionnaire version answered. One per round and site; a CLOSED site is tried again.
 */
public record SiteVisit(UUID id, UUID roundId, UUID siteId, String siteName, Site.Kind kind, String jurisdictionCode,
    Instant visitedAt, String visitor, Visit.Method method, Outcome outcome, int staffPresent,
    boolean ledgerScreened, int fever, int symptomatic, int recentArrivals, int questionnaireVersion, int attempts,
    Instant revisitDueAt, boolean leafletDelivered, String note, List<Finding> findings) {

  public enum Outcome {
    SCREENED, PARTIAL, CLOSED, REFUSED, CEASED;

    /** Counts for coverage: everything but CLOSED (nobody there today) documents the site. */
    public boolean documented() {
      return this != CLOSED;
    }
  }

  /**
   * What a worker records at a site: how, the outcome, staff present, whether the staff ledger was
   * screened, the persons with fever, symptoms or a recent arrival (each becomes a finding), the leaflet
   * and a note.
   */
  public record New(Visit.Method method, Outcome outcome, Integer staffPresent, Boolean ledgerScreened,
      List<Person> persons, Boolean leafletDelivered, String note) {}

  /**
   * A person at the site the questionnaire flags: name, document and phone (for the arrival
   * registration), temperature (34–43 °C), symptoms, where they came from and when.
   */
  public record Person(String name, String idNumber, String phone, BigDecimal temperature, List<Symptom> symptoms,
      String fromRegion, LocalDate arrivedOn) {}
}
