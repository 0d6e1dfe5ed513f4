package org.epicommand.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.enterprise.internal.KeyGroupBlocks;
import org.epicommand.enterprise.internal.OrgFigures;
import org.epicommand.enterprise.internal.StaffStore;
import org.epicommand.keygroup.DutyBlock;
import org.epicommand.keygroup.KeyGroupBlocksChanged;
import org.epicommand.keygroup.KeyGroupMembersBlocked;
import org.epicommand.keygroup.KeyGroupMembersUnblocked;
import org.epicommand.organisation.Organisations;
import org.epicommand.person.PersonMatching;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledgers in step with the key groups (C2): a member blocked from duty at an organisation (no negative
 * within their group's blocking days) has their staff rows there marked not cleared and taken off duty, with the
 * reason on the ledger; when the block lifts (a later negative) and no other group blocks them there (asked of the
 * key groups as they stand, {@link KeyGroupBlocks}) the mark goes and the quarantine rule alone decides
 * whether they are cleared (they go back on duty when the organisation puts them there). Rows typed before the
 * person was registered are linked first. Idempotent: a republished event changes nothing. Every mark and lift is
 * audited on the staff member.
 */
@Component
class DutyBlocks {

  private final StaffStore staff;
  private final KeyGroupBlocks blocks;
  private final OrgFigures figures;
  private final Organisations organisations;
  private final PersonMatching persons;
  private final AuditTrail audit;
  private final Clock clock;

  DutyBlocks(StaffStore staff, KeyGroupBlocks blocks, OrgFigures figures, Organisations organisations,
      PersonMatching persons, AuditTrail audit, Clock clock) {
    this.staff = staff;
    this.blocks = blocks;
    this.figures = figures;
    this.organisations = organisations;
    this.persons = persons;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The blocks a schedule statement lifted, then those it began, a few statements for the whole event however many
   * organisations and persons it names (a city's results begin and lift blocks at thousands of organisations at
   * once): the organisations found at once, which of the lifted persons another group still blocks asked once,
   * each kind of change one statement, its audit lines one insert.
   */
  @ApplicationModuleListener
  void on(KeyGroupBlocksChanged event) {
    Set<String> codes = Stream.concat(event.unblocked().stream().map(KeyGroupMembersUnblocked::organisationCode),
        event.blocked().stream().map(KeyGroupMembersBlocked::organisationCode)).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    Map<String, UUID> orgs = new HashMap<>();
    organisations.findForPlatform(codes).forEach((code, org) -> orgs.put(code, UUID.fromString(org.id())));
    Instant now = clock.instant();
    Set<UUID> changed = new LinkedHashSet<>();
    if (!event.unblocked().isEmpty()) {
      changed.addAll(unblock(event.unblocked(), orgs, now));
    }
    changed.addAll(block(event.blocked(), orgs, now));
    if (!changed.isEmpty()) {
      figures.recount(List.copyOf(changed));
    }
  }

  /**
   * Marks the rows of the persons blocked (a person blocked by two groups at one organisation with the first group
   * told); answers the organisations whose rows changed.
   */
  private Set<UUID> block(List<KeyGroupMembersBlocked> events, Map<String, UUID> orgs, Instant now) {
    Map<String, KeyGroupMembersBlocked.BlockedMember> byRow = new LinkedHashMap<>();
    List<StaffStore.ToBlock> toBlock = new ArrayList<>();
    for (KeyGroupMembersBlocked e : events) {
      UUID org = orgs.get(e.organisationCode());
      for (KeyGroupMembersBlocked.BlockedMember member : org == null ? List.<KeyGroupMembersBlocked.BlockedMember>of()
          : e.members()) {
        if (byRow.putIfAbsent(org + "|" + member.personId(), member) == null) {
          toBlock.add(new StaffStore.ToBlock(org, UUID.fromString(member.personId()), member.blocksDays()));
        }
      }
    }
    link(toBlock.stream().map(StaffStore.ToBlock::personId).collect(Collectors.toSet()));
    List<StaffStore.Blocked> rows = staff.block(toBlock, now);
    audit.recordAllAs("system", StaffLedger.SUBJECT, rows.stream().map(row -> new AuditTrail.Entry(
        AuditAction.UPDATE, row.id().toString(), "blocked from duty by key group "
        + byRow.get(row.organisationId() + "|" + row.personId()).groupCode()
        + (row.wasOnDuty() ? ", off duty" : ""))).toList());
    return rows.stream().map(StaffStore.Blocked::organisationId).collect(Collectors.toSet());
  }

  /**
   * Lifts the marks of the persons whose block lifted, but for those another group still blocks at the
   * organisation (their mark stays, with that group's days); answers the organisations whose rows lost a mark.
   */
  private Set<UUID> unblock(List<KeyGroupMembersUnblocked> events, Map<String, UUID> orgs, Instant now) {
    Map<String, DutyBlock> still = blocks.of(events.stream().flatMap(e -> e.personIds().stream()).distinct()
        .map(UUID::fromString).toList());
    Map<String, DutyBlock> kept = new HashMap<>();
    List<StaffStore.ToBlock> keep = new ArrayList<>();
    List<StaffStore.ToBlock> lift = new ArrayList<>();
    for (KeyGroupMembersUnblocked e : events) {
      UUID org = orgs.get(e.organisationCode());
      for (String personId : org == null ? List.<String>of() : e.personIds()) {
        DutyBlock other = still.get(KeyGroupBlocks.key(e.organisationCode(), personId));
        if (other == null) {
          lift.add(new StaffStore.ToBlock(org, UUID.fromString(personId), null));
        } else if (kept.putIfAbsent(org + "|" + personId, other) == null) {
          keep.add(new StaffStore.ToBlock(org, UUID.fromString(personId), other.blocksDays()));
        }
      }
    }
    List<AuditTrail.Entry> entries = new ArrayList<>();
    staff.stillBlocked(keep, now).forEach(row -> entries.add(new AuditTrail.Entry(AuditAction.UPDATE,
        row.id().toString(), "still blocked from duty by key group "
        + kept.get(row.organisationId() + "|" + row.personId()).groupCode())));
    List<StaffStore.Changed> lifted = staff.unblock(lift, now);
    lifted.forEach(row -> entries.add(new AuditTrail.Entry(AuditAction.UPDATE, row.id().toString(),
        "block from duty lifted")));
    audit.recordAllAs("system", StaffLedger.SUBJECT, entries);
    return lifted.stream().map(StaffStore.Changed::organisationId).collect(Collectors.toSet());
  }

  /** Links the rows of these persons' documents typed before they were registered. */
  private void link(Set<UUID> persons) {
    staff.link(this.persons.documentsForPlatform(persons).values().stream().map(holder -> new StaffStore.Holder(
        holder.idType(), holder.idNumber(), holder.name(), UUID.fromString(holder.personId()))).toList());
  }
}
