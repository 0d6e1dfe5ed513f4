package org.epicommand.shared;

import java.util.Arrays;
import java.util.Set;

/**
 * A summary card on the staff home page, declared by a module as a bean (like {@link NavigationItem}):
 * the home page loads the fragment at {@code path} for users holding {@code authority} (several
 * separated by commas: any of them). Cards stand in {@code order}: a role's most urgent work first.
 */
public record HomeWidget(int order, String path, String authority) {

  public boolean visibleTo(Set<String> authorities) {
    return authority == null || Arrays.stream(authority.split(",")).map(String::strip).anyMatch(authorities::contains);
  }
}
