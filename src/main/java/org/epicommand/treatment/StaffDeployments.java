package org.epicommand.treatment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.treatment.internal.Deployment;
import org.epicommand.treatment.internal.DeploymentStore;
import org.epicommand.treatment.internal.HospitalRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Medical staff deployments (医疗队/医护人员调配): N staff of a kind from a source hospital (or a named team
 * from elsewhere) to a target hospital the caller sees (404 otherwise), planned, deployed, returned or
 * cancelled — the {@link Deployment} aggregate guards the moves (409 naming the state). Every plan and move
 * is audited on the deployment ({@value #SUBJECT}).
 */
@Service
public class StaffDeployments {

  /** The audit subject of a deployment. */
  public static final String SUBJECT = "STAFF_DEPLOYMENT";

  /** The most staff one deployment sends. */
  static final int MAX_HEADCOUNT = 5_000;

  private final DeploymentStore store;
  private final Hospitals hospitals;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final org.epicommand.person.PersonRegistry persons;

  StaffDeployments(DeploymentStore store, Hospitals hospitals, CurrentUser currentUser, AuditTrail audit,
      Clock clock, org.epicommand.person.PersonRegistry persons) {
    this.persons = persons;
    this.store = store;
    this.hospitals = hospitals;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Plans a deployment: 400 naming the fields, 404 when the target hospital is not the caller's. */
  @Transactional
  public StaffDeployment plan(StaffDeployment.New request) {
    StaffDeployment.New d = request == null ? new StaffDeployment.New(null, null, null, null, null, null, null, null)
        : request;
    List<FieldProblem> problems = new ArrayList<>();
    if (d.staffKind() == null) {
      problems.add(FieldProblem.of("staffKind", "treatment.deployment.staffKind"));
    }
    if (d.headcount() == null || d.headcount() < 1 || d.headcount() > MAX_HEADCOUNT) {
      problems.add(FieldProblem.of("headcount", "treatment.deployment.headcount", MAX_HEADCOUNT));
    }
    String target = blank(d.targetHospitalCode());
    if (target == null) {
      problems.add(FieldProblem.of("targetHospitalCode", "treatment.deployment.target"));
    }
    String source = blank(d.sourceHospitalCode());
    String team = blank(d.sourceTeam());
    if (source == null && team == null) {
      problems.add(FieldProblem.of("sourceHospitalCode", "treatment.deployment.source"));
    } else if (source != null && hospitals.find(source).isEmpty()) {
      problems.add(FieldProblem.of("sourceHospitalCode", "treatment.deployment.sourceUnknown"));
    } else if (source != null && source.equals(target)) {
      problems.add(FieldProblem.of("sourceHospitalCode", "treatment.deployment.sameHospital"));
    }
    if (team != null && team.length() > 200) {
      problems.add(FieldProblem.of("sourceTeam", "treatment.deployment.tooLong", 200));
    }
    String note = blank(d.note());
    if (note != null && note.length() > 500) {
      problems.add(FieldProblem.of("note", "treatment.deployment.tooLong", 500));
    }
    LocalDate starts = d.startsOn() == null ? LocalDate.now(clock) : d.startsOn();
    if (d.endsOn() != null && d.endsOn().isBefore(starts)) {
      problems.add(FieldProblem.of("endsOn", "treatment.deployment.endsOn"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    HospitalRow to = hospitals.visible(target);
    UUID id = UUID.randomUUID();
    store.insert(id, new StaffDeployment.New(d.staffKind(), d.headcount(), source, team, to.code(), starts,
        d.endsOn(), note), to.jurisdictionPath(), currentUser.get().username(), clock.instant());
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(),
        d.headcount() + " " + d.staffKind() + " " + (source == null ? team : source) + " -> " + to.code());
    return view(id);
  }

  @Transactional(readOnly = true)
  public PageResult<StaffDeployment> list(String hospitalCode, DeploymentStatus status, Paging paging) {
    String hospital = blank(hospitalCode) == null ? null : hospitals.visible(hospitalCode).code();
    return paging.toResult(store.list(currentUser.get().scope().path(), hospital,
        hospitals.boundCodes().orElse(null), status, paging.offset(), paging.fetchSize()), null);
  }

  @Transactional(readOnly = true)
  public StaffDeployment get(String id) {
    return view(parse(id));
  }

  /** PLANNED → DEPLOYED. */
  @Transactional
  public StaffDeployment deploy(String id) {
    return move(id, d -> d.deploy(clock.instant()));
  }

  /** DEPLOYED → RETURNED. */
  @Transactional
  public StaffDeployment recall(String id) {
    return move(id, d -> d.recall(clock.instant(), LocalDate.now(clock)));
  }

  /** PLANNED → CANCELLED. */
  @Transactional
  public StaffDeployment cancel(String id) {
    return move(id, d -> d.cancel(clock.instant()));
  }

  /**
   * Names a worker of a planned or deployed deployment: a person of the caller's jurisdiction (404
   * otherwise) and a role; 400 naming the fields, 409 naming the state of a returned or cancelled one,
   * 409 with {@code existingId} (the person) when named already or naming {@code FULL} beyond the headcount.
   */
  @Transactional
  public DeployedWorker name(String id, DeployedWorker.New request) {
    DeployedWorker.New w = request == null ? new DeployedWorker.New(null, null) : request;
    List<FieldProblem> problems = new ArrayList<>();
    UUID personId = null;
    try {
      personId = w.personId() == null ? null : UUID.fromString(w.personId().strip());
    } catch (IllegalArgumentException e) {
      personId = null;
    }
    if (personId == null) {
      problems.add(FieldProblem.of("personId", "treatment.needs.person"));
    }
    StaffKind role = null;
    try {
      role = w.role() == null ? null : StaffKind.valueOf(w.role().strip());
    } catch (IllegalArgumentException e) {
      role = null;
    }
    if (role == null) {
      problems.add(FieldProblem.of("role", "treatment.deployment.staffKind"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID uuid = openForNames(id);
    org.epicommand.person.PersonReference person = persons.reference(personId)
        .orElseThrow(() -> new RecordNotFound("PERSON"));
    if (store.workers(uuid).stream().filter(DeployedWorker::open).count() >= view(uuid).headcount()) {
      throw org.epicommand.shared.Conflict.naming("treatment.deployment.full", String.valueOf(view(uuid)
          .headcount()));
    }
    if (!store.addWorker(uuid, personId, person.name(), role, currentUser.get().username(), clock.instant())) {
      throw org.epicommand.shared.Conflict.duplicate("treatment.deployment.namedAlready", personId.toString());
    }
    audit.record(AuditAction.UPDATE, SUBJECT, uuid.toString(), "worker " + personId + " " + role);
    String named = personId.toString();
    return store.workers(uuid).stream().filter(x -> x.open() && x.personId().equals(named)).findFirst()
        .orElseThrow();
  }

  /**
   * Takes a named worker off a planned or deployed deployment (the record stays, ended now; the place counts
   * again against the headcount): 404 when the person is not named on it, 409 naming the state otherwise.
   */
  @Transactional
  public DeployedWorker end(String id, String personId) {
    UUID uuid = openForNames(id);
    UUID person;
    try {
      person = UUID.fromString(personId);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new RecordNotFound("PERSON");
    }
    if (!store.endWorker(uuid, person, currentUser.get().username(), clock.instant())) {
      throw new RecordNotFound("PERSON");
    }
    audit.record(AuditAction.UPDATE, SUBJECT, uuid.toString(), "worker " + person + " ended");
    String ended = person.toString();
    return store.workers(uuid).stream().filter(x -> x.personId().equals(ended)).findFirst().orElseThrow();
  }

  /** The deployment locked, inside the caller's jurisdiction (404), planned or deployed (409 naming the state). */
  private UUID openForNames(String id) {
    UUID uuid = parse(id);
    Deployment d = store.lock(uuid).filter(e -> currentUser.get().scope().contains(e.getValue()))
        .map(Map.Entry::getKey).orElseThrow(() -> new RecordNotFound(SUBJECT));
    if (d.status() != DeploymentStatus.PLANNED && d.status() != DeploymentStatus.DEPLOYED) {
      throw org.epicommand.shared.Conflict.illegalTransition("treatment.deployment.illegalMove", d.status());
    }
    return uuid;
  }

  /** The named workers of a deployment the caller sees (404 otherwise): those on it first, then those ended. */
  @Transactional(readOnly = true)
  public List<DeployedWorker> workers(String id) {
    return store.workers(UUID.fromString(view(parse(id)).id()));
  }

  /** Staff on site (deployed) by hospital code. */
  @Transactional(readOnly = true)
  public Map<String, Integer> deployed(Collection<String> hospitalCodes) {
    return store.deployed(hospitalCodes);
  }

  private StaffDeployment move(String id, Consumer<Deployment> step) {
    UUID uuid = parse(id);
    Deployment d = store.lock(uuid).filter(e -> currentUser.get().scope().contains(e.getValue()))
        .map(Map.Entry::getKey).orElseThrow(() -> new RecordNotFound(SUBJECT));
    DeploymentStatus before = d.status();
    step.accept(d);
    store.save(d);
    audit.record(AuditAction.UPDATE, SUBJECT, uuid.toString(), before + " -> " + d.status());
    return view(uuid);
  }

  private StaffDeployment view(UUID id) {
    java.util.Optional<List<String>> bound = hospitals.boundCodes();
    return store.find(id).filter(e -> currentUser.get().scope().contains(e.getValue())).map(Map.Entry::getKey)
        .filter(d -> bound.isEmpty() || bound.get().contains(d.targetHospitalCode())
            || bound.get().contains(d.sourceHospitalCode()))
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new RecordNotFound(SUBJECT);
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
