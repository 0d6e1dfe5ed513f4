package org.epicommand.sentinel.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonReference;
import org.epicommand.person.PersonRegistry;
import org.epicommand.sentinel.VerificationOutcome;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOffSubjectMatched;
import org.epicommand.tipoff.TipOffTurnedDown;
import org.epicommand.tipoff.TipOffs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tip-offs about an unregistered purchase of fever drugs (违规购买退烧药): when the tip-off office matches the subject of such
 * a tip-off to a registry person, the buyer gets one verification item (source {@code TIP_OFF_PURCHASE}) on the list of
 * the community they live in, due within the SLA — once per tip-off and person, however often the match or its event
 * arrives. The item's "purchase" time is when the tip-off came in, so the buyer's sampling after it closes the item as
 * any other ({@link VerificationJob}). A tip-off turned down after the match ({@link TipOffTurnedDown}) closes its
 * items still open as {@code TIP_OFF_TURNED_DOWN}. The item keeps no phone of its own: the list reads the one the
 * registry holds for the buyer now ({@link org.epicommand.sentinel.Verifications}), the number the worker calls.
 *
 * <p>Both listeners run after their moves commit, each on its own, so a tip-off turned down just after the match may
 * have its turned-down event handled first. The matched listener therefore asks the tip-off module for the state the
 * tip-off is in now (not the one at the match) and opens nothing for a tip-off turned down; and both take one lock
 * per tip-off for their transaction, so that a turn-down committed while the item is being opened finds the item once
 * it is there. Whichever order the two run in, no item of a turned-down tip-off stays open.
 */
@Component
class TipOffPurchaseItems {

  private final JdbcClient jdbc;
  private final PersonRegistry persons;
  private final TipOffs tipOffs;
  private final Jurisdictions jurisdictions;
  private final VerificationItems items;
  private final Clock clock;

  TipOffPurchaseItems(JdbcClient jdbc, PersonRegistry persons, TipOffs tipOffs, Jurisdictions jurisdictions,
      VerificationItems items, Clock clock) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.tipOffs = tipOffs;
    this.jurisdictions = jurisdictions;
    this.items = items;
    this.clock = clock;
  }

  /**
   * The subject was matched: an item for the person unless the tip-off is turned down by now (whatever its state at
   * the match) or the item is there already.
   */
  @ApplicationModuleListener
  void on(TipOffSubjectMatched event) {
    if (event.topic() != TipOff.Topic.FEVER_DRUG_PURCHASE || event.personId() == null) {
      return;
    }
    lock(event.tipOffId());
    if (tipOffs.stateForPlatform(event.tipOffId()).map(TipOff.State::turnedDown).orElse(true)) {
      return;
    }
    Optional<PersonReference> buyer = persons.referenceForPlatform(event.personId());
    Optional<String> path = buyer.flatMap(b -> jurisdictions.find(b.jurisdictionCode())).map(Jurisdiction::path);
    if (path.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    items.open(VerificationItems.Origin.tipOff(event.tipOffId()), event.personId(), path.get(),
        event.receivedAt() == null ? now : event.receivedAt(), buyer.get().name(),
        null, event.address(), "system",
        "tip-off purchase " + event.tipOffId());
  }

  /**
   * The tip-off was turned down after its match: its items not closed yet close as {@code TIP_OFF_TURNED_DOWN}, by
   * {@code system}; an item a worker closed stays as they closed it, and a repeated event closes nothing.
   */
  @ApplicationModuleListener
  void on(TipOffTurnedDown event) {
    lock(event.tipOffId());
    items.closeOpen(VerificationItems.Origin.tipOff(event.tipOffId()), VerificationOutcome.TIP_OFF_TURNED_DOWN,
        "system", "closed TIP_OFF_TURNED_DOWN: tip-off " + event.tipOffId() + " " + event.state());
  }

  /**
   * The lock of one tip-off's items until the transaction ends: the matched listener holds it from reading the
   * tip-off's state to opening the item, so the turned-down listener of the same tip-off waits for the item.
   */
  private void lock(java.util.UUID tipOffId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("sentinel-tip-off-items:" + tipOffId)
        .query((rs, n) -> 1).list();
  }
}
