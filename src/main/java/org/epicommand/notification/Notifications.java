package org.epicommand.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserAdministration;
import org.epicommand.notification.internal.NotificationStore;
import org.epicommand.notification.internal.OutboundChannels;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox. {@link #send} is what other modules call (in their own transaction, so a notice exists
 * exactly when the action that caused it was committed); the rest serves the signed-in user's own
 * messages, and another user's message answers 404 as if it did not exist.
 */
@Service
public class Notifications {

  private final NotificationStore store;
  private final OutboundChannels channels;
  private final UserAdministration users;
  private final CurrentUser currentUser;
  private final Clock clock;

  Notifications(NotificationStore store, OutboundChannels channels, UserAdministration users,
      CurrentUser currentUser, Clock clock) {
    this.store = store;
    this.channels = channels;
    this.users = users;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Stores the notice once per recipient (named users plus the role holders of the jurisdiction); returns how many. */
  @Transactional
  public int send(Notice notice) {
    return sendAll(List.of(notice));
  }

  /**
   * {@link #send} for many notices (a listener telling thousands of organisations at once): the role holders of
   * each jurisdiction and set of roles looked up once; returns how many were stored in all.
   */
  @Transactional
  public int sendAll(List<Notice> notices) {
    Map<String, List<String>> holders = new HashMap<>();
    int stored = 0;
    for (Notice notice : notices) {
      Set<String> recipients = new LinkedHashSet<>(notice.usernames());
      if (notice.jurisdictionCode() != null && !notice.roles().isEmpty()) {
        recipients.addAll(holders.computeIfAbsent(notice.jurisdictionCode() + "|" + new TreeSet<>(notice.roles()),
            k -> users.usernamesWith(notice.jurisdictionCode(), notice.roles())));
      }
      List<String> list = new ArrayList<>(recipients);
      store.insert(notice, list, clock.instant());
      channels.deliver(notice, list);
      stored += list.size();
    }
    return stored;
  }

  public PageResult<NotificationView> inbox(boolean unreadOnly, Paging paging) {
    String me = currentUser.get().username();
    return paging.toResult(store.page(me, unreadOnly, paging.offset(), paging.fetchSize(), clock.getZone()), null);
  }

  public long unreadCount() {
    return currentUser.find().map(user -> store.unread(user.username())).orElse(0L);
  }

  public NotificationView get(UUID id) {
    return store.find(id, currentUser.get().username(), clock.getZone())
        .orElseThrow(() -> new RecordNotFound("notification"));
  }

  @Transactional
  public NotificationView markRead(UUID id) {
    String me = currentUser.get().username();
    if (!store.markRead(id, me, clock.instant())) {
      throw new RecordNotFound("notification");
    }
    return store.find(id, me, clock.getZone()).orElseThrow();
  }

  @Transactional
  public Map<String, Integer> markAllRead() {
    return Map.of("marked", store.markAllRead(currentUser.get().username(), clock.instant()));
  }
}
