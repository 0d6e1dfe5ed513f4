package org.epicommand.lockdown;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * What the street must act on, in its inbox (and its district's desk), one notice per street and run:
 * service requests of sealed households past their deadline ({@link ServiceRequestOverdue}), and
 * shift windows of posts that have started or start soon below the staffing standard
 * ({@link PostUnfilled}). Each is reported once. Run by the lockdown job ({@code epicommand.lockdown.jobs})
 * or called with a time.
 */
@Service
public class LockdownEscalations {

  /** The notice kind of overdue requests in the inbox. */
  public static final String NOTICE_KIND = "LOCKDOWN_REQUEST_OVERDUE";
  /** The notice kind of unfilled posts in the inbox. */
  public static final String UNFILLED_KIND = "LOCKDOWN_POST_UNFILLED";
  private static final int LISTED = 20;

  private final ServiceRequests requests;
  private final Posts posts;
  private final Jurisdictions jurisdictions;
  private final Notifications notifications;
  private final MessageSource messages;
  private final ZoneId zone;

  LockdownEscalations(ServiceRequests requests, Posts posts, Jurisdictions jurisdictions, Notifications notifications,
      MessageSource messages, java.time.Clock clock) {
    this.requests = requests;
    this.posts = posts;
    this.jurisdictions = jurisdictions;
    this.notifications = notifications;
    this.messages = messages;
    this.zone = clock.getZone();
  }

  /** Reports every request overdue at {@code now} not reported yet; returns how many. */
  @Transactional
  public int escalate(Instant now) {
    Map<String, List<String>> byCommunity = requests.claimOverdue(now);
    notify(byCommunity, NOTICE_KIND, "lockdown.overdue", "/lockdown/requests?overdue=true");
    return byCommunity.values().stream().mapToInt(List::size).sum();
  }

  /** Reports every post's shift window under the standard at {@code now} (or within the lead) not reported yet. */
  @Transactional
  public int reportUnfilled(Instant now) {
    Map<String, List<String>> byDivision = new LinkedHashMap<>();
    DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone);
    for (PostUnfilled post : posts.claimUnfilled(now)) {
      byDivision.computeIfAbsent(post.jurisdictionCode(), k -> new ArrayList<>()).add(messages.getMessage(
          "lockdown.unfilled.item", new Object[] {post.areaName(), post.postName(), time.format(post.from()),
              post.required() - post.assigned()}, Locale.SIMPLIFIED_CHINESE));
    }
    notify(byDivision, UNFILLED_KIND, "lockdown.unfilled", "/lockdown");
    return byDivision.values().stream().mapToInt(List::size).sum();
  }

  /** One notice per street (to its staff and its district's desk) listing the lines of its divisions. */
  private void notify(Map<String, List<String>> byDivision, String kind, String key, String link) {
    Map<String, List<String>> byStreet = new LinkedHashMap<>();
    Map<String, String> districtOf = new LinkedHashMap<>();
    byDivision.forEach((code, lines) -> {
      List<Jurisdiction> ancestry = jurisdictions.ancestry(code);
      String street = at(ancestry, JurisdictionLevel.TOWNSHIP, code);
      byStreet.computeIfAbsent(street, k -> new ArrayList<>()).addAll(lines);
      districtOf.put(street, at(ancestry, JurisdictionLevel.COUNTY, null));
    });
    byStreet.forEach((street, lines) -> {
      String streetName = jurisdictions.find(street).map(Jurisdiction::name).orElse(street);
      String title = messages.getMessage(key + ".title", new Object[] {streetName, lines.size()},
          Locale.SIMPLIFIED_CHINESE);
      String body = messages.getMessage(key + ".body", new Object[] {String.join("、",
          lines.subList(0, Math.min(LISTED, lines.size())))}, Locale.SIMPLIFIED_CHINESE);
      notifications.send(Notice.toRoles(street, Set.of(Role.STREET_STAFF), kind, title, body, link));
      String district = districtOf.get(street);
      if (district != null) {
        notifications.send(Notice.toRoles(district, Set.of(Role.DISTRICT_STAFF), kind, title, body, link));
      }
    });
  }

  private static String at(List<Jurisdiction> ancestry, JurisdictionLevel level, String otherwise) {
    return ancestry.stream().filter(j -> j.level() == level).map(Jurisdiction::code).findFirst().orElse(otherwise);
  }
}
