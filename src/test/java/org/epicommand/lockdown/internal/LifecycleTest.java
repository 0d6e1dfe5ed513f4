package org.epicommand.lockdown.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.epicommand.lockdown.Post;
import org.epicommand.lockdown.SealedArea;
import org.epicommand.lockdown.ServiceRequest;
import org.epicommand.shared.Conflict;
import org.epicommand.support.DemoPlaces;
import org.junit.jupiter.api.Test;

/**
 * The sealed area and service request state machines, the area's household rule and the standard,
 * without the application.
 */
class LifecycleTest {

  private static void refused(Runnable move, String code, String state) {
    assertThatThrownBy(move::run).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo(code);
      assertThat(c.currentState()).isEqualTo(state);
    });
  }

  @Test
  void anAreaIsDeclaredActivatedAndLiftedAndRefusesEveryOtherMove() {
    AreaLifecycle area = new AreaLifecycle(SealedArea.State.DECLARED);
    area.requirePreparing();
    refused(area::requireActive, "lockdown.areaState", "DECLARED");
    refused(area::lift, "lockdown.areaState", "DECLARED");
    area.activate();
    assertThat(area.state()).isEqualTo(SealedArea.State.ACTIVE);
    area.requireActive();
    refused(area::activate, "lockdown.areaState", "ACTIVE");
    refused(area::cancel, "lockdown.areaState", "ACTIVE");
    area.lift();
    assertThat(area.state()).isEqualTo(SealedArea.State.LIFTED);
    refused(area::lift, "lockdown.areaState", "LIFTED");
    refused(area::requirePreparing, "lockdown.areaState", "LIFTED");
    refused(area::requireActive, "lockdown.areaState", "LIFTED");

    AreaLifecycle never = new AreaLifecycle(SealedArea.State.DECLARED);
    never.cancel();
    assertThat(never.state()).isEqualTo(SealedArea.State.CANCELLED);
    refused(never::activate, "lockdown.areaState", "CANCELLED");
  }

  @Test
  void aRequestIsAssignedThenDeliveredReferredOrCancelled() {
    RequestLifecycle request = new RequestLifecycle(ServiceRequest.State.REQUESTED);
    refused(() -> request.complete(ServiceRequest.State.DELIVERED), "lockdown.requestState", "REQUESTED");
    request.assign();
    request.assign();
    assertThat(request.state()).isEqualTo(ServiceRequest.State.ASSIGNED);
    request.complete(ServiceRequest.State.REFERRED);
    assertThat(request.open()).isFalse();
    refused(request::cancel, "lockdown.requestState", "REFERRED");
    refused(request::assign, "lockdown.requestState", "REFERRED");

    RequestLifecycle cancelled = new RequestLifecycle(ServiceRequest.State.REQUESTED);
    cancelled.cancel();
    refused(() -> cancelled.complete(ServiceRequest.State.DELIVERED), "lockdown.requestState", "CANCELLED");
    assertThatThrownBy(() -> new RequestLifecycle(ServiceRequest.State.ASSIGNED)
        .complete(ServiceRequest.State.REQUESTED)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAreaHoldsTheHouseholdsOfItsDivisionAndOfItsBuildingsWhenNamed() {
    AreaStore.Row whole = row(List.of());
    assertThat(whole.holds("/990100/990101/990101001/990101001001/", null)).isTrue();
    assertThat(whole.holds("/990100/990101/990101001/990101001002/", 3)).isFalse();
    AreaStore.Row buildings = row(List.of(3, 5));
    assertThat(buildings.holds("/990100/990101/990101001/990101001001/", 3)).isTrue();
    assertThat(buildings.holds("/990100/990101/990101001/990101001001/", 4)).isFalse();
    assertThat(buildings.holds("/990100/990101/990101001/990101001001/", null)).isFalse();
  }

  @Test
  void theStandardAsksTwoAtAGateAndOneElsewhereWithSlasPerNeed() {
    LockdownProperties standard = new LockdownProperties(2, 1, java.time.Duration.ofHours(8),
        java.time.Duration.ofHours(24), java.time.Duration.ofHours(12), java.time.Duration.ofHours(2),
        java.time.Duration.ofHours(24), java.time.Duration.ofHours(6), java.time.Duration.ofHours(2), 3, 3);
    assertThat(standard.personsPerShift(Post.Kind.GATE)).isEqualTo(2);
    assertThat(standard.personsPerShift(Post.Kind.BUILDING)).isEqualTo(1);
    assertThat(standard.within(ServiceRequest.Need.MEDICINE)).hasHours(12);
    assertThat(standard.within(ServiceRequest.Need.GROCERIES)).hasHours(24);
    assertThat(standard.within(ServiceRequest.Need.PET)).hasHours(24);
    assertThat(standard.within(ServiceRequest.Need.GROCERIES, true)).hasHours(6);
    assertThat(standard.within(ServiceRequest.Need.MEDICAL, true)).hasHours(2);
    assertThat(standard.within(ServiceRequest.Need.GROCERIES, false)).hasHours(24);
    assertThat(standard.shiftsPerDay()).isEqualTo(3);
  }

  private static AreaStore.Row row(List<Integer> buildings) {
    return new AreaStore.Row(UUID.randomUUID(), "幸福小区", SealedArea.Kind.SEALED, SealedArea.State.ACTIVE, null,
        DemoPlaces.COMMUNITY, "/990100/990101/990101001/990101001001/", buildings, Instant.now(), null, null, null,
            null,
        null);
  }
}
