package org.epicommand.shared;

import java.util.Arrays;
import java.util.Set;

/**
 * An entry of the staff application's navigation. Each module declares its own as beans, so the
 * navigation grows as modules land; an entry shows only to users holding {@code authority}
 * ({@code null}: every signed-in user; several authorities separated by commas: any of them) and
 * stands in the menu under its work area {@code group} ({@code null}: above the groups).
 */
public record NavigationItem(int order, String path, String messageKey, String authority, NavigationGroup group) {

  /** Whether a user holding {@code authorities} sees this entry. */
  public boolean visibleTo(Set<String> authorities) {
    return authority == null || Arrays.stream(authority.split(",")).map(String::strip).anyMatch(authorities::contains);
  }

  /**
   * Whether this entry is the page at {@code path} or above it ({@code /cases} for {@code /cases/…});
   * the home entry {@code /} matches only itself.
   */
  public boolean covers(String currentPath) {
    if (currentPath == null) {
      return false;
    }
    return currentPath.equals(path) || (!"/".equals(path) && currentPath.startsWith(path + "/"));
  }
}
