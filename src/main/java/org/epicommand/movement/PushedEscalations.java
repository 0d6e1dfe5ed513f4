package org.epicommand.movement;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.movement.internal.EscalationStore;
import org.epicommand.movement.internal.MovementProperties;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overdue escalation of pushed items (docs/domain.md §8): an item not signed within 2 h, or without
 * feedback 24 h after the push, is reported once per overdue kind to the command office (commanders
 * of the city) and to the desk of its district (district staff), in their inbox. Items are reported
 * per list and district, one notice for all the items that became overdue since the last run, so a
 * list of thousands gives a handful of notices; the escalation table makes each item and kind count
 * once. Run by the movement jobs ({@code epicommand.movement.jobs}) or called with a time.
 */
@Service
public class PushedEscalations {

  /** The notice kind in the inbox. */
  public static final String NOTICE_KIND = "PUSHED_OVERDUE";

  private final EscalationStore store;
  private final Jurisdictions jurisdictions;
  private final Notifications notifications;
  private final MessageSource messages;
  private final MovementProperties properties;
  private final Clock clock;

  PushedEscalations(EscalationStore store, Jurisdictions jurisdictions, Notifications notifications,
      MessageSource messages, MovementProperties properties, Clock clock) {
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.notifications = notifications;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
  }

  /** Escalates what is overdue now, in one transaction (a call to {@link #escalate} from here bypasses the proxy). */
  @Transactional
  public int escalateNow() {
    return escalate(clock.instant());
  }

  /**
   * Escalates every item overdue at {@code now} that was not escalated yet for that kind; returns how
   * many item-kinds were escalated. Claiming and notifying share one transaction: a notice exists
   * exactly when its items count as escalated.
   */
  @Transactional
  public int escalate(Instant now) {
    Map<String, long[]> byListAndDistrict = new LinkedHashMap<>();
    Map<String, String[]> keys = new LinkedHashMap<>();
    int total = 0;
    for (EscalationStore.Batch batch : store.claimOverdue(now)) {
      List<Jurisdiction> ancestry = jurisdictions.ancestry(batch.jurisdictionCode());
      String district = code(ancestry, JurisdictionLevel.COUNTY);
      String city = code(ancestry, JurisdictionLevel.CITY);
      String key = batch.kind() + "|" + batch.listRef() + "|" + district + "|" + city;
      byListAndDistrict.computeIfAbsent(key, k -> new long[1])[0] += batch.items();
      keys.putIfAbsent(key, new String[] {batch.kind().name(), batch.listRef(), district, city});
      total += (int) batch.items();
    }
    byListAndDistrict.forEach((key, count) -> notify(keys.get(key), count[0]));
    return total;
  }

  private void notify(String[] key, long items) {
    String kind = key[0];
    String listRef = key[1];
    String district = key[2];
    String city = key[3];
    String unit = district != null ? district : city;
    String unitName = unit == null ? "" : jurisdictions.find(unit).map(Jurisdiction::name).orElse(unit);
    long hours = (kind.equals("SIGN") ? properties.signWithin() : properties.feedbackWithin()).toHours();
    String title = text("movement.escalation.title." + kind, listRef, unitName, items, hours);
    String body = text("movement.escalation.body");
    String link = "/movement/pushed?overdue=true" + (district == null ? "" : "&jurisdiction=" + district);
    if (city != null) {
      notifications.send(Notice.toRoles(city, Set.of(Role.COMMANDER), NOTICE_KIND, title, body, link));
    }
    if (district != null) {
      notifications.send(Notice.toRoles(district, Set.of(Role.DISTRICT_STAFF), NOTICE_KIND, title, body, link));
    }
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
  }

  private static String code(List<Jurisdiction> ancestry, JurisdictionLevel level) {
    return ancestry.stream().filter(j -> j.level() == level).map(Jurisdiction::code).findFirst().orElse(null);
  }
}
