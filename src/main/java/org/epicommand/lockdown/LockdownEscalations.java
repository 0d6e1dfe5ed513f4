package org.epicommand.lockdown;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service requests of sealed households past their deadline: each is reported once, one notice per
 * street and run, to the street's staff (and its district's desk), with the addresses and a link to
 * the overdue list. Run by the lockdown job ({@code epicommand.lockdown.jobs}) or called with a time.
 */
@Service
public class LockdownEscalations {

  /** The notice kind in the inbox. */
  public static final String NOTICE_KIND = "LOCKDOWN_REQUEST_OVERDUE";

  private final ServiceRequests requests;
  private final Jurisdictions jurisdictions;
  private final Notifications notifications;
  private final MessageSource messages;

  LockdownEscalations(ServiceRequests requests, Jurisdictions jurisdictions, Notifications notifications,
      MessageSource messages) {
    this.requests = requests;
    this.jurisdictions = jurisdictions;
    this.notifications = notifications;
    this.messages = messages;
  }

  /** Reports every request overdue at {@code now} not reported yet; returns how many. */
  @Transactional
  public int escalate(Instant now) {
    Map<String, List<String>> byCommunity = requests.claimOverdue(now);
    Map<String, List<String>> byStreet = new LinkedHashMap<>();
    Map<String, String> districtOf = new HashMap<>();
    byCommunity.forEach((code, addresses) -> {
      List<Jurisdiction> ancestry = jurisdictions.ancestry(code);
      String street = at(ancestry, JurisdictionLevel.TOWNSHIP, code);
      byStreet.computeIfAbsent(street, k -> new ArrayList<>()).addAll(addresses);
      districtOf.put(street, at(ancestry, JurisdictionLevel.COUNTY, null));
    });
    byStreet.forEach((street, addresses) -> {
      String streetName = jurisdictions.find(street).map(Jurisdiction::name).orElse(street);
      String title = messages.getMessage("lockdown.overdue.title", new Object[] {streetName, addresses.size()},
          Locale.SIMPLIFIED_CHINESE);
      String body = messages.getMessage("lockdown.overdue.body", new Object[] {String.join("、",
          addresses.subList(0, Math.min(20, addresses.size())))}, Locale.SIMPLIFIED_CHINESE);
      String link = "/lockdown/requests?overdue=true";
      notifications.send(Notice.toRoles(street, Set.of(Role.STREET_STAFF), NOTICE_KIND, title, body, link));
      String district = districtOf.get(street);
      if (district != null) {
        notifications.send(Notice.toRoles(district, Set.of(Role.DISTRICT_STAFF), NOTICE_KIND, title, body, link));
      }
    });
    return byCommunity.values().stream().mapToInt(List::size).sum();
  }

  private static String at(List<Jurisdiction> ancestry, JurisdictionLevel level, String otherwise) {
    return ancestry.stream().filter(j -> j.level() == level).map(Jurisdiction::code).findFirst().orElse(otherwise);
  }
}
