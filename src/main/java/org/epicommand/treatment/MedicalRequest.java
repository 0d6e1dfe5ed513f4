package org.epicommand.treatment;

import java.time.OffsetDateTime;

/**
 * A medical-service request for a person under control. {@code overdue}: not dispatched within the
 * urgency's limit (emergency 30 min, urgent 4 h, routine 24 h by default). {@code specialNeeds}: what the
 * person is on the special-needs ledger for (dialysis, pregnancy …), so the desk sees it at once.
 */
public record MedicalRequest(String id, String personId, String personName, String jurisdictionCode, Need need,
    Urgency urgency, Channel channel, String phone, String context, String hospitalCode, String vehicle,
    MedicalRequestStatus status, OffsetDateTime requestedAt, OffsetDateTime acceptedAt, OffsetDateTime dispatchedAt,
    OffsetDateTime closedAt, String note, OffsetDateTime dispatchDue, boolean overdue,
    java.util.List<org.epicommand.person.SpecialNeed.Need> specialNeeds) {

  public enum Need { EMERGENCY_120, DIALYSIS, CHEMOTHERAPY, DELIVERY, MEDICATION, MENTAL_HEALTH, OTHER }

  public enum Urgency { EMERGENCY, URGENT, ROUTINE }

  public enum Channel { HOTLINE, COMMUNITY, PERSONAL_LINK }

  /** Filing a request: the person, what they need, how urgent, where it came from, a callback phone. */
  public record New(String personId, Need need, Urgency urgency, Channel channel, String phone, String context) {}

  /** Moving a request on: the hospital and vehicle (dispatch), a note (any move). */
  public record Step(String hospitalCode, String vehicle, String note) {}
}
