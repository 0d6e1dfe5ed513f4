package org.epicommand.treatment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.CaseSummary;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.treatment.internal.ExpertStore;
import org.epicommand.treatment.internal.TreatmentProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Expert teams (专家组) and their assignment to severe and critical cases (危重症"一人一专班"): a case
 * becomes waiting when its severity turns severe or critical ({@code CaseSeverityChanged}); if no team
 * is assigned within {@code epicommand.treatment.expert-team-within} (2 h) the clock-driven
 * {@link #sweep} publishes {@link ExpertTeamOverdue} once for it.
 */
@Service
public class ExpertTeams {

  /** The audit subject of a team and of an assignment. */
  public static final String SUBJECT = "EXPERT_TEAM";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<ExpertTeam.Member>> MEMBERS = new TypeReference<>() {};

  private final ExpertStore store;
  private final CaseRegistry cases;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TreatmentProperties properties;
  private final Clock clock;

  ExpertTeams(ExpertStore store, CaseRegistry cases, Jurisdictions jurisdictions, CurrentUser currentUser,
      AuditTrail audit, ApplicationEventPublisher events, TreatmentProperties properties, Clock clock) {
    this.store = store;
    this.cases = cases;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** The teams of the caller's jurisdiction, by name. */
  @Transactional(readOnly = true)
  public List<ExpertTeam> list() {
    return store.teams(currentUser.get().scope().path()).stream().map(ExpertTeams::view).toList();
  }

  /** A team: a name unique in its division (409 with {@code existingId}), at least one member with a name. */
  @Transactional
  public ExpertTeam create(ExpertTeam request) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = request.name() == null ? null : request.name().strip();
    if (name == null || name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "treatment.team.name"));
    }
    Jurisdiction place = request.jurisdictionCode() == null ? null
        : jurisdictions.find(request.jurisdictionCode().strip()).orElse(null);
    if (place == null || !currentUser.get().scope().contains(place.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    List<ExpertTeam.Member> members = new ArrayList<>();
    List<ExpertTeam.Member> given = request.members() == null ? List.of() : request.members();
    for (int i = 0; i < given.size(); i++) {
      ExpertTeam.Member m = given.get(i);
      String phone = m == null || m.phone() == null || m.phone().isBlank() ? null : PhoneNumbers.normalize(m.phone());
      if (m == null || m.name() == null || m.name().isBlank() || m.name().length() > 50
          || m.phone() != null && !m.phone().isBlank() && phone == null) {
        problems.add(FieldProblem.of("members[" + i + "]", "treatment.team.member"));
      } else {
        members.add(new ExpertTeam.Member(m.name().strip(), strip(m.speciality()), strip(m.hospital()), phone));
      }
    }
    if (given.isEmpty()) {
      problems.add(FieldProblem.of("members", "treatment.team.members"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    if (!store.insertTeam(id, name, place.code(), place.path(), JSON.writeValueAsString(members), clock.instant())) {
      throw Conflict.duplicate("treatment.team.duplicate", store.teamNamed(place.code(), name).orElseThrow()
          .toString());
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), name);
    return view(store.team(id).orElseThrow());
  }

  /** Assigns a team (and its lead expert, one of its members) to a case of the caller's jurisdiction. */
  @Transactional
  public ExpertAssignment assign(UUID caseId, String teamId, String leadExpert) {
    CaseSummary summary = cases.summary(caseId).orElseThrow(() -> new RecordNotFound(CaseRegistry.SUBJECT));
    UserContext user = currentUser.get();
    ExpertStore.TeamRow team = parse(teamId).flatMap(store::team)
        .filter(t -> user.scope().contains(t.jurisdictionPath()))
        .orElseThrow(() -> new ValidationFailure(FieldProblem.of("teamId", "treatment.team.unknown")));
    String lead = leadExpert == null || leadExpert.isBlank() ? null : leadExpert.strip();
    if (lead != null && view(team).members().stream().noneMatch(m -> m.name().equals(lead))) {
      throw new ValidationFailure(FieldProblem.of("leadExpert", "treatment.team.leadNotMember"));
    }
    String path = jurisdictions.find(summary.jurisdictionCode()).map(Jurisdiction::path).orElseThrow();
    store.assign(caseId, summary.jurisdictionCode(), path, summary.severity() == null ? "UNKNOWN" : summary.severity()
        .name(), team.id(), lead,
        user.username(), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, team.id().toString(), "case " + caseId + " lead " + lead);
    return view(store.need(caseId).orElseThrow(), summary.personName());
  }

  /** Severe and critical cases of the caller's jurisdiction still without a team, longest waiting first. */
  @Transactional(readOnly = true)
  public List<ExpertAssignment> waiting() {
    return store.waiting(currentUser.get().scope().path(), 200).stream()
        .map(n -> view(n, cases.summary(n.caseId()).map(CaseSummary::personName).orElse(null))).toList();
  }

  /** Cases of the caller's jurisdiction with a team assigned, latest assignment first. */
  @Transactional(readOnly = true)
  public List<ExpertAssignment> assigned() {
    return store.assigned(currentUser.get().scope().path(), 200).stream()
        .map(n -> view(n, cases.summary(n.caseId()).map(CaseSummary::personName).orElse(null))).toList();
  }

  /** The case's team, if it has or needs one (404 outside the caller's jurisdiction). */
  @Transactional(readOnly = true)
  public java.util.Optional<ExpertAssignment> of(UUID caseId) {
    CaseSummary summary = cases.summary(caseId).orElseThrow(() -> new RecordNotFound(CaseRegistry.SUBJECT));
    return store.need(caseId).map(n -> view(n, summary.personName()));
  }

  /**
   * The clock: each case that has waited for a team longer than allowed at {@code now} is alerted
   * once ({@link ExpertTeamOverdue}); answers the case ids alerted.
   */
  @Transactional
  public List<String> sweep(Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    List<String> alerted = new ArrayList<>();
    for (ExpertStore.NeedRow due : store.markOverdue(at.minus(properties.expertTeamWithin()), at, 500)) {
      events.publishEvent(new ExpertTeamOverdue(due.caseId().toString(), due.jurisdictionCode(), due.severity(),
          due.neededSince()));
      alerted.add(due.caseId().toString());
    }
    return alerted;
  }

  private ExpertAssignment view(ExpertStore.NeedRow n, String personName) {
    boolean overdue = n.teamId() == null
        && !n.neededSince().toInstant().plus(properties.expertTeamWithin()).isAfter(clock.instant());
    return new ExpertAssignment(n.caseId().toString(), personName, n.severity(), n.neededSince(),
        n.teamId() == null ? null : n.teamId().toString(), n.teamName(), n.leadExpert(), n.assignedAt(), overdue,
        n.alertedAt());
  }

  private static ExpertTeam view(ExpertStore.TeamRow row) {
    return new ExpertTeam(row.id().toString(), row.name(), row.jurisdictionCode(), JSON.readValue(row.members(),
        MEMBERS));
  }

  private static java.util.Optional<UUID> parse(String id) {
    try {
      return java.util.Optional.of(UUID.fromString(id.strip()));
    } catch (IllegalArgumentException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
