package org.epicommand.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.epicommand.shared.NavigationItem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the navigation the user may see, their authorities, demo mode. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

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

  @ModelAttribute("navigation")
  List<NavigationItem> navigation() {
    Set<String> authorities = authorities();
    return navigation.stream().filter(item -> item.authority() == null || authorities.contains(item.authority()))
        .toList();
  }

  @ModelAttribute("currentPath")
  String currentPath(jakarta.servlet.http.HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @ModelAttribute("demoMode")
  boolean demoMode() {
    return demo;
  }
}
