package org.epicommand.treatment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.shared.Conflict;
import org.epicommand.treatment.DeploymentStatus;

/**
 * The staff deployment aggregate: its state and the guarded moves of its lifecycle
 * ({@code PLANNED → DEPLOYED → RETURNED}, {@code PLANNED → CANCELLED}). Every illegal move is a
 * {@link Conflict} naming the current state (409).
 */
public final class Deployment {

  private final UUID id;
  private DeploymentStatus status;
  private LocalDate endsOn;
  private Instant deployedAt;
  private Instant returnedAt;
  private Instant cancelledAt;

  public Deployment(UUID id, DeploymentStatus status, LocalDate endsOn, Instant deployedAt, Instant returnedAt,
      Instant cancelledAt) {
    this.id = id;
    this.status = status;
    this.endsOn = endsOn;
    this.deployedAt = deployedAt;
    this.returnedAt = returnedAt;
    this.cancelledAt = cancelledAt;
  }

  /** A new deployment: planned. */
  public static Deployment planned(UUID id, LocalDate endsOn) {
    return new Deployment(id, DeploymentStatus.PLANNED, endsOn, null, null, null);
  }

  /** PLANNED → DEPLOYED: the staff have arrived at the target hospital. */
  public void deploy(Instant now) {
    require(DeploymentStatus.PLANNED);
    deployedAt = now;
    status = DeploymentStatus.DEPLOYED;
  }

  /** DEPLOYED → RETURNED: the staff have left the target hospital (the day they left ends the period). */
  public void recall(Instant now, LocalDate today) {
    require(DeploymentStatus.DEPLOYED);
    returnedAt = now;
    endsOn = endsOn == null || endsOn.isAfter(today) ? today : endsOn;
    status = DeploymentStatus.RETURNED;
  }

  /** PLANNED → CANCELLED: the staff never went. */
  public void cancel(Instant now) {
    require(DeploymentStatus.PLANNED);
    cancelledAt = now;
    status = DeploymentStatus.CANCELLED;
  }

  private void require(DeploymentStatus expected) {
    if (status != expected) {
      throw Conflict.illegalTransition("treatment.deployment.illegalMove", status);
    }
  }

  public UUID id() {
    return id;
  }

  public DeploymentStatus status() {
    return status;
  }

  public LocalDate endsOn() {
    return endsOn;
  }

  public Instant deployedAt() {
    return deployedAt;
  }

  public Instant returnedAt() {
    return returnedAt;
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }
}
