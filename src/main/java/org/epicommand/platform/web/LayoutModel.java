package org.epicommand.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the navigation the user may see (grouped by work area, with the one
 * entry of the current page), their authorities, demo mode.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

  /** Up to this many entries every group of the menu stands open; beyond, only the current page's. */
  static final int OPEN_GROUPS_UP_TO = 14;

  private final List<NavigationItem> navigation;
  private final boolean demo;

  LayoutModel(List<NavigationItem> navigation, @Value("${epicommand.demo.enabled:false}") boolean demo) {
    this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    this.demo = demo;
  }

  @ModelAttribute("authorities")
  Set<String> authorities() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      return Set.of();
    }
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }

  /** The entries the user may see, each path once. */
  @ModelAttribute("navigation")
  List<NavigationItem> navigation() {
    Set<String> authorities = authorities();
    Map<String, NavigationItem> byPath = new LinkedHashMap<>();
    navigation.stream().filter(item -> item.visibleTo(authorities)).forEach(item -> byPath.putIfAbsent(item.path(),
        item));
    return new ArrayList<>(byPath.values());
  }

  @ModelAttribute("menu")
  Menu menu(jakarta.servlet.http.HttpServletRequest request) {
    return Menu.of(navigation(), currentPath(request));
  }

  @ModelAttribute("currentPath")
  String currentPath(jakarta.servlet.http.HttpServletRequest request) {
    Object forwarded = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
    String uri = forwarded instanceof String original ? original : request.getRequestURI();
    return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
  }

  @ModelAttribute("demoMode")
  boolean demoMode() {
    return demo;
  }

  /**
   * The menu as the layout draws it: the entries above the groups, the groups in their order, the
   * one active entry (the longest path that covers the current page) and which groups stand open.
   */
  record Menu(List<NavigationItem> top, Map<NavigationGroup, List<NavigationItem>> groups, String activePath,
      NavigationGroup activeGroup, boolean allOpen, int size) {

    static Menu of(List<NavigationItem> items, String currentPath) {
      NavigationItem active = items.stream().filter(item -> item.covers(currentPath))
          .max(Comparator.comparingInt(item -> item.path().length())).orElse(null);
      Map<NavigationGroup, List<NavigationItem>> groups = new EnumMap<>(NavigationGroup.class);
      List<NavigationItem> top = new ArrayList<>();
      for (NavigationItem item : items) {
        if (item.group() == null) {
          top.add(item);
        } else {
          groups.computeIfAbsent(item.group(), group -> new ArrayList<>()).add(item);
        }
      }
      return new Menu(top, groups, active == null ? null : active.path(), active == null ? null : active.group(),
          items.size() <= OPEN_GROUPS_UP_TO, items.size());
    }

    public boolean open(NavigationGroup group) {
      return allOpen || group == activeGroup;
    }
  }
}
