package org.epicommand.movement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.movement.internal.ArrivalStore;
import org.epicommand.person.NewPerson;
import org.epicommand.person.PersonMatching;
import org.epicommand.person.PersonReference;
import org.epicommand.quarantine.NewOrder;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderSource;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.quarantine.RuleSet;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Masking;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Returnees and inbound travellers (docs/domain.md §8): registered by the resident on a phone (no login)
 * or by community staff, matched to (or registered in) the person registry; the arrival rule of the
 * rule set in force on the arrival date decides the reason (§6 "Arrivals"), and when that rule set
 * manages the reason the quarantine order is opened in the same transaction, so a registration
 * never exists without the order it calls for.
 */
@Service
public class Arrivals {

  static final String SUBJECT = "ARRIVAL";
  /** The audit subject of a resident's registration that was refused (nothing stored). */
  static final String ATTEMPT = "ARRIVAL_ATTEMPT";
  /** A registration may come a few days before the journey (报备) or up to 30 days after it. */
  static final int DAYS_AHEAD = 3;
  static final int DAYS_BACK = 30;
  static final LocalDate EARLIEST = LocalDate.of(2020, 1, 1);

  private final ArrivalStore store;
  private final Checkpoints checkpoints;
  private final RiskAreas riskAreas;
  private final RuleSets ruleSets;
  private final QuarantineOrders orders;
  private final PersonMatching persons;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transactions;

