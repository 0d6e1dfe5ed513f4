package org.epicommand.screening;

import java.time.Instant;
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
 * Findings without an action in time: each is reported once, one notice per street and run, to the
 * street's staff (and its district's desk), with the names and a link to the street's overdue
 * findings. Run by the screening job ({@code epicommand.screening.jobs}) or called with a time.
 */
@Service
public class ScreeningEscalations {

  /** The notice kind in the inbox. */
  public static final String NOTICE_KIND = "SCREENING_OVERDUE";

  private final ScreeningFindings findings;
  private final Jurisdictions jurisdictions;
  private final Notifications notifications;
  private final MessageSource messages;

  ScreeningEscalations(ScreeningFindings findings, Jurisdictions jurisdictions, Notifications notifications,
      MessageSource messages) {
    this.findings = findings;
    this.jurisdictions = jurisdictions;
    this.notifications = notifications;
    this.messages = messages;
  }

  /** Reports every finding overdue at {@code now} not reported yet; returns how many. */
  @Transactional
  public int escalate(Instant now) {
    Map<String, List<String>> byCommunity = findings.claimOverdue(now);
    Map<String, java.util.List<String>> byStreet = new java.util.LinkedHashMap<>();
    Map<String, String> districtOf = new java.util.HashMap<>();
    byCommunity.forEach((code, names) -> {
      List<Jurisdiction> ancestry = jurisdictions.ancestry(code);
      String street = at(ancestry, JurisdictionLevel.TOWNSHIP, code);
      byStreet.computeIfAbsent(street, k -> new java.util.ArrayList<>()).addAll(names);
      districtOf.put(street, at(ancestry, JurisdictionLevel.COUNTY, null));
    });
    byStreet.forEach((street, names) -> {
      String streetName = jurisdictions.find(street).map(Jurisdiction::name).orElse(street);
      String title = messages.getMessage("screening.overdue.title", new Object[] {streetName, names.size()},
          Locale.SIMPLIFIED_CHINESE);
      String body = messages.getMessage("screening.overdue.body", new Object[] {String.join("、",
          names.subList(0, Math.min(20, names.size())))}, Locale.SIMPLIFIED_CHINESE);
      String link = "/screening/findings?overdue=true&jurisdiction=" + street;
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
