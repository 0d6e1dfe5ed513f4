package org.epicommand.lockdown.internal;

import java.time.Duration;
import org.epicommand.lockdown.Post;
import org.epicommand.lockdown.ServiceRequest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.lockdown.*}: the staffing standard (persons per post and shift: a gate 2, every
 * other post 1; shifts of 8 h from midnight, i.e. 3 a day) and the service level of each need
 * (groceries 24 h, medicine 12 h, medical care 2 h, the rest 24 h); a household with a vulnerable person
 * waits at most {@code vulnerable-within} (6 h); a shift window starting within {@code unfilled-lead} (2 h)
 * below the standard is reported unfilled; the readiness scenario counts a sampling team per 1,000
 * residents and a delivery team per 300 households, of {@code sampling-team-persons} and
 * {@code delivery-team-persons} (3 each).
 */
@ConfigurationProperties("epicommand.lockdown")
public record LockdownProperties(@DefaultValue("2") int gatePersons, @DefaultValue("1") int otherPostPersons,
    @DefaultValue("8h") Duration shiftLength, @DefaultValue("24h") Duration groceriesWithin,
    @DefaultValue("12h") Duration medicineWithin, @DefaultValue("2h") Duration medicalWithin,
    @DefaultValue("24h") Duration otherWithin, @DefaultValue("6h") Duration vulnerableWithin,
    @DefaultValue("2h") Duration unfilledLead, @DefaultValue("3") int samplingTeamPersons,
    @DefaultValue("3") int deliveryTeamPersons) {

  /** Shifts in a day (3 for shifts of 8 h). */
  public int shiftsPerDay() {
    return (int) Math.max(1, Math.ceil((double) Duration.ofHours(24).toMinutes() / shiftLength.toMinutes()));
  }

  /** Persons a post of this kind needs on every shift. */
  public int personsPerShift(Post.Kind kind) {
    return kind == Post.Kind.GATE ? gatePersons : otherPostPersons;
  }

  /** How long a household may wait for this need. */
  public Duration within(ServiceRequest.Need need) {
    return switch (need) {
      case GROCERIES -> groceriesWithin;
      case MEDICINE -> medicineWithin;
      case MEDICAL -> medicalWithin;
      default -> otherWithin;
    };
  }

  /** How long a household with a vulnerable person may wait for this need: the shorter of the two. */
  public Duration within(ServiceRequest.Need need, boolean vulnerable) {
    Duration level = within(need);
    return vulnerable && vulnerableWithin.compareTo(level) < 0 ? vulnerableWithin : level;
  }
}
