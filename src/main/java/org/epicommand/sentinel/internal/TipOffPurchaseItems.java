package org.epicommand.sentinel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonReference;
import org.epicommand.person.PersonRegistry;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOffSubjectMatched;
import org.epicommand.tipoff.TipOffTurnedDown;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tip-offs about an unregistered purchase of fever drugs (违规购买退烧药): when the tip-off office matches the subject
 * of such a tip-off to a registry person, the buyer gets one verification item (source {@code TIP_OFF_PURCHASE}) on
 * the list of the community they live in, due within the SLA — once per tip-off and person, however often the match
 * or its event arrives. A tip-off already turned down (unfounded, duplicate) puts nobody on the list. The item's
 * "purchase" time is when the tip-off came in, so the buyer's sampling after it closes the item as any other
 * ({@link VerificationJob}). A tip-off turned down after the match ({@link TipOffTurnedDown}) closes its items still
 * open as {@code TIP_OFF_TURNED_DOWN}.
 */
@Component
class TipOffPurchaseItems {

  private static final Set<TipOff.State> TURNED_DOWN = Set.of(TipOff.State.UNSUBSTANTIATED, TipOff.State.DUPLICATE);

  private final JdbcClient jdbc;
  private final PersonRegistry persons;
  private final Jurisdictions jurisdictions;
  private final VerificationItems items;
  private final AuditTrail audit;
  private final Clock clock;

  TipOffPurchaseItems(JdbcClient jdbc, PersonRegistry persons, Jurisdictions jurisdictions,
      VerificationItems items, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(TipOffSubjectMatched event) {
    if (event.topic() != TipOff.Topic.FEVER_DRUG_PURCHASE || TURNED_DOWN.contains(event.state())
        || event.personId() == null) {
      return;
    }
    Optional<PersonReference> buyer = persons.referenceForPlatform(event.personId());
    Optional<String> path = buyer.flatMap(b -> jurisdictions.find(b.jurisdictionCode())).map(Jurisdiction::path);
    if (path.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    items.open(VerificationItems.Origin.tipOff(event.tipOffId()), event.personId(), path.get(),
        event.receivedAt() == null ? now : event.receivedAt(), buyer.get().name(), event.address(), "system",
        "tip-off purchase " + event.tipOffId());
  }

  /**
   * The tip-off was turned down after its match: its items not closed yet close as {@code TIP_OFF_TURNED_DOWN}, by
   * {@code system}; an item a worker closed stays as they closed it, and a repeated event closes nothing.
   */
  @ApplicationModuleListener
  void on(TipOffTurnedDown event) {
    jdbc.sql("""
        update sentinel_verification set state = 'CLOSED', outcome = 'TIP_OFF_TURNED_DOWN', closed_at = ?,
          closed_by = 'system'
        where tipoff_id = ? and source = 'TIP_OFF_PURCHASE' and state <> 'CLOSED' returning id::text
        """).params(utc(clock.instant()), event.tipOffId()).query(String.class).list()
        .forEach(id -> audit.recordAs("system", AuditAction.UPDATE, "SENTINEL_VERIFICATION", id,
            "closed TIP_OFF_TURNED_DOWN: tip-off " + event.tipOffId() + " " + event.state()));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
