package org.epicommand.sentinel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.sentinel.VerificationOutcome;
import org.epicommand.sentinel.VerificationSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens one verification item that has no purchase record behind it (a tip-off, an inspection): the person on the
 * list of the community they live in ({@code path}) with the phone to call them on, OPEN, due within the SLA from now.
 * {@code since} stands for the purchase time: the person's sampling at or after it closes the item
 * ({@link VerificationJob}). An item is opened once per origin (tip-off or inspection) and person, however often it is
 * asked for; the creation is audited as {@code by}. When the origin falls away (the tip-off turned down, the
 * inspection withdrawn) its items nobody closed yet close here with the platform's outcome for it, each audited.
 */
@Component
public class VerificationItems {

  /** What the item comes from: its source and the tip-off or the inspection behind it (exactly one of them). */
  public record Origin(VerificationSource source, UUID tipOffId, UUID inspectionId) {

    public static Origin tipOff(UUID id) {
      return new Origin(VerificationSource.TIP_OFF_PURCHASE, id, null);
    }

    public static Origin inspection(UUID id) {
      return new Origin(VerificationSource.INSPECTION, null, id);
    }
  }

  private final JdbcClient jdbc;
  private final SentinelProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  VerificationItems(JdbcClient jdbc, SentinelProperties properties, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /** The item's id when it was opened now; empty when the origin had one for this person already. */
  public Optional<String> open(Origin origin, UUID personId, String path, Instant since, String personName,
      String phone, String place, String by, String detail) {
    Instant now = clock.instant();
    Optional<String> created = jdbc.sql("""
        insert into sentinel_verification (id, person_id, jurisdiction_path, source, purchased_at, created_at, due_at,
          state, tipoff_id, inspection_id, person_name, place, phone)
        values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)
        on conflict do nothing returning id::text
        """).params(personId, path, origin.source().name(), utc(since), utc(now),
            utc(now.plus(properties.verificationSla())), origin.tipOffId(), origin.inspectionId(),
            cut(personName, 50), cut(place, 200), cut(phone, 30))
        .query(String.class).optional();
    created.ifPresent(id -> audit.recordAs(by, AuditAction.CREATE, "SENTINEL_VERIFICATION", id, detail));
    return created;
  }

  /**
   * Closes the items of {@code origin} not closed yet (OPEN or CONTACTED) with the platform's {@code outcome}, as
   * {@code by}, each audited with {@code detail}; an item a worker closed stays as they closed it, and a second call
   * closes nothing. The ids of the items closed now.
   */
  public List<String> closeOpen(Origin origin, VerificationOutcome outcome, String by, String detail) {
    if (!outcome.automatic()) {
      throw new IllegalArgumentException("not an outcome of the platform's own: " + outcome);
    }
    boolean tipOff = origin.source() == VerificationSource.TIP_OFF_PURCHASE;
    List<String> closed = jdbc.sql("""
        update sentinel_verification set state = 'CLOSED', outcome = ?, closed_at = ?, closed_by = ?
        where source = ? and state <> 'CLOSED' and\s""" + (tipOff ? "tipoff_id = ?" : "inspection_id = ?")
        + " returning id::text")
        .params(outcome.name(), utc(clock.instant()), cut(by, 50), origin.source().name(),
            tipOff ? origin.tipOffId() : origin.inspectionId())
        .query(String.class).list();
    closed.forEach(id -> audit.recordAs(by, AuditAction.UPDATE, "SENTINEL_VERIFICATION", id, detail));
    return closed;
  }

  private static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.length() > max ? stripped.substring(0, max) : stripped;
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
