package org.epicommand.treatment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.shared.Conflict;
import org.epicommand.treatment.DeploymentStatus;
import org.junit.jupiter.api.Test;

/** The staff deployment state machine, without the application. */
class DeploymentTest {

  static final Instant NOW = Instant.parse("2022-11-10T02:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2022, 11, 10);

  @Test
  void aDeploymentArrivesAndReturnsEndingItsPeriodTheDayItReturns() {
    Deployment d = Deployment.planned(UUID.randomUUID(), TODAY.plusDays(14));
    d.deploy(NOW);
    assertThat(d.status()).isEqualTo(DeploymentStatus.DEPLOYED);
    assertThat(d.deployedAt()).isEqualTo(NOW);
    d.recall(NOW.plusSeconds(86_400), TODAY.plusDays(1));
    assertThat(d.status()).isEqualTo(DeploymentStatus.RETURNED);
    assertThat(d.endsOn()).as("back before the planned end").isEqualTo(TODAY.plusDays(1));
    assertThat(d.returnedAt()).isEqualTo(NOW.plusSeconds(86_400));
  }

  @Test
  void aReturnAfterThePlannedEndKeepsThePlannedEnd() {
    Deployment d = Deployment.planned(UUID.randomUUID(), TODAY);
    d.deploy(NOW);
    d.recall(NOW, TODAY.plusDays(3));
    assertThat(d.endsOn()).isEqualTo(TODAY);
    Deployment open = Deployment.planned(UUID.randomUUID(), null);
    open.deploy(NOW);
    open.recall(NOW, TODAY.plusDays(3));
    assertThat(open.endsOn()).isEqualTo(TODAY.plusDays(3));
  }

  @Test
  void illegalMovesNameTheCurrentState() {
    Deployment d = Deployment.planned(UUID.randomUUID(), null);
    assertThatThrownBy(() -> d.recall(NOW, TODAY)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("PLANNED"));
    d.cancel(NOW);
    assertThat(d.status()).isEqualTo(DeploymentStatus.CANCELLED);
    assertThat(d.cancelledAt()).isEqualTo(NOW);
    assertThatThrownBy(() -> d.deploy(NOW)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("CANCELLED"));
    Deployment on = Deployment.planned(UUID.randomUUID(), null);
    on.deploy(NOW);
    assertThatThrownBy(() -> on.cancel(NOW)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("DEPLOYED"));
    assertThatThrownBy(() -> on.deploy(NOW)).isInstanceOf(Conflict.class);
    on.recall(NOW, TODAY);
    assertThatThrownBy(() -> on.recall(NOW, TODAY)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("RETURNED"));
  }
}
