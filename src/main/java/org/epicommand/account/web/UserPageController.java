package org.epicommand.account.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration pages: list and search, create, edit (roles, jurisdiction, disable), reset password. */
@Controller
@RequestMapping("/users")
@PreAuthorize("hasAuthority('USER_ADMIN')")
class UserPageController {

  /** The form's fields, echoed back when it has errors. */
  record UserForm(String username, String displayName, Set<Role> roles, String jurisdictionCode, boolean enabled) {}

  private final UserAdministration users;
  private final FormMessages forms;

  UserPageController(UserAdministration users, FormMessages forms) {
    this.users = users;
    this.forms = forms;
  }

  @GetMapping
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("q", q);
    FormMessages.pager(model, users.list(q, Paging.of(page, 50)));
    return "account/users";
  }

  @GetMapping("/new")
  String newUser(Model model) {
    model.addAttribute("form", new UserForm("", "", EnumSet.noneOf(Role.class), "", true));
    return form(model, null);
  }

  @PostMapping("/new")
  String create(@RequestParam String username, @RequestParam(required = false) String displayName,
      @RequestParam String password, @RequestParam(required = false) Set<Role> roles,
      @RequestParam String jurisdictionCode, Model model, RedirectAttributes redirect) {
    UserForm form = new UserForm(username, displayName, roles == null ? Set.of() : roles, jurisdictionCode, true);
    try {
      UserAdministration.UserView created = users.create(username.strip(), displayName, password, form.roles(),
          jurisdictionCode.strip());
      redirect.addFlashAttribute("saved", true);
      return "redirect:/users/" + created.id();
    } catch (ValidationFailure e) {
      model.addAttribute("errors", forms.of(e));
    } catch (Conflict e) {
      model.addAttribute("errors", java.util.Map.of("username", forms.text("error.user.duplicate")));
    }
    model.addAttribute("form", form);
    return form(model, null);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable UUID id, Model model) {
    UserAdministration.UserView user = users.get(id);
    model.addAttribute("form", new UserForm(user.username(), user.displayName(), user.roles(), user.jurisdictionCode(),
        user.enabled()));
    return form(model, user);
  }

  @PostMapping("/{id}")
  String update(@PathVariable UUID id, @RequestParam(required = false) String displayName,
      @RequestParam(required = false) Set<Role> roles, @RequestParam String jurisdictionCode,
      @RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect) {
    UserAdministration.UserView user = users.get(id);
    Set<Role> chosen = roles == null ? Set.of() : roles;
    try {
      users.update(id, displayName, chosen, jurisdictionCode.strip(), enabled);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/users/" + id;
    } catch (ValidationFailure e) {
      model.addAttribute("errors", forms.of(e));
      model.addAttribute("form", new UserForm(user.username(), displayName, chosen, jurisdictionCode, enabled));
      return form(model, user);
    }
  }

  @PostMapping("/{id}/password")
  String resetPassword(@PathVariable UUID id, @RequestParam String password, Model model,
      RedirectAttributes redirect) {
    try {
      users.resetPassword(id, password);
      redirect.addFlashAttribute("passwordReset", true);
      return "redirect:/users/" + id;
    } catch (ValidationFailure e) {
      model.addAttribute("errors", forms.of(e));
      return edit(id, model);
    }
  }

  private String form(Model model, UserAdministration.UserView user) {
    model.addAttribute("user", user);
    model.addAttribute("allRoles", Role.values());
    return "account/user-form";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem userNavigation() {
      return new NavigationItem(850, "/users", "nav.users", "USER_ADMIN");
    }
  }
}
