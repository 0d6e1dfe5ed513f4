package org.epicommand.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.epicommand.account.Role;

/**
 * A message for the inbox of its recipients: named users, or every enabled user whose home
 * jurisdiction is {@code jurisdictionCode} and who holds one of {@code roles} (or both). {@code kind}
 * is a code such as {@code TASK_ASSIGNED} (shown translated), {@code link} an optional path inside
 * the application ({@code /command/tasks/…}).
 */
public record Notice(Set<String> usernames, String jurisdictionCode, Set<Role> roles, String kind, String title,
    String body, String link) {

  public Notice {
    usernames = usernames == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(usernames));
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    if (usernames.isEmpty() && (jurisdictionCode == null || roles.isEmpty())) {
      throw new IllegalArgumentException("a notice needs usernames or a jurisdiction code with roles");
    }
    if (kind == null || !kind.matches("[A-Z][A-Z0-9_]{0,39}")) {
      throw new IllegalArgumentException("kind must be an UPPER_SNAKE code: " + kind);
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a notice needs a title");
    }
    title = title.length() > 200 ? title.substring(0, 199) + "…" : title;
    body = body == null ? null : body.length() > 2000 ? body.substring(0, 1999) + "…" : body;
    // only links inside the application: an inbox must not send users elsewhere
    if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > 300)) {
      throw new IllegalArgumentException("link must be a path inside the application: " + link);
    }
  }

  public static Notice toUsers(Collection<String> usernames, String kind, String title, String body, String link) {
    return new Notice(Set.copyOf(usernames), null, null, kind, title, body, link);
  }

  public static Notice toRoles(String jurisdictionCode, Set<Role> roles, String kind, String title, String body,
      String link) {
    return new Notice(null, jurisdictionCode, roles, kind, title, body, link);
  }
}
