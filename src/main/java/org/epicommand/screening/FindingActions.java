package org.epicommand.screening;

import java.util.UUID;
import org.epicommand.movement.Arrivals;
import org.epicommand.movement.NewArrival;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Component;

/**
 * The control actions a finding calls for that an owning module carries out: the arrival registration
 * through {@link Arrivals} (the arrival rule in force decides the reason and opens the order). The
 * registration joins the caller's transaction, so a finding is never actioned without its arrival.
 */
@Component
class FindingActions {

  private final Arrivals arrivals;
  private final PersonRegistry persons;

  FindingActions(Arrivals arrivals, PersonRegistry persons) {
    this.arrivals = arrivals;
    this.persons = persons;
  }

  /**
   * Registers the arrival of the finding's person at the finding's address and community; the person's
   * document and phone come from the registry when the finding names a registered person and the
   * details leave them out. Returns the arrival's id; the movement module's field problems are the answer
   * otherwise (400).
   */
  String registerArrival(Finding finding, Finding.ArrivalDetails details) {
    PersonSummary known = finding.personId() == null ? null : persons.summary(finding.personId()).orElse(null);
    IdType idType = details.idType() != null && !details.idType().isBlank() ? IdType.parse(details.idType())
        : known != null ? known.idType() : IdType.RESIDENT_ID;
    if (idType == null) {
      throw new ValidationFailure(FieldProblem.of("idType", "screening.idType"));
    }
    String idNumber = details.idNumber() != null && !details.idNumber().isBlank() ? details.idNumber()
        : known == null ? null : known.idNumber();
    String phone = details.phone() != null && !details.phone().isBlank() ? details.phone()
        : known == null ? null : known.phone();
    UUID area = details.originAreaId();
    return arrivals.register(new NewArrival(finding.personName(), idType, idNumber, phone, finding.address(),
        finding.jurisdictionCode(), details.originRegion(), area, details.originLevel(),
        Boolean.TRUE.equals(details.inbound()), details.route(), details.arrivalDate(), null)).id();
  }
}
