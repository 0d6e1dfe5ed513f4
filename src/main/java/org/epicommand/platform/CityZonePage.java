package org.epicommand.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Marks a page controller whose templates show times in the city's zone: the model of each of its
 * pages carries {@code zone} (the zone of the city's clock).
 */
public interface CityZonePage {

  /** Adds {@code zone} to the model of the marked controllers only. */
  @ControllerAdvice(assignableTypes = CityZonePage.class)
  class Zone {

    private final ZoneId zone;

    Zone(Clock clock) {
      this.zone = clock.getZone();
    }

    @ModelAttribute("zone")
    ZoneId zone() {
      return zone;
    }
  }
}
