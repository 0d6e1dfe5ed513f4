package org.epicommand.sentinel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonRegistry;
import org.epicommand.sentinel.internal.VerificationCase;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's verification list of untested buyers and of buyers named by a tip-off, inside the
 * caller's jurisdiction (the buyer's home): OPEN → CONTACTED → CLOSED with an outcome; an item past its
 * due time while not closed is overdue. The verification job opens the items and closes them when the
 * buyer's sampling lands. Every move is audited; an illegal one is 409 naming the current state. The name and phone
 * of a tip-off's item are those the registry holds for the buyer as the item is read, so that a correction there
 * reaches the worker; a purchase's and an inspection's keep those taken down with them.
 */
@Service
public class Verifications {

  static final String SUBJECT = "SENTINEL_VERIFICATION";

  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;
  private final PersonRegistry persons;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Verifications(JdbcClient jdbc, Jurisdictions jurisdictions, PersonRegistry persons, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
    this.persons = persons;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The items inside the caller's jurisdiction (narrowed to a division), by state (null: not closed), overdue only if
   * asked. */
  public PageResult<VerificationItem> list(String jurisdiction, VerificationState state, boolean overdueOnly,
      Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    String filter = (state == null ? " and v.state <> 'CLOSED'" : " and v.state = :state")
        + (overdueOnly ? " and v.state <> 'CLOSED' and v.due_at < :now" : "");
    var statement = jdbc.sql(SELECT + " where " + scope.predicate("v.jurisdiction_path") + filter
        + " order by v.due_at, v.id offset :offset limit :limit");
    if (state != null) {
      statement = statement.param("state", state.name());
    }
    List<VerificationItem> items = scope.bind(statement).param("now", OffsetDateTime.now(clock))
        .param("offset", paging.offset()).param("limit", paging.fetchSize()).query(this::item).list();
    return paging.toResult(withContacts(items), null);
  }

  /** An item inside the caller's jurisdiction (404 otherwise); the read is audited. */
  @Transactional
  public VerificationItem get(UUID id) {
    VerificationItem item = find(id);
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return item;
  }

  /** The buyer was reached: OPEN → CONTACTED (409 from any other state). */
  @Transactional
  public VerificationItem contact(UUID id, String note) {
    VerificationItem item = find(id);
    new VerificationCase(item.state(), item.outcome()).contact();
    jdbc.sql("update sentinel_verification set state = 'CONTACTED', note = coalesce(?, note) where id = ?")
        .params(note(note), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "contacted");
    return find(id);
  }

  /** Closes with an outcome (EXCLUDED needs a reason in {@code note}); 409 once closed. */
  @Transactional
  public VerificationItem close(UUID id, VerificationOutcome outcome, String note) {
    VerificationItem item = find(id);
    new VerificationCase(item.state(), item.outcome()).close(outcome, note(note));
    jdbc.sql("""
        update sentinel_verification set state = 'CLOSED', outcome = ?, note = coalesce(?, note), closed_at = ?,
          closed_by = ? where id = ?
        """).params(outcome.name(), note(note), OffsetDateTime.now(clock), currentUser.get().username(), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "closed " + outcome);
    return find(id);
  }

  private VerificationItem find(UUID id) {
    JurisdictionScope scope = currentUser.get().scope();
    return scope.bind(jdbc.sql(SELECT + " where v.id = :id and " + scope.predicate("v.jurisdiction_path")))
        .param("id", id).param("now", OffsetDateTime.now(clock)).query(this::item).optional()
        .map(item -> withContacts(List.of(item)).get(0)).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /**
   * The items with the registry's name and phone of each tip-off's buyer (one query for the page; the stored ones for
   * a person no longer there, the stored phone for one without a phone).
   */
  private List<VerificationItem> withContacts(List<VerificationItem> items) {
    List<UUID> buyers = items.stream().filter(v -> v.source() == VerificationSource.TIP_OFF_PURCHASE)
        .map(v -> UUID.fromString(v.personId())).distinct().toList();
    if (buyers.isEmpty()) {
      return items;
    }
    java.util.Map<UUID, PersonRegistry.Contact> contacts = persons.contactsForPlatform(buyers);
    return items.stream().map(v -> {
      PersonRegistry.Contact now = v.source() == VerificationSource.TIP_OFF_PURCHASE
          ? contacts.get(UUID.fromString(v.personId())) : null;
      return now == null ? v : v.withBuyer(now.name(), now.phone() == null ? v.phone() : now.phone());
    }).toList();
  }

  private static String note(String note) {
    if (note == null || note.isBlank()) {
      return null;
    }
    if (note.strip().length() > 500) {
      throw new ValidationFailure(FieldProblem.of("note", "sentinel.note"));
    }
    return note.strip();
  }

  private static final String SELECT = """
      select v.id::text, v.person_id::text, coalesce(p.buyer_name, v.person_name), coalesce(p.phone, v.phone),
             coalesce(ph.name, v.place), d.product, v.purchased_at, v.created_at, v.due_at, v.state, v.outcome, v.note,
             v.state <> 'CLOSED' and v.due_at < :now, v.source, v.tipoff_id::text, v.inspection_id::text
      from sentinel_verification v left join sentinel_purchase p on p.id = v.purchase_id
      left join sentinel_pharmacy ph on ph.credit_code = p.pharmacy_code
      left join sentinel_drug d on d.approval_number = p.approval_number""";

  private VerificationItem item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    String outcome = rs.getString(11);
    return new VerificationItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
        rs.getObject(9, OffsetDateTime.class), VerificationState.valueOf(rs.getString(10)),
        outcome == null ? null : VerificationOutcome.valueOf(outcome), rs.getString(12), rs.getBoolean(13),
        VerificationSource.valueOf(rs.getString(14)), rs.getString(15), rs.getString(16));
  }
}
