package org.epicommand.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.enterprise.internal.KeyGroupBlocks;
import org.epicommand.enterprise.internal.OrgFigures;
import org.epicommand.enterprise.internal.OrganisationAccess;
import org.epicommand.enterprise.internal.StaffRow;
import org.epicommand.enterprise.internal.StaffStore;
import org.epicommand.keygroup.DutyBlock;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.person.DocumentCheck;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonMatching;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Masking;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's 返岗 staff ledger, kept by its contact (or 属地 staff) inside the caller's reach. A
 * staff member is linked to the registry by their document and name for the platform's own work (never
 * shown): while they are under an open quarantine order, or a key group blocks them from duty there (asked when they
 * are put on the ledger or linked, then kept by {@link DutyBlocks}), they are not cleared and cannot be on duty. Lists
 * mask the document and phone; reading one staff member is audited, as is every change.
 */
@Service
public class StaffLedger {

  static final String SUBJECT = "STAFF_MEMBER";

  private final StaffStore store;
  private final KeyGroupBlocks blocks;
  private final OrgFigures figures;
  private final OrganisationAccess access;
  private final PersonMatching persons;
  private final QuarantineOrders quarantine;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  StaffLedger(StaffStore store, KeyGroupBlocks blocks, OrgFigures figures, OrganisationAccess access,
      PersonMatching persons, QuarantineOrders quarantine, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.blocks = blocks;
    this.figures = figures;
    this.access = access;
    this.persons = persons;
    this.quarantine = quarantine;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  public PageResult<StaffMember> list(String organisation, Boolean onDuty, Boolean cleared, Paging paging) {
    OrganisationSnapshot org = access.reachable(organisation);
    boolean full = currentUser.get().has(Permission.PERSON_FULL_IDENTITY);
    return paging.toResult(store.list(UUID.fromString(org.id()), onDuty, cleared, paging.offset(), paging.fetchSize())
        .stream().map(row -> view(row, full)).toList(), null);
  }

  /** One staff member's record; reading it is audited. */
  @Transactional
  public StaffMember get(String organisation, UUID staffId) {
    StaffRow row = row(organisation, staffId);
    audit.record(AuditAction.READ, SUBJECT, row.id().toString(), null);
    return view(row, currentUser.get().has(Permission.PERSON_FULL_IDENTITY));
  }

  /** The organisation's ledger in figures. */
  public Staffing staffing(String organisation) {
    return store.staffing(UUID.fromString(access.reachable(organisation).id()));
  }

  /**
   * Puts a staff member on the ledger: 400 naming the fields, 409 with existingId when the document is on it, 409 on
   * duty while under quarantine or blocked from duty; someone a key group blocks there already is marked at once.
   */
  @Transactional
  public StaffMember add(String organisation, NewStaffMember request) {
    OrganisationSnapshot org = access.writable(organisation);
    Checked checked = check(request, null);
    UUID organisationId = UUID.fromString(org.id());
    store.existing(organisationId, checked.idType(), checked.idNumber()).ifPresent(existing -> {
      throw Conflict.duplicate("resumption.staff.duplicate", existing.toString());
    });
    UUID personId = link(checked.idType(), checked.idNumber(), checked.name());
    boolean underQuarantine = personId != null && !quarantine.underOpenOrder(Set.of(personId)).isEmpty();
    if (underQuarantine && checked.onDuty()) {
      throw Conflict.of("resumption.staff.underQuarantine");
    }
    DutyBlock block = personId == null ? null : blocks.at(org.creditCode(), personId).orElse(null);
    if (block != null && checked.onDuty()) {
      throw Conflict.of("resumption.staff.blockedFromDuty");
    }
    Instant now = clock.instant();
    StaffRow row = new StaffRow(UUID.randomUUID(), organisationId, org.path(), checked.name(), checked.idType(),
        checked.idNumber(), checked.phone(), checked.post(), checked.keyPost(), checked.returnedFrom(),
        request.returnedOn(), checked.travelNote(), checked.health(), checked.onDuty(), personId, underQuarantine,
        null, null, null, null);
    if (!store.insert(row, now)) {
      throw Conflict.duplicate("resumption.staff.duplicate",
          store.existing(organisationId, checked.idType(), checked.idNumber()).orElseThrow().toString());
    }
    audit.record(AuditAction.CREATE, SUBJECT, row.id().toString(), org.creditCode());
    if (block != null) {
      markBlocked(block, organisationId, now);
    }
    figures.recount(List.of(organisationId));
    return view(store.find(row.id(), accessAll(org)).orElseThrow(), false);
  }

  /** Corrects a staff member (not the document): on duty only while cleared (409 otherwise). */
  @Transactional
  public StaffMember update(String organisation, UUID staffId, NewStaffMember request) {
    OrganisationSnapshot org = access.writable(organisation);
    StaffRow stored = row(organisation, staffId);
    Checked checked = check(request, stored);
    notClearedOnDuty(stored, checked.onDuty());
    UUID personId = stored.personId() != null ? stored.personId()
        : link(stored.idType(), stored.idNumber(), checked.name());
    store.update(new StaffRow(stored.id(), stored.organisationId(), stored.organisationPath(), checked.name(),
        stored.idType(), stored.idNumber(), checked.phone(), checked.post(), checked.keyPost(), checked.returnedFrom(),
        request.returnedOn(), checked.travelNote(), checked.health(), checked.onDuty(), personId,
        stored.underQuarantine(), stored.exposedAt(), null, stored.blockedAt(), stored.blockedDays()), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, stored.id().toString(), org.creditCode());
    if (stored.personId() == null && personId != null) {
      blocks.at(org.creditCode(), personId).ifPresent(b -> markBlocked(b, stored.organisationId(), clock.instant()));
    }
    figures.recount(List.of(stored.organisationId()));
    return view(store.find(stored.id(), accessAll(org)).orElseThrow(), false);
  }

  /**
   * Corrects a staff member from a page, where the phone is shown masked: a blank phone keeps the one stored,
   * the rest as {@link #update}.
   */
  @Transactional
  public StaffMember correct(String organisation, UUID staffId, NewStaffMember request) {
    if (text(request.phone()) != null) {
      return update(organisation, staffId, request);
    }
    StaffRow stored = row(organisation, staffId);
    return update(organisation, staffId, new NewStaffMember(request.name(), request.idType(), request.idNumber(),
        stored.phone(), request.post(), request.keyPost(), request.returnedFrom(), request.returnedOn(),
        request.travelNote(), request.health(), request.onDuty()));
  }

  /** Puts a staff member on duty or off it, the rest as stored: on duty only while cleared (409 otherwise). */
  @Transactional
  public StaffMember setOnDuty(String organisation, UUID staffId, boolean onDuty) {
    OrganisationSnapshot org = access.writable(organisation);
    StaffRow s = row(organisation, staffId);
    notClearedOnDuty(s, onDuty);
    store.update(new StaffRow(s.id(), s.organisationId(), s.organisationPath(), s.name(), s.idType(), s.idNumber(),
        s.phone(), s.post(), s.keyPost(), s.returnedFrom(), s.returnedOn(), s.travelNote(), s.health(), onDuty,
        s.personId(), s.underQuarantine(), s.exposedAt(), null, s.blockedAt(), s.blockedDays()), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, s.id().toString(), org.creditCode() + (onDuty ? " on duty"
        : " off duty"));
    figures.recount(List.of(s.organisationId()));
    return view(store.find(s.id(), accessAll(org)).orElseThrow(), false);
  }

  /** Marks the person's row not cleared and off duty: a key group blocks them at the organisation already. */
  private void markBlocked(DutyBlock block, UUID organisationId, Instant now) {
    for (StaffStore.Blocked row : store.block(organisationId, UUID.fromString(block.personId()), block.blocksDays(),
        now)) {
      audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "blocked from duty by key group "
          + block.groupCode() + (row.wasOnDuty() ? ", off duty" : ""));
    }
  }

