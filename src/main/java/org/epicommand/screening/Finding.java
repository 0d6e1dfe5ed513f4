package org.epicommand.screening;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An abnormal finding of a visit and the control action it needs (定位、定点、定状况): OPEN until a
 * worker records the action taken — with the owning module's reference (clinic visit, arrival,
 * order) — then ACTIONED, then CLOSED. {@code overdue}: still OPEN after the action deadline.
 */
public record Finding(UUID id, UUID roundId, UUID visitId, UUID householdId, UUID personId, String personName,
    Category category, BigDecimal temperature, java.util.List<org.epicommand.quarantine.Symptom> symptoms,
        String detail, String address, String jurisdictionCode,
    String jurisdictionName, State state, Action requiredAction, Instant raisedAt, Instant actionDueAt,
    boolean overdue, Action action, String actionRef, String placed, String statusNote, Instant actionedAt,
    String actionedBy, UUID siteVisitId) {

  public enum Category { FEVER, SYMPTOMS, RISK_AREA_TRAVEL, CASE_CONTACT, UNREGISTERED_ARRIVAL, OTHER }

  public enum State { OPEN, ACTIONED, CLOSED }

  public enum Action {
    FEVER_CLINIC_REFERRAL, ARRIVAL_REGISTERED, CONTACT_VERIFICATION, TEST_ARRANGED, NO_ACTION_JUSTIFIED;

    /** The action a category calls for. */
    public static Action requiredFor(Category category) {
      return switch (category) {
        case FEVER, SYMPTOMS -> FEVER_CLINIC_REFERRAL;
        case RISK_AREA_TRAVEL, UNREGISTERED_ARRIVAL -> ARRIVAL_REGISTERED;
        case CASE_CONTACT -> CONTACT_VERIFICATION;
        case OTHER -> TEST_ARRANGED;
      };
    }
  }

  /**
   * The action taken: which, the reference the owning module returned (clinic visit, arrival or order
   * id), where the person is now controlled (定点) and their state (定状况). NO_ACTION_JUSTIFIED needs
   * a reason in {@code status}. {@code arrival}: for ARRIVAL_REGISTERED without a reference, the arrival
   * to register through the movement module.
   */
  public record Taken(Action action, String reference, String placed, String status, ArrivalDetails arrival) {

    public Taken(Action action, String reference, String placed, String status) {
      this(action, reference, placed, status, null);
    }
  }

  /**
   * The journey of a person a finding names, for the arrival registration: their document and phone
   * (taken from the registry when the finding names a registered person), where from (a designated risk
   * area, or a region with its risk level, or from abroad), by which route and on which day.
   */
  public record ArrivalDetails(String idType, String idNumber, String phone, String originRegion, UUID originAreaId,
      org.epicommand.quarantine.RiskLevel originLevel, Boolean inbound, String route,
      java.time.LocalDate arrivalDate) {}
}
