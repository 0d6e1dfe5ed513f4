package org.epicommand.lockdown;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.lockdown.internal.AreaLifecycle;
import org.epicommand.lockdown.internal.AreaStore;
import org.epicommand.movement.RiskAreaChanged;
import org.epicommand.movement.RiskAreas;
import org.epicommand.person.Household;
import org.epicommand.person.PersonLookup;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sealed and controlled areas: declared on a division inside the caller's jurisdiction (and, when
 * named, some of its buildings), activated, lifted or cancelled through {@link AreaLifecycle}. Lifting
 * ends the posts and their shifts to come, closes open requests with the reason 解封 and revokes the
 * passes. A risk area brought down to LOW lifts every area standing on it.
 */
@Service
public class SealedAreas {

  /** The reason recorded on requests closed and areas lifted with their risk area. */
  public static final String LIFTED_REASON = "解封";

  private final AreaStore store;
  private final Posts posts;
  private final Jurisdictions jurisdictions;
  private final RiskAreas riskAreas;
  private final PersonLookup persons;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final Clock clock;

  SealedAreas(AreaStore store, Posts posts, Jurisdictions jurisdictions, RiskAreas riskAreas, PersonLookup persons,
      CurrentUser currentUser, AuditTrail audit, JdbcClient jdbc, Clock clock) {
    this.persons = persons;
    this.store = store;
    this.posts = posts;
    this.jurisdictions = jurisdictions;
    this.riskAreas = riskAreas;
    this.currentUser = currentUser;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Declares an area (DECLARED); every problem at once as field errors, nothing stored then. */
  @Transactional
  public SealedArea declare(SealedArea.New request) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "lockdown.area.name"));
    }
    if (request.kind() == null) {
      problems.add(FieldProblem.of("kind", "lockdown.area.kind"));
    }
    Optional<Jurisdiction> place = request.jurisdictionCode() == null ? Optional.empty()
        : jurisdictions.find(request.jurisdictionCode().strip())
            .filter(j -> user.scope().contains(j.path()));
    if (place.isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "lockdown.area.jurisdiction"));
    }
    List<Integer> buildings = request.buildings() == null ? List.of()
        : request.buildings().stream().distinct().sorted().toList();
    if (buildings.size() > 60 || buildings.stream().anyMatch(b -> b == null || b < 1 || b > 9999)) {
      problems.add(FieldProblem.of("buildings", "lockdown.area.buildings"));
    }
    if (request.riskAreaId() != null && riskAreas.find(request.riskAreaId())
        .filter(a -> a.level() != RiskLevel.LOW).isEmpty()) {
      problems.add(FieldProblem.of("riskAreaId", "lockdown.area.riskArea"));
    }
    if (request.startsAt() == null) {
      problems.add(FieldProblem.of("startsAt", "lockdown.required"));
    } else if (request.endsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
      problems.add(FieldProblem.of("endsAt", "lockdown.window"));
    }
    if (request.note() != null && request.note().length() > 500) {
      problems.add(FieldProblem.of("note", "lockdown.tooLong"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    AreaStore.Row row = new AreaStore.Row(UUID.randomUUID(), name, request.kind(), SealedArea.State.DECLARED,
        request.riskAreaId(), place.get().code(), place.get().path(), buildings, request.startsAt().toInstant(),
        request.endsAt() == null ? null : request.endsAt().toInstant(), blankToNull(request.note()), null, null, null);
    store.insert(row, user.username(), clock.instant());
    audit.record(AuditAction.CREATE, AreaStore.SUBJECT, row.id().toString(), request.kind() + " " + row.code());
    return view(row);
  }

  /** The areas inside the caller's jurisdiction (state null: all), newest first. */
  public List<SealedArea> list(SealedArea.State state) {
    return list(state, null);
  }

  /** As {@link #list(SealedArea.State)}, inside one division of the caller's jurisdiction (404 outside). */
  public List<SealedArea> list(SealedArea.State state, String district) {
    return store.list(jurisdictions.narrow(currentUser.get().scope(), district), state).stream().map(this::view)
        .toList();
  }

  /** The declared and active areas inside {@code scope}, for the command map (no personal data). */
  public List<SealedArea> forMap(JurisdictionScope scope) {
    return store.list(scope, null).stream()
        .filter(a -> a.state() == SealedArea.State.DECLARED || a.state() == SealedArea.State.ACTIVE)
        .map(this::view).toList();
  }

  /** An area; 404 outside the caller's jurisdiction. */
  public SealedArea get(UUID id) {
    return view(store.get(id, currentUser.get().scope()));
  }

  /** The registry's households of an area (its buildings when named), by address, at most {@code limit}. */
  public List<Household> households(UUID id, int limit) {
    AreaStore.Row row = store.get(id, currentUser.get().scope());
    List<Household> found = new ArrayList<>();
    Household after = null;
    while (found.size() < limit) {
      List<Household> batch = persons.households(new JurisdictionScope(row.code(), row.path()), after, 500);
      if (batch.isEmpty()) {
        break;
      }
      batch.stream().filter(h -> row.holds(h.jurisdictionPath(), h.building())).limit(limit - found.size())
          .forEach(found::add);
      after = batch.get(batch.size() - 1);
    }
    found.sort(java.util.Comparator.comparing(Household::address));
    return found;
  }

  /** DECLARED → ACTIVE; 409 naming the state otherwise. */
  @Transactional
  public SealedArea activate(UUID id) {
    AreaStore.Row row = store.lock(id, currentUser.get().scope());
    AreaLifecycle lifecycle = new AreaLifecycle(row.state());
    lifecycle.activate();
    store.changeState(id, lifecycle.state(), clock.instant(), null);
    audit.record(AuditAction.UPDATE, AreaStore.SUBJECT, id.toString(), "ACTIVATE");
    return get(id);
  }

  /** ACTIVE → LIFTED: posts end, open requests close (解封), passes are revoked; 409 naming the state otherwise. */
  @Transactional
  public SealedArea lift(UUID id, SealedArea.Closing closing) {
    AreaStore.Row row = store.lock(id, currentUser.get().scope());
    AreaLifecycle lifecycle = new AreaLifecycle(row.state());
    lifecycle.lift();
    close(row, lifecycle.state(), reason(closing), currentUser.get().username());
    return get(id);
  }

  /** DECLARED → CANCELLED; 409 naming the state otherwise. */
  @Transactional
  public SealedArea cancel(UUID id, SealedArea.Closing closing) {
    AreaStore.Row row = store.lock(id, currentUser.get().scope());
    AreaLifecycle lifecycle = new AreaLifecycle(row.state());
    lifecycle.cancel();
    close(row, lifecycle.state(), reason(closing), currentUser.get().username());
    return get(id);
  }

  /** A risk area brought down to LOW lifts the active areas on it (and cancels declared ones), as the platform. */
  @ApplicationModuleListener
  void on(RiskAreaChanged event) {
    if (event.level() != RiskLevel.LOW) {
      return;
    }
    for (AreaStore.Row row : store.onRiskArea(UUID.fromString(event.id()))) {
      AreaLifecycle lifecycle = new AreaLifecycle(row.state());
      if (row.state() == SealedArea.State.ACTIVE) {
        lifecycle.lift();
      } else if (row.state() == SealedArea.State.DECLARED) {
        lifecycle.cancel();
      } else {
        continue;
      }
      close(row, lifecycle.state(), LIFTED_REASON, "system");
    }
  }

  private void close(AreaStore.Row row, SealedArea.State state, String reason, String username) {
    Instant now = clock.instant();
    Timestamp at = Timestamp.from(now);
    store.changeState(row.id(), state, now, reason);
    jdbc.sql("update lockdown_post set state = 'ENDED', ended_at = ? where area_id = ? and state = 'ACTIVE'")
        .params(at, row.id()).update();
    jdbc.sql("update lockdown_shift set state = 'ENDED' where area_id = ? and state = 'ASSIGNED' and ends_at > ?")
        .params(row.id(), at).update();
    jdbc.sql("""
        update lockdown_request set state = 'CANCELLED', closed_at = ?, close_note = ?
        where area_id = ? and state in ('REQUESTED', 'ASSIGNED')""").params(at, LIFTED_REASON, row.id()).update();
    jdbc.sql("update lockdown_pass set state = 'REVOKED' where area_id = ? and state = 'ACTIVE'").param(row.id())
        .update();
    audit.recordAs(username, AuditAction.UPDATE, AreaStore.SUBJECT, row.id().toString(), state + " " + reason);
  }

  private SealedArea view(AreaStore.Row row) {
    long[] counts = store.counts(row.id());
    long gaps = row.state() == SealedArea.State.DECLARED || row.state() == SealedArea.State.ACTIVE
        ? posts.gapsOf(row).stream().mapToLong(Post.Gap::missing).sum() : 0;
    String place = jurisdictions.find(row.code()).map(Jurisdiction::name).orElse(row.code());
    return new SealedArea(row.id(), row.name(), row.kind(), row.state(), row.riskAreaId(), row.code(), place,
        row.buildings(), row.startsAt(), row.endsAt(), row.note(), row.activatedAt(), row.closedAt(),
        row.closeReason(), counts[0], counts[1], gaps);
  }

  private static String reason(SealedArea.Closing closing) {
    String text = closing == null || closing.reason() == null || closing.reason().isBlank() ? LIFTED_REASON
        : closing.reason().strip();
    if (text.length() > 200) {
      throw new ValidationFailure(FieldProblem.of("reason", "lockdown.tooLong"));
    }
    return text;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