  Arrivals(ArrivalStore store, Checkpoints checkpoints, RiskAreas riskAreas, RuleSets ruleSets,
      QuarantineOrders orders, PersonMatching persons,
      Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.store = store;
    this.checkpoints = checkpoints;
    this.riskAreas = riskAreas;
    this.ruleSets = ruleSets;
    this.orders = orders;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Registration by community staff: the destination must lie inside the caller's jurisdiction (403).
   * A document held by a person outside it is registered as {@link ArrivalOutcome#REFERRED}: the person
   * is not named, not linked for the caller, not put under control; their own jurisdiction sees the
   * arrival with them and decides (it may be a document typed wrongly, or a person who moved).
   */
  @Transactional
  public Arrival register(NewArrival request) {
    UserContext user = currentUser.get();
    return register(request, request.checkpointCode() == null || request.checkpointCode().isBlank() ? "STAFF"
        : "CHECKPOINT", user.username(), user.scope());
  }

  /**
   * The resident's own registration on a phone: no user, any community of the city. The answer is what
   * the arrival rule calls for, whatever the registry holds: a registered document under another name
   * is kept as {@link ArrivalOutcome#UNVERIFIED} for the community (nobody put under control) and
   * answered like any other. Every attempt is audited, the refused ones too.
   */
  public ArrivalReceipt registerSelf(NewArrival request) {
    try {
      return transactions.execute(status -> {
        Arrival arrival = register(request, "SELF", null, null);
        return new ArrivalReceipt(arrival.id(), called(arrival), arrival.reason(), arrival.ruleSet());
      });
    } catch (ValidationFailure e) {
      throw refusedSelf(e);
    }
  }

  /** Records a resident's refused registration (its own transaction: nothing else is stored) and returns the refusal.
   * */
  public ValidationFailure refusedSelf(ValidationFailure refusal) {
    audit.record(AuditAction.CREATE, ATTEMPT, null, "SELF refused: " + refusal.problems().stream()
        .map(p -> p.field() + "=" + p.code()).distinct().collect(java.util.stream.Collectors.joining(", ")));
    return refusal;
  }

  /** What the rule calls for, as a resident is told it (an unverified registration is answered like any other). */
  private ArrivalOutcome called(Arrival arrival) {
    if (arrival.outcome() != ArrivalOutcome.UNVERIFIED) {
      return arrival.outcome();
    }
    if (arrival.reason() == null) {
      return ArrivalOutcome.NO_RISK;
    }
    return ruleSets.find(arrival.ruleSet()).flatMap(r -> r.rule(arrival.reason())).isPresent()
        ? ArrivalOutcome.ORDER_OPENED : ArrivalOutcome.NO_RULE;
  }

  private Arrival register(NewArrival request, String channel, String username, JurisdictionScope scope) {
    LocalDate today = LocalDate.now(clock);
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Jurisdiction> destination = request.destinationCode() == null || request.destinationCode().isBlank()
        ? Optional.empty() : jurisdictions.find(request.destinationCode().strip());
    if (destination.isEmpty() || destination.get().level() != JurisdictionLevel.VILLAGE) {
      problems.add(FieldProblem.of("destinationCode", "movement.arrival.destination"));
    } else if (scope != null && !scope.contains(destination.get().path())) {
      throw new AccessDeniedException("destination outside the caller's jurisdiction");
    }
    RuleSet ruleSet = ruleSet(request, scope, today, problems);
    if (request.phone() == null || request.phone().isBlank()) {
      problems.add(FieldProblem.of("phone", "movement.arrival.phoneRequired"));
    }
    if (request.route() != null && request.route().length() > 500) {
      problems.add(FieldProblem.of("route", "movement.arrival.route"));
    }
    if (request.originRegion() != null && request.originRegion().length() > 100) {
      problems.add(FieldProblem.of("originRegion", "movement.arrival.originRegion"));
    }
    String checkpoint = blankToNull(request.checkpointCode());
    Optional<Checkpoints.Checkpoint> at = checkpoint == null || scope == null ? Optional.empty()
        : checkpoints.find(checkpoint);
    if (checkpoint != null && at.isEmpty()) {
      problems.add(FieldProblem.of("checkpointCode", "movement.checkpoint.unknown"));
    } else if (at.isPresent() && at.get().state() == Checkpoints.State.RETIRED) {
      // a retired checkpoint keeps its arrivals but registers no new ones
      throw Conflict.illegalTransition("movement.checkpoint.retired", at.get().state());
    }
    RiskLevel originLevel = request.originLevel();
    if (request.originAreaId() != null) {
      Optional<RiskArea> area = riskAreas.find(request.originAreaId());
      if (area.isEmpty()) {
        problems.add(FieldProblem.of("originAreaId", "movement.arrival.originArea"));
      } else {
        originLevel = area.get().level();
      }
    }
    if (ruleSet != null && !request.inbound() && request.originAreaId() == null && originLevel != null
        && !ruleSet.knowsLevel(originLevel)) {
      // a level typed must exist on the arrival date; an area designated under an earlier edition keeps its own
      problems.add(FieldProblem.of("originLevel", "movement.arrival.levelNotInFamily." + ruleSet.levelFamily(),
          ruleSet.code()));
    }
    PersonMatching.Resolution resolution = null;
    try {
      NewPerson person = new NewPerson(request.name(), request.idType(), request.idNumber(), null, null,
          request.phone(), request.address(), destination.map(Jurisdiction::code).orElse(null));
      // matched inside the caller's jurisdiction only; a resident is matched by document and name
      resolution = scope == null ? persons.resolveForResident(person) : persons.resolve(person, scope);
    } catch (ValidationFailure e) {
      e.problems().stream().filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
          .forEach(problems::add);
    }
    if (!problems.isEmpty()) {
      // a person registered above is rolled back with the transaction
      throw new ValidationFailure(problems);
    }
    return file(request, channel, username, destination.get(), ruleSet, originLevel, resolution);
  }

  /** The rule set in force on the arrival date; none (a field problem) outside the dates a registration may have. */
  private RuleSet ruleSet(NewArrival request, JurisdictionScope scope, LocalDate today, List<FieldProblem> problems) {
    LocalDate day = request.arrivalDate();
    // staff may file arrivals after the fact (补录); a resident's own registration is about a recent journey
    LocalDate earliest = scope == null ? today.minusDays(DAYS_BACK) : EARLIEST;
    if (day == null || day.isAfter(today.plusDays(DAYS_AHEAD)) || day.isBefore(earliest)) {
      problems.add(FieldProblem.of("arrivalDate", "movement.arrival.date", DAYS_AHEAD, earliest.toString()));
      return null;
    }
    // the rule set in force on the arrival date decides; before the earliest edition there is none
    RuleSet ruleSet = ruleSets.findInForce(day).orElse(null);
    if (ruleSet == null) {
      problems.add(ruleSets.noneInForce("arrivalDate", day));
    }
    return ruleSet;
  }

  /** Files the checked arrival: the order when the rule calls for one and the person is the caller's to control. */
  private Arrival file(NewArrival request, String channel, String username, Jurisdiction destination,
      RuleSet ruleSet, RiskLevel originLevel, PersonMatching.Resolution resolution) {
    LocalDate day = request.arrivalDate();
    OrderReason reason = reason(request.inbound(), originLevel);
    UUID id = UUID.randomUUID();
    PersonReference person = resolution.person();
    ArrivalOutcome outcome;
    String orderId = null;
    String personId = person == null ? null : person.id();
    String personPath = null;
    if (resolution.kind() == PersonMatching.Resolution.Kind.ELSEWHERE) {
      outcome = ArrivalOutcome.REFERRED;
      personId = resolution.elsewhere().personId();
      personPath = resolution.elsewhere().jurisdictionPath();
    } else if (resolution.kind() == PersonMatching.Resolution.Kind.UNCONFIRMED) {
      outcome = ArrivalOutcome.UNVERIFIED;
    } else if (reason == null) {
      outcome = ArrivalOutcome.NO_RISK;
    } else if (ruleSet.rule(reason).isEmpty()) {
      outcome = ArrivalOutcome.NO_RULE;
    } else {
      orderId = orders.openForPlatform(new NewOrder(UUID.fromString(person.id()), reason, day, ruleSet.code(),
          OrderSource.ARRIVAL, "arrival:" + id)).id();
      outcome = ArrivalOutcome.ORDER_OPENED;
    }
    boolean linked = person != null;
    Arrival arrival = new Arrival(id.toString(), personId, linked ? person.name() : request.name().strip(),
        blankToNull(request.originRegion()),
        request.originAreaId() == null ? null : request.originAreaId().toString(), originLevel, request.inbound(),
        blankToNull(request.route()), day, destination.code(), ruleSet.code(), reason, outcome, orderId, channel,
        clock.instant().atOffset(ZoneOffset.UTC), blankToNull(request.checkpointCode()),
        linked ? null : request.phone().strip(), linked ? null : Masking.documentNumber(request.idNumber().strip()));
    store.insert(arrival, destination.path(), personPath, username);
    audit.record(AuditAction.CREATE, SUBJECT, arrival.id(), channel + " " + outcome);
    return linked ? arrival : withoutPerson(arrival);
  }

  /** The arrival as the one who registered it reads it: no person linked for them. */
  private static Arrival withoutPerson(Arrival a) {
    return new Arrival(a.id(), null, a.name(), a.originRegion(), a.originAreaId(), a.originLevel(), a.inbound(),
        a.route(), a.arrivalDate(), a.jurisdictionCode(), a.ruleSet(), a.reason(), a.outcome(), a.orderId(),
        a.channel(), a.createdAt(), a.checkpointCode(), a.contactPhone(), a.claimedDocument());
  }

  /** ed. 9 and 20 measures, §6 "Arrivals": from abroad first, then the level of the area of origin. */
  static OrderReason reason(boolean inbound, RiskLevel originLevel) {
    if (inbound) {
      return OrderReason.INBOUND_TRAVEL;
    }
    if (originLevel == null) {
      return null;
    }
    return OrderReason.arrivalFrom(originLevel);
  }

  /** One arrival inside the caller's jurisdiction (audited read); 404 outside it. */
  @Transactional
  public Arrival get(UUID id) {
    Arrival arrival = store.find(id, currentUser.get().scope()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    audit.record(AuditAction.READ, SUBJECT, arrival.id(), null);
    return arrival;
  }

  /** A person's arrivals inside the caller's jurisdiction (the person page; audited read). */
  @Transactional
  public List<Arrival> ofPerson(UUID personId) {
    List<Arrival> found = store.ofPerson(personId, currentUser.get().scope(), 20);
    found.forEach(a -> audit.record(AuditAction.READ, SUBJECT, a.id(), "person page"));
    return found;
  }

  public PageResult<Arrival> list(Paging paging) {
    JurisdictionScope scope = currentUser.get().scope();
    return paging.toResult(store.list(scope, paging.offset(), paging.fetchSize()), null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
