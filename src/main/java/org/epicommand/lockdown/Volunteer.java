package org.epicommand.lockdown;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a volunteer sees of the sealed areas: their own entry of the pool (null when their account is
 * not linked to one), their shifts from today on and the service requests assigned to them — the task,
 * the address and the phone, never a registry record.
 */
public record Volunteer(String name, String phone, List<Shift> shifts, List<Delivery> deliveries) {

  /** One of the volunteer's shifts: where, what post, when; whether they have checked in. */
  public record Shift(UUID id, String areaName, String postName, Post.Kind postKind, Instant startsAt,
      Instant endsAt, Post.ShiftState state, Instant checkedInAt) {}

  /** A request assigned to the volunteer: the household's address and phone, the need, the deadline. */
  public record Delivery(UUID id, String areaName, String address, ServiceRequest.Need need, String detail,
      String phone, Instant dueAt, boolean overdue, boolean priority) {}

  /** The note a volunteer leaves when delivering (optional). */
  public record Delivered(String note) {}
}
