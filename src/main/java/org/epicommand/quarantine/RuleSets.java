package org.epicommand.quarantine;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.account.CurrentUser;
import org.epicommand.quarantine.internal.RuleSetStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The protocol rule sets (DOMAIN.md §6): the four editions seeded, custom ones added by
 * administrators with an effective date. Other modules ask here for the rule set in force on a
 * day, e.g. the look-back window of an investigation.
 */
@Service
public class RuleSets {

  private final RuleSetStore store;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  RuleSets(RuleSetStore store, CurrentUser currentUser, AuditTrail audit) {
    this.store = store;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  public List<RuleSet> all() {
    // two small tables: read each time, so every instance sees a new rule set at once
    return store.all();
  }

  public Optional<RuleSet> find(String code) {
    return all().stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /** The rule set with the latest effective date on or before {@code day}. */
  public RuleSet inForce(LocalDate day) {
    return all().stream().filter(r -> !r.effectiveFrom().isAfter(day))
        .max(Comparator.comparing(RuleSet::effectiveFrom).thenComparing(RuleSet::code))
        .orElseGet(() -> all().get(0));
  }

  /** How many days before onset (or first positive sampling) an investigation looks back on {@code day}. */
  public int lookBackDays(LocalDate day) {
    return inForce(day).lookBackDays();
  }

  /** Whether secondary contacts are determined under the rule set in force on {@code day}. */
  public boolean secondaryContactsDetermined(LocalDate day) {
    return inForce(day).secondaryContacts();
  }

  @Transactional
  public RuleSet add(RuleSet ruleSet) {
    if (!ruleSet.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
      throw new ValidationFailure(FieldProblem.of("code", "quarantine.ruleSet.code"));
    }
    if (ruleSet.rules().isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("rules", "quarantine.ruleSet.noRules"));
    }
    if (store.exists(ruleSet.code())) {
      throw Conflict.duplicate("quarantine.ruleSet.duplicate", ruleSet.code());
    }
    RuleSet custom = new RuleSet(ruleSet.code(), ruleSet.nameZh(), ruleSet.nameEn(), ruleSet.effectiveFrom(),
        ruleSet.lookBackDays(), ruleSet.secondaryContacts(), false, ruleSet.rules());
    store.insert(custom, currentUser.get().username());
    audit.record(AuditAction.CREATE, "RULE_SET", custom.code(), null);
    return custom;
  }
}
