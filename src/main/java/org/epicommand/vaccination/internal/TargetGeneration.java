package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonLookup;
import org.epicommand.vaccination.AgeBand;
import org.epicommand.vaccination.CoverageMeasure;
import org.epicommand.vaccination.ExclusionKind;
import org.epicommand.vaccination.TargetState;
import org.epicommand.vaccination.VaccinationStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the door-to-door lists one community (or grid) at a time, each in its own transaction: the
 * registry's residents old enough for a band with a goal, minus those who reached it and those with an
 * exclusion that closes their item (an exclusion that defers or asks for a home visit lists them in that
 * state). Persons on a list already are left as they are, so generating again only adds newcomers.
 */
@Component
class TargetGeneration {

  private final TargetStore store;
  private final DoseStore doses;
  private final ExclusionStore exclusions;
  private final CoverageStore coverage;
  private final PersonLookup lookup;
  private final Jurisdictions jurisdictions;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  TargetGeneration(TargetStore store, DoseStore doses, ExclusionStore exclusions, CoverageStore coverage,
      PersonLookup lookup, Jurisdictions jurisdictions, AuditTrail audit, PlatformTransactionManager transactionManager,
      Clock clock) {
    this.store = store;
    this.doses = doses;
    this.exclusions = exclusions;
    this.coverage = coverage;
    this.lookup = lookup;
    this.jurisdictions = jurisdictions;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Generates a community's or grid's list the first time it is opened (a larger area is generated on request). */
  void ensure(JurisdictionScope scope) {
    if (scope.code() == null || store.generated(scope)) {
      return;
    }
    jurisdictions.find(scope.code()).filter(j -> j.level().ordinal() >= JurisdictionLevel.VILLAGE.ordinal())
        .ifPresent(j -> generate(scope));
  }

  /** Generates the lists of every community (or the grid) inside the scope; answers how many items were added. */
  int generate(JurisdictionScope scope) {
    if (scope.code() == null) {
      return 0;
    }
    Jurisdiction root = jurisdictions.find(scope.code()).orElseThrow();
    List<Jurisdiction> units = root.level().ordinal() >= JurisdictionLevel.VILLAGE.ordinal() ? List.of(root)
        : jurisdictions.descendantsAt(scope, JurisdictionLevel.VILLAGE);
    int added = 0;
    for (Jurisdiction unit : units) {
      added += transactions.execute(status -> unit(unit));
    }
    return added;
  }

  private int unit(Jurisdiction unit) {
    TargetGoals goals = coverage.goals();
    Integer youngest = goals.youngestAge();
    Instant now = clock.instant();
    int added = 0;
    if (youngest != null) {
      int year = LocalDate.now(clock).getYear();
      List<PersonLookup.Born> residents = lookup.residentsBornBy(unit.scope(), LocalDate.of(year - youngest, 12, 31));
      List<UUID> ids = residents.stream().map(p -> UUID.fromString(p.id())).toList();
      Map<UUID, DoseStore.StatusRow> statuses = doses.statuses(ids);
      Map<UUID, List<ExclusionKind>> excluded = exclusions.activeKinds(ids);
      List<PersonLookup.Born> due = new ArrayList<>();
      List<TargetState> states = new ArrayList<>();
      for (int i = 0; i < residents.size(); i++) {
        PersonLookup.Born p = residents.get(i);
        CoverageMeasure goal = goals.of(AgeBand.ofBirthYear(p.birthDate().getYear(), year));
        DoseStore.StatusRow s = statuses.get(ids.get(i));
        VaccinationStatus status = s == null ? VaccinationStatus.UNVACCINATED : s.status();
        List<ExclusionKind> kinds = excluded.getOrDefault(ids.get(i), List.of());
        if (goal == null || status.meets(goal) || kinds.stream().anyMatch(k -> k.closes() != null)) {
          continue;
        }
        due.add(p);
        states.add(kinds.isEmpty() ? TargetState.OPEN : kinds.get(0).itemState());
      }
      added = store.add(due, states, now);
    }
    store.markGenerated(unit.path(), added, now);
    audit.record(AuditAction.CREATE, "VACCINATION_TARGET_LIST", unit.code(), added + " persons added");
    return added;
  }
}
