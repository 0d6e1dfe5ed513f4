package org.epicommand.notification.web;

import java.util.UUID;
import org.epicommand.notification.NotificationContacts;
import org.epicommand.notification.NotificationView;
import org.epicommand.notification.Notifications;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox page, the unread badge polled by the layout, and reading a message (then following its link). */
@Controller
@RequestMapping("/notifications")
class NotificationPageController {

  private final Notifications notifications;
  private final NotificationContacts contacts;

  NotificationPageController(Notifications notifications, NotificationContacts contacts) {
    this.notifications = notifications;
    this.contacts = contacts;
  }

  @GetMapping
  String inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer page,
      Model model) {
    model.addAttribute("unread", unread);
    model.addAttribute("unreadCount", notifications.unreadCount());
    model.addAttribute("contact", contacts.mine());
    FormMessages.pager(model, notifications.inbox(unread, Paging.of(page, 20)));
    return "notification/inbox";
  }

  /** The layout's badge (htmx fragment): the number of unread messages, nothing when there are none. */
  @GetMapping("/badge")
  String badge(Model model) {
    model.addAttribute("unreadCount", notifications.unreadCount());
    return "notification/inbox :: badge";
  }

  /** Marks the message read and opens what it is about (or the inbox when it links nowhere). */
  @PostMapping("/{id}/open")
  String open(@PathVariable UUID id) {
    NotificationView view = notifications.markRead(id);
    return "redirect:" + (view.link() == null ? "/notifications" : view.link());
  }

  @PostMapping("/{id}/read")
  String markRead(@PathVariable UUID id) {
    notifications.markRead(id);
    return "redirect:/notifications";
  }

  @PostMapping("/read-all")
  String markAllRead() {
    notifications.markAllRead();
    return "redirect:/notifications";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem notificationNavigation() {
      return new NavigationItem(900, "/notifications", "nav.notifications", null, null);
    }
  }
}
