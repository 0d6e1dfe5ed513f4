package org.epicommand.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.epicommand.notification.NotificationView;
import org.epicommand.notification.Notifications;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notifications}: the caller's own inbox; another user's message is 404. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationApiController {

  private final Notifications notifications;

  NotificationApiController(Notifications notifications) {
    this.notifications = notifications;
  }

  @Operation(summary = "The caller's inbox, newest first; ?unread=true for unread only")
  @GetMapping
  PageResult<NotificationView> inbox(@RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return notifications.inbox(unread, Paging.of(page, size));
  }

  @GetMapping("/unread-count")
  Map<String, Long> unreadCount() {
    return Map.of("unread", notifications.unreadCount());
  }

  @GetMapping("/{id}")
  NotificationView get(@PathVariable UUID id) {
    return notifications.get(id);
  }

  @PostMapping("/{id}/read")
  NotificationView markRead(@PathVariable UUID id) {
    return notifications.markRead(id);
  }

  @PostMapping("/read-all")
  Map<String, Integer> markAllRead() {
    return notifications.markAllRead();
  }
}
