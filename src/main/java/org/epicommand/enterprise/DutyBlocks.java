package org.epicommand.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.enterprise.internal.KeyGroupBlocks;
import org.epicommand.enterprise.internal.OrgFigures;
import org.epicommand.enterprise.internal.StaffStore;
import org.epicommand.keygroup.DutyBlock;
import org.epicommand.keygroup.KeyGroupBlocksChanged;
import org.epicommand.keygroup.KeyGroupMembersBlocked;
import org.epicommand.keygroup.KeyGroupMembersUnblocked;
import org.epicommand.organisation.OrganisationSnapshot;
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
   * The blocks a schedule statement lifted, then those it began, one organisation after another. Which of the
   * lifted persons another group still blocks is asked once for the whole statement, not per organisation (a
   * city's results lift blocks at thousands of organisations at once).
   */
  @ApplicationModuleListener
  void on(KeyGroupBlocksChanged event) {
    if (!event.unblocked().isEmpty()) {
      Map<String, DutyBlock> still = blocks.of(event.unblocked().stream()
          .flatMap(e -> e.personIds().stream()).distinct().map(UUID::fromString).toList());
      event.unblocked().forEach(e -> unblock(e, still));
    }
    event.blocked().forEach(this::block);
  }

  private void block(KeyGroupMembersBlocked event) {
    UUID org = organisation(event.organisationCode());
    if (org == null) {
      return;
    }
    Instant now = clock.instant();
    boolean changed = false;
    for (KeyGroupMembersBlocked.BlockedMember member : event.members()) {
      UUID person = UUID.fromString(member.personId());
      link(person);
      for (StaffStore.Blocked row : staff.block(org, person, member.blocksDays(), now)) {
        audit.recordAs("system", AuditAction.UPDATE, StaffLedger.SUBJECT, row.id().toString(),
            "blocked from duty by key group " + member.groupCode() + (row.wasOnDuty() ? ", off duty" : ""));
        changed = true;
      }
    }
    if (changed) {
      figures.recount(java.util.List.of(org));
    }
  }

  private void unblock(KeyGroupMembersUnblocked event, Map<String, DutyBlock> still) {
    UUID org = organisation(event.organisationCode());
    if (org == null) {
      return;
    }
    Instant now = clock.instant();
    boolean changed = false;
    for (String personId : event.personIds()) {
      DutyBlock other = still.get(KeyGroupBlocks.key(event.organisationCode(), personId));
      if (other != null) {
        for (UUID row : staff.stillBlocked(org, UUID.fromString(personId), other.blocksDays(), now)) {
          audit.recordAs("system", AuditAction.UPDATE, StaffLedger.SUBJECT, row.toString(),
              "still blocked from duty by key group " + other.groupCode());
        }
        continue;
      }
      for (UUID row : staff.unblock(org, UUID.fromString(personId), now)) {
        audit.recordAs("system", AuditAction.UPDATE, StaffLedger.SUBJECT, row.toString(), "block from duty lifted");
        changed = true;
      }
    }
    if (changed) {
      figures.recount(java.util.List.of(org));
    }
  }

  private UUID organisation(String creditCode) {
    return creditCode == null ? null : organisations.findForPlatform(creditCode)
        .map(OrganisationSnapshot::id).map(UUID::fromString).orElse(null);
  }

  /** Links the rows of the person's document typed before they were registered. */
  private void link(UUID person) {
    persons.documentForPlatform(person.toString()).ifPresent(holder ->
        staff.link(holder.idType(), holder.idNumber(), holder.name(), person));
  }
}
