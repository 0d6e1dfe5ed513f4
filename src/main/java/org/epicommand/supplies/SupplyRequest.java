package org.epicommand.supplies;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A unit's supply request with its lines and, once dispatched, its dispatch; {@code overdue}: a deadline
 * it still waits on (approval while SUBMITTED or PENDING_SECOND_APPROVAL, delivery until received) has passed;
 * {@code approvedValue}: the approved quantities at the items' reference prices (元), once approved;
 * {@code firstApprovedBy}: who gave the first of two approvals.
 */
public record SupplyRequest(String id, String number, String unitName, String jurisdictionCode, String jurisdictionName,
    RequestPriority priority, String purpose, RequestState state, String reason, String warehouseCode, String createdBy,
    OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime approveDue, OffsetDateTime deliverDue,
    String decidedBy, OffsetDateTime decidedAt, boolean overdue, List<Line> lines, Dispatch dispatch,
    java.math.BigDecimal approvedValue, String firstApprovedBy) {

  /** One item of the request: what was requested, approved, allocated, dispatched and received. */
  public record Line(String itemCode, String itemName, String unit, long requested, Long approved, Long allocated,
      Long dispatched, Long received) {}

  /** The vehicle that carries the request, with its green-channel pass. */
  public record Dispatch(String warehouseCode, String vehiclePlate, String driver, String driverPhone,
      String greenPassNumber, DispatchState state, OffsetDateTime plannedAt, OffsetDateTime departedAt,
      OffsetDateTime expectedAt,
      OffsetDateTime receivedAt, String receivedBy, String discrepancyNote) {}
}
