package org.epicommand.movement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.movement.internal.RiskAreaStore;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.quarantine.RuleSet;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk areas (docs/domain.md §8): designated by the command office with a level the rule set in force
 * knows; new infections in the area restart the count (unless found under control); the downgrade
 * the rule allows is proposed on its day and takes effect when the command office approves it with
 * a published notice. Areas are public notices, not personal data: everyone with the read right sees
 * the whole city.
 */
@Service
public class RiskAreas {

  static final String SUBJECT = "RISK_AREA";

  private final RiskAreaStore store;
  private final RuleSets ruleSets;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final DivisionBoundaries boundaries;
  private final ApplicationEventPublisher events;

  /** A risk area as a map draws it: its level and division, and its own boundary text when one was given. */
  public record MappedArea(String id, String name, RiskLevel level, String jurisdictionCode, String jurisdictionPath,
      String boundary) {}

  RiskAreas(RiskAreaStore store, RuleSets ruleSets, Jurisdictions jurisdictions, CurrentUser currentUser,
      AuditTrail audit, Clock clock, DivisionBoundaries boundaries, ApplicationEventPublisher events) {
    this.boundaries = boundaries;
    this.store = store;
    this.ruleSets = ruleSets;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** The city's clock, for "today" in the web layer. */
  public Clock clockZone() {
    return clock;
  }

  /** The levels and downgrade days of the rule set in force on {@code day}. */
  public DowngradeRule ruleOn(LocalDate day) {
    return DowngradeRule.of(ruleSets.inForce(day));
  }

  /** The levels an area may be designated with (or an arrival come from) today. */
  public List<RiskLevel> levelsToday() {
    return ruleOn(LocalDate.now(clock)).levels();
  }

  @Transactional
  public RiskArea designate(NewRiskArea request) {
    String username = currentUser.get().username();
    LocalDate today = LocalDate.now(clock);
    List<FieldProblem> problems = new ArrayList<>();
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "movement.riskArea.name"));
    }
    if (request.level() == null) {
      problems.add(FieldProblem.of("level", "movement.riskArea.level"));
    } else {
      RuleSet inForce = ruleSets.inForce(today);
      if (!inForce.knowsLevel(request.level())) {
        problems.add(FieldProblem.of("level", "movement.riskArea.levelNotInFamily." + inForce.levelFamily(),
            inForce.code()));
      }
    }
    Optional<Jurisdiction> place = request.jurisdictionCode() == null ? Optional.empty()
        : jurisdictions.find(request.jurisdictionCode().strip());
    if (place.isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    if (request.boundary() != null && request.boundary().length() > 200_000) {
      problems.add(FieldProblem.of("boundary", "movement.riskArea.boundary"));
    } else if (place.isPresent()) {
      // a boundary typed as GeoJSON is drawn on the map: a valid area inside the division
      boundaries.checkArea(place.get().code(), request.boundary(), "boundary", problems);
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    RiskAreaStore.Row row = new RiskAreaStore.Row(UUID.randomUUID(), name, request.level(), place.get().code(),
        place.get().path(), blankToNull(request.boundary()), clock.instant().atOffset(java.time.ZoneOffset.UTC), today,
        false, null, 0);
    store.insert(row, username);
    store.event(row.id(), clock.instant(), username, "DESIGNATED", today, null, request.level(), null);
    audit.record(AuditAction.CREATE, SUBJECT, row.id().toString(), request.level().name());
    events.publishEvent(new RiskAreaChanged(row.id().toString(), request.level(), row.jurisdictionCode(),
        clock.instant()));
    return view(row, today, Map.of());
  }

  /** Every area (or those of one level), with the proposal open or due today. */
  public List<RiskArea> list(RiskLevel level) {
    LocalDate today = LocalDate.now(clock);
    Map<UUID, RiskAreaStore.Open> open = store.openProposals().stream()
        .collect(Collectors.toMap(RiskAreaStore.Open::areaId, Function.identity()));
    DowngradeRule rule = ruleOn(today);
    return store.list(level).stream().map(row -> view(row, today, rule, open)).toList();
  }

  /** Every area inside {@code scope} with what a map needs to draw it (areas are public notices). */
  public List<MappedArea> forMap(JurisdictionScope scope) {
    return store.list(null).stream().filter(row -> scope.contains(row.jurisdictionPath()))
        .map(row -> new MappedArea(row.id().toString(), row.name(), row.level(), row.jurisdictionCode(),
            row.jurisdictionPath(), row.boundary()))
        .toList();
  }

  public Optional<RiskArea> find(UUID id) {
    return store.find(id).map(row -> view(row, LocalDate.now(clock), Map.of()));
  }

  public RiskAreaHistory history(UUID id) {
    RiskAreaStore.Row row = store.find(id).orElseThrow(() -> new RecordNotFound(SUBJECT));
    Map<UUID, RiskAreaStore.Open> open = store.openProposal(id).map(p -> Map.of(id, p)).orElse(Map.of());
    return new RiskAreaHistory(view(row, LocalDate.now(clock), open), row.boundary(), row.levelSince(),
        row.cameFromHigh(), store.proposals(id), store.events(id));
  }

  /**
   * A new infection in the area on {@code day}. One found inside quarantine or closed-loop work does
   * not count (docs/domain.md §8): it is kept in the history, the last new infection date stays. A counted
   * one restarts the count, so an open proposal is withdrawn.
   */
  @Transactional
  public RiskArea recordNewInfection(UUID id, LocalDate day, boolean foundUnderControl) {
    return record(id, day, foundUnderControl, currentUser.get().username());
  }

  /**
   * A case reported in a division: every area drawn on that division takes it as a new infection
   * (on the platform's own behalf). Returns how many areas took it.
   */
  @Transactional
  public int recordNewInfectionForPlatform(String jurisdictionCode, LocalDate day, boolean foundUnderControl) {
    List<RiskAreaStore.Row> areas = store.list(null).stream()
        .filter(a -> a.jurisdictionCode().equals(jurisdictionCode)).toList();
    areas.forEach(area -> record(area.id(), day, foundUnderControl, "system"));
    return areas.size();
  }

  private RiskArea record(UUID id, LocalDate day, boolean foundUnderControl, String username) {
    RiskAreaStore.Row row = store.lock(id).orElseThrow(() -> new RecordNotFound(SUBJECT));
    LocalDate today = LocalDate.now(clock);
    if (day == null || day.isAfter(today)) {
      throw new ValidationFailure(FieldProblem.of("date", "movement.riskArea.infectionDate"));
    }
    if (foundUnderControl) {
      store.event(id, clock.instant(), username, "NEW_INFECTION_UNDER_CONTROL", day, null, null, null);
    } else {
      if (row.lastNewCaseDate() == null || day.isAfter(row.lastNewCaseDate())) {
        store.setLastNewCase(id, day);
      }
      store.event(id, clock.instant(), username, "NEW_INFECTION", day, null, null, null);
      store.openProposal(id).ifPresent(p -> {
        store.decide(p.id(), "WITHDRAWN", null, clock.instant(), username);
        store.event(id, clock.instant(), username, "PROPOSAL_WITHDRAWN", day, p.fromLevel(), p.toLevel(), null);
      });
    }
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "newInfection " + day
        + (foundUnderControl ? " underControl" : ""));
    return find(id).orElseThrow();
  }

  /**
   * Proposes, for {@code day}, every downgrade the rule set in force allows; an area with an open
   * proposal keeps it. Run daily by the platform and on demand by the command office.
   */
  @Transactional
  public List<RiskArea> proposeDowngrades(LocalDate day) {
    if (day == null || day.isAfter(LocalDate.now(clock))) {
      // a proposal records what the rule allows on a day that has come, never ahead of it
      throw new ValidationFailure(FieldProblem.of("day", "movement.riskArea.futureDay"));
    }
    RuleSet inForce = ruleSets.inForce(day, "day");
    DowngradeRule rule = DowngradeRule.of(inForce);
    String username = currentUser.find().map(u -> u.username()).orElse("system");
    List<RiskArea> proposed = new ArrayList<>();
    for (RiskAreaStore.Row row : store.list(null)) {
      Optional<RiskLevel> to = rule.proposal(row.level(), row.cameFromHigh(), row.levelSince(), row.lastNewCaseDate(),
          day);
      if (to.isPresent() && store.propose(row.id(), row.level(), to.get(), inForce.code(), day, clock.instant())) {
        store.event(row.id(), clock.instant(), username, "PROPOSED", day, row.level(), to.get(), inForce.code());
        proposed.add(view(row, day, rule, Map.of(row.id(), new RiskAreaStore.Open(null, row.id(), row.level(),
            to.get()))));
      }
    }
    return proposed;
  }

  /** The command office approves the open proposal and publishes its notice; the new level starts today. */
  @Transactional
  public RiskArea approveDowngrade(UUID id, String notice) {
    String username = currentUser.get().username();
    RiskAreaStore.Row row = store.lock(id).orElseThrow(() -> new RecordNotFound(SUBJECT));
    if (notice == null || notice.isBlank() || notice.length() > 5000) {
      throw new ValidationFailure(FieldProblem.of("notice", "movement.riskArea.notice"));
    }
    RiskAreaStore.Open open = store.openProposal(id)
        .orElseThrow(() -> Conflict.illegalTransition("movement.riskArea.noProposal", row.level()));
    LocalDate today = LocalDate.now(clock);
    store.decide(open.id(), "APPROVED", notice.strip(), clock.instant(), username);
    store.changeLevel(id, open.toLevel(), today, open.fromLevel() == RiskLevel.HIGH);
    store.event(id, clock.instant(), username, "APPROVED", today, open.fromLevel(), open.toLevel(), notice.strip());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), open.fromLevel() + "->" + open.toLevel());
    events.publishEvent(new RiskAreaChanged(id.toString(), open.toLevel(), row.jurisdictionCode(), clock.instant()));
    return find(id).orElseThrow();
  }

  private RiskArea view(RiskAreaStore.Row row, LocalDate day, Map<UUID, RiskAreaStore.Open> open) {
    return view(row, day, ruleOn(day), open);
  }

  private static RiskArea view(RiskAreaStore.Row row, LocalDate day, DowngradeRule rule,
      Map<UUID, RiskAreaStore.Open> open) {
    RiskLevel proposed = open.containsKey(row.id()) ? open.get(row.id()).toLevel()
        : rule.proposal(row.level(), row.cameFromHigh(), row.levelSince(), row.lastNewCaseDate(), day).orElse(null);
    return new RiskArea(row.id().toString(), row.name(), row.level(), row.jurisdictionCode(), row.designatedAt(),
        row.lastNewCaseDate(), proposed);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