  /** On duty only while cleared: 409 under quarantine, or blocked from duty by the key group. */
  private static void notClearedOnDuty(StaffRow row, boolean onDuty) {
    if (onDuty && row.underQuarantine()) {
      throw Conflict.of("resumption.staff.underQuarantine");
    }
    if (onDuty && row.blockedAt() != null) {
      throw Conflict.of("resumption.staff.blockedFromDuty");
    }
  }

  private StaffRow row(String organisation, UUID staffId) {
    OrganisationSnapshot org = access.reachable(organisation);
    return store.find(staffId, accessAll(org)).filter(r -> r.organisationId().toString().equals(org.id()))
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** The reach of one organisation the caller reaches already. */
  private static org.epicommand.enterprise.internal.Reach accessAll(OrganisationSnapshot org) {
    return new org.epicommand.enterprise.internal.Reach(
        new org.epicommand.jurisdiction.JurisdictionScope(org.creditCode(), org.path()), null);
  }

  private UUID link(IdType type, String number, String name) {
    String id = persons.linkForPlatform(type, Map.of(number, name)).get(number);
    return id == null ? null : UUID.fromString(id);
  }

  private record Checked(String name, IdType idType, String idNumber, String phone, String post, boolean keyPost,
      String returnedFrom, String travelNote, Health health, boolean onDuty) {}

  /** The request checked; {@code stored}: the row corrected (its document stays, the request's is ignored). */
  private Checked check(NewStaffMember r, StaffRow stored) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = text(r.name());
    if (name == null || name.length() > 50) {
      problems.add(FieldProblem.of("name", "person.name"));
    }
    IdType type = stored != null ? stored.idType() : r.idType() == null ? IdType.RESIDENT_ID : r.idType();
    String number = stored != null ? stored.idNumber() : null;
    if (stored == null) {
      DocumentCheck.Valid valid = DocumentCheck.check(type, r.idNumber(), java.time.LocalDate.now(clock), "idNumber",
          problems);
      number = valid == null ? null : valid.number();
    }
    String phone = text(r.phone());
    if (phone != null) {
      phone = PhoneNumbers.normalize(phone);
      if (phone == null) {
        problems.add(FieldProblem.of("phone", "person.phone"));
      }
    }
    String post = limited(r.post(), 50, "post", problems);
    String from = limited(r.returnedFrom(), 100, "returnedFrom", problems);
    String travel = limited(r.travelNote(), 500, "travelNote", problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new Checked(name, type, number, phone, post, Boolean.TRUE.equals(r.keyPost()), from, travel,
        r.health() == null ? Health.NORMAL : r.health(), Boolean.TRUE.equals(r.onDuty()));
  }

  static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String limited(String value, int max, String field, List<FieldProblem> problems) {
    String text = text(value);
    if (text != null && text.length() > max) {
      problems.add(FieldProblem.of(field, "organisation.tooLong", max));
    }
    return text;
  }

  static StaffMember view(StaffRow r, boolean full) {
    return new StaffMember(r.id().toString(), r.organisationId().toString(), r.name(), r.idType(),
        full ? r.idNumber() : Masking.documentNumber(r.idNumber()), full ? r.phone() : Masking.phone(r.phone()),
        r.post(), r.keyPost(), r.returnedFrom(), r.returnedOn(), r.travelNote(), r.health(), r.onDuty(),
        r.cleared(), r.exposedAt(), r.updatedAt(), r.blockedAt(), r.blockedDays());
  }
}
