package org.epicommand.command;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.command.internal.LeadershipStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leadership group (领导小组): one 组长, any number of 副组长 and members, in the order the
 * command office gives them. Ending a membership keeps it with its last day, so the group's
 * history says who served when; an ended membership is not changed any more (409).
 */
@Service
public class LeadershipGroup {

  /** A membership as entered: the person, their position and post, and from when they serve (default today). */
  public record Membership(String name, LeaderPosition position, String title, String phone, String username,
      Integer sortOrder, LocalDate servedFrom) {}

  /** Whether a membership is current. */
  public enum Term {
    SERVING, ENDED
  }

  static final String SUBJECT = "COMMAND_LEADER";

  private final LeadershipStore store;
  private final CommandOrganisation organisation;
  private final UserAdministration users;
  private final AuditTrail audit;
  private final Clock clock;

  LeadershipGroup(LeadershipStore store, CommandOrganisation organisation, UserAdministration users,
      AuditTrail audit, Clock clock) {
    this.store = store;
    this.organisation = organisation;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** Those serving now: 组长, then 副组长, then members, each in their order. */
  public List<Leader> serving() {
    return store.serving();
  }

  /** Former members, the latest to leave first. */
  public List<Leader> former() {
    return store.former();
  }

  /** Adds a member; a second serving 组长, or a user account already serving, is a 409 naming the one there. */
  @Transactional
  public Leader appoint(Membership request) {
    organisation.requireManage();
    Leader leader = checked(UUID.randomUUID(), request, store.serving().size(), LocalDate.now(clock));
    store.lockGroup();
    conflicts(leader);
    store.insert(leader, clock.instant());
    audit.record(AuditAction.CREATE, SUBJECT, leader.id().toString(), leader.position() + " " + leader.name());
    return leader;
  }

  /** Corrects a serving membership (name, position, post, phone, account; order and start kept when not given). */
  @Transactional
  public Leader update(UUID id, Membership request) {
    organisation.requireManage();
    Leader existing = store.lock(id).orElseThrow(() -> new RecordNotFound("leader"));
    if (!existing.serving()) {
      throw Conflict.illegalTransition("command.leader.ended", Term.ENDED);
    }
    Leader leader = checked(id, request, existing.sortOrder(), existing.servedFrom());
    store.lockGroup();
    conflicts(leader);
    store.update(leader);
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), leader.position() + " " + leader.name());
    return leader;
  }

  /** Ends a membership on its last day (default today, not in the future, not before it began). */
  @Transactional
  public Leader end(UUID id, LocalDate lastDay) {
    organisation.requireManage();
    Leader existing = store.lock(id).orElseThrow(() -> new RecordNotFound("leader"));
    if (!existing.serving()) {
      throw Conflict.illegalTransition("command.leader.ended", Term.ENDED);
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate day = lastDay == null ? today : lastDay;
    if (day.isAfter(today) || day.isBefore(existing.servedFrom())) {
      throw new ValidationFailure(FieldProblem.of("servedUntil", "command.leader.servedUntil", existing.servedFrom()));
    }
    store.end(id, day);
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "ended " + day);
    return new Leader(id, existing.name(), existing.position(), existing.title(), existing.phone(),
        existing.username(), existing.sortOrder(), existing.servedFrom(), day);
  }

  /** The membership as checked; order and start default to {@code defaultOrder} and {@code defaultFrom}. */
  private Leader checked(UUID id, Membership request, int defaultOrder, LocalDate defaultFrom) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.name() == null || request.name().isBlank() || request.name().length() > 50) {
      problems.add(FieldProblem.of("name", "command.leader.name"));
    }
    if (request.position() == null) {
      problems.add(FieldProblem.of("position", "command.leader.position"));
    }
    if (request.title() != null && request.title().length() > 100) {
      problems.add(FieldProblem.of("title", "command.leader.title"));
    }
    String phone = blankToNull(request.phone());
    if (phone != null && !phone.matches("[0-9+\\- ]{3,30}")) {
      problems.add(FieldProblem.of("phone", "command.duty.phone"));
    }
    String username = blankToNull(request.username());
    if (username != null && (username.length() > 64 || users.findByUsername(username).isEmpty())) {
      problems.add(FieldProblem.of("username", "command.unit.unknownUser"));
    }
    if (request.sortOrder() != null && (request.sortOrder() < 0 || request.sortOrder() > 100_000)) {
      problems.add(FieldProblem.of("sortOrder", "command.unit.sortOrder"));
    }
    LocalDate today = LocalDate.now(clock);
    if (request.servedFrom() != null && request.servedFrom().isAfter(today)) {
      problems.add(FieldProblem.of("servedFrom", "command.leader.servedFrom"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new Leader(id, request.name().strip(), request.position(), blankToNull(request.title()), phone, username,
        request.sortOrder() == null ? defaultOrder : request.sortOrder(),
        request.servedFrom() == null ? defaultFrom : request.servedFrom(), null);
  }

  private void conflicts(Leader leader) {
    if (leader.position() == LeaderPosition.LEADER) {
      Optional<UUID> holder = store.servingLeader().filter(other -> !other.equals(leader.id()));
      holder.ifPresent(other -> {
        throw Conflict.duplicate("command.leader.oneLeader", other.toString());
      });
    }
    if (leader.username() != null) {
      store.servingAs(leader.username()).filter(other -> !other.equals(leader.id())).ifPresent(other -> {
        throw Conflict.duplicate("command.leader.userServing", other.toString());
      });
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
