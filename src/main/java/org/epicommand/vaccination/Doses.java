package org.epicommand.vaccination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PersonReference;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.vaccination.internal.DoseInputs;
import org.epicommand.vaccination.internal.DoseLanding;
import org.epicommand.vaccination.internal.DoseStore;
import org.epicommand.vaccination.internal.ExclusionStore;
import org.epicommand.vaccination.internal.MasterRules;
import org.epicommand.vaccination.internal.PersonsInScope;
import org.epicommand.vaccination.internal.ProductStore;
import org.epicommand.vaccination.internal.SiteBook;
import org.epicommand.vaccination.internal.TargetWork;
import org.epicommand.vaccination.internal.VaccinatorBook;
import org.epicommand.vaccination.internal.VaccinatorStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doses recorded at a site, and each person's vaccination record. A dose lands through the same code as
 * the {@code doses} import ({@link DoseLanding}: same rules, statuses, rollups and 销号): a bad field is a
 * 400 naming it (a dose in the future, too soon after the previous one, outside the product's ages, a gap
 * in the dose numbers); a dose number stored already is 409 with {@code existingId}; a retired product,
 * site or vaccinator is 409. A vaccinator (role VACCINATOR) records at their own site as themselves.
 */
@Service
public class Doses {

  static final String RECORD = "VACCINATION_RECORD";

  private final DoseLanding landing;
  private final DoseInputs inputs;
  private final DoseStore store;
  private final ExclusionStore exclusions;
  private final AdverseEvents adverseEvents;
  private final TargetWork targets;
  private final SiteBook sites;
  private final VaccinatorBook vaccinators;
  private final PersonsInScope persons;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  Doses(DoseLanding landing, DoseInputs inputs, DoseStore store, ExclusionStore exclusions, AdverseEvents adverseEvents,
      TargetWork targets, SiteBook sites, VaccinatorBook vaccinators, PersonsInScope persons, CurrentUser currentUser,
      AuditTrail audit, java.time.Clock clock) {
    this.landing = landing;
    this.inputs = inputs;
    this.store = store;
    this.exclusions = exclusions;
    this.adverseEvents = adverseEvents;
    this.targets = targets;
    this.sites = sites;
    this.vaccinators = vaccinators;
    this.persons = persons;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Dose record(NewDose raw) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    PersonLookup.Born person = persons.find(raw.personId()).orElse(null);
    if (person == null) {
      problems.add(FieldProblem.of("personId", "vaccination.unknownPerson"));
    }
    if (raw.doseNumber() == null || raw.doseNumber() < 1 || raw.doseNumber() > 9) {
      problems.add(FieldProblem.of("doseNumber", "vaccination.dose.number"));
    }
    if (raw.date() == null) {
      problems.add(FieldProblem.of("date", "vaccination.date"));
    }
    String batch = MasterRules.limited(raw.batch(), 40, "batch", problems);
    String site = MasterRules.text(raw.siteCode());
    String vaccinator = MasterRules.text(raw.vaccinatorCode());
    if (user.hasRole(Role.VACCINATOR)) {
      VaccinatorStore.Row bound = vaccinators.boundTo(user.username())
          .orElseThrow(() -> Conflict.of("vaccination.dose.unbound"));
      if (site != null && !site.equals(bound.data().siteCode())) {
        problems.add(FieldProblem.of("siteCode", "vaccination.dose.notYourSite", bound.data().siteCode()));
      }
      if (vaccinator != null && !vaccinator.equals(bound.code())) {
        problems.add(FieldProblem.of("vaccinatorCode", "vaccination.dose.notYou", bound.code()));
      }
      site = bound.data().siteCode();
      vaccinator = bound.code();
    } else if (site == null || sites.find(site).isEmpty()) {
      problems.add(FieldProblem.of("siteCode", "vaccination.unknownSite"));
    }
    DoseInputs.Known known = inputs.read(site == null ? Set.of() : Set.of(site),
        vaccinator == null ? Set.of() : Set.of(vaccinator));
    ProductStore.Row product = known.product(raw.productCode(), null, problems);
    if (site != null && problems.stream().noneMatch(p -> p.field().equals("siteCode"))) {
      known.place(site, vaccinator, problems);
    }
    List<FieldProblem> retired = problems.stream().filter(p -> p.code().endsWith("Retired")).toList();
    problems.removeAll(retired);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (!retired.isEmpty()) {
      // vaccination.productRetired → vaccination.dose.productRetired: the 409 names the state
      throw Conflict.illegalTransition(retired.get(0).code().replace("vaccination.", "vaccination.dose."),
          MasterStatus.RETIRED);
    }
    DoseLanding.Candidate dose = new DoseLanding.Candidate(1, raw.personId(), person.jurisdictionPath(),
        person.birthDate(), raw.doseNumber(), product, batch, raw.date(), site, vaccinator);
    landing.land(List.of(dose), new DoseLanding.Submission(UUID.randomUUID(), DoseSource.SITE, user.username()));
    return switch (dose.fate()) {
      case LANDED -> store.personDoses(raw.personId()).stream().filter(d -> d.id().equals(dose.doseId())).findFirst()
          .orElseThrow();
      case PRESENT, DIFFERS -> throw Conflict.duplicate("vaccination.dose.duplicate", dose.doseId());
      case REJECTED -> throw new ValidationFailure(dose.problems());
    };
  }

  /** A person's vaccination record inside the caller's jurisdiction (404 otherwise); the read is audited. */
  @Transactional
  public VaccinationRecord record(UUID personId) {
    PersonLookup.Born person = persons.find(personId).orElseThrow(() -> new RecordNotFound(RECORD));
    audit.record(AuditAction.READ, RECORD, personId.toString(), null);
    PersonReference who = persons.names(List.of(personId)).get(personId);
    DoseStore.StatusRow status = store.statuses(List.of(personId)).get(personId);
    LocalDate born = person.birthDate();
    int year = LocalDate.now(clock).getYear();
    return new VaccinationRecord(personId.toString(), who == null ? null : who.name(),
        who == null ? null : who.jurisdictionCode(), born, born == null ? null : AgeBand.of(year - born.getYear()),
        status == null ? VaccinationStatus.UNVACCINATED : status.status(), store.personDoses(personId),
        exclusions.ofPerson(personId), adverseEvents.ofPerson(personId), targets.item(personId).orElse(null));
  }
}
