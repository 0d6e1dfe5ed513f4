package org.epicommand.sentinel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.sentinel.VerificationSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens one verification item that has no purchase record behind it (a tip-off, an inspection): the person on the
 * list of the community they live in ({@code path}) with the phone to call them on, OPEN, due within the SLA from now.
 * {@code since} stands for the purchase time: the person's sampling at or after it closes the item
 * ({@link VerificationJob}). An item is opened once per origin (tip-off or inspection) and person, however often it is
 * asked for; the creation is audited as {@code by}.
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
