package org.epicommand.account.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.DutyViolation;
import org.epicommand.account.OwnPassword;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserContext;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
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

/**
 * User administration pages: list and search, create, edit (jurisdiction, disable; roles for the
 * security administrator), reset password, unlock. Each administrator sees the controls of their
 * own duty; the service enforces them.
 */
@Controller
@RequestMapping("/users")
@PreAuthorize("hasAuthority('USER_READ')")
class UserPageController {

  /** The form's fields, echoed back when it has errors. */
  record UserForm(String username, String displayName, Set<Role> roles, String jurisdictionCode, boolean enabled) {}

  private final UserAdministration users;
  private final CurrentUser currentUser;
  private final OwnPassword passwords;
  private final FormMessages forms;

  UserPageController(UserAdministration users, CurrentUser currentUser, OwnPassword passwords, FormMessages forms) {
    this.users = users;
    this.currentUser = currentUser;
    this.passwords = passwords;
    this.forms = forms;
  }

  @GetMapping
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("q", q);
    model.addAttribute("mayCreate", mayCreate());
    FormMessages.pager(model, users.list(q, Paging.of(page, 50)));
    return "account/users";
  }

  @GetMapping("/new")
  @PreAuthorize("hasAnyAuthority('USER_ADMIN', 'ACCESS_ADMIN')")
  String newUser(Model model) {
    model.addAttribute("form", new UserForm("", "", EnumSet.noneOf(Role.class), "", true));
    return form(model, null);
  }

  @PostMapping("/new")
  @PreAuthorize("hasAnyAuthority('USER_ADMIN', 'ACCESS_ADMIN')")
  String create(@RequestParam String username, @RequestParam(required = false) String displayName,
      @RequestParam String password, @RequestParam(required = false) Set<Role> roles,
      @RequestParam String jurisdictionCode, Model model, RedirectAttributes redirect) {
    UserForm form = new UserForm(username, displayName, roles == null ? Set.of() : roles, jurisdictionCode, true);
    PageStep refusals = forms.model(model).conflictOn("username", e -> forms.text("error.user.duplicate"))
        .on(DutyViolation.class, e -> model.addAttribute("refused", forms.text(e.getCodes()[0])));
    return refusals.view(() -> {
      UserAdministration.UserView created = users.create(username.strip(), displayName, password, form.roles(),
          jurisdictionCode.strip());
      redirect.addFlashAttribute("saved", true);
      return "redirect:/users/" + created.id();
    }, () -> {
      model.addAttribute("form", form);
      return form(model, null);
    });
  }

  @GetMapping("/{id}")
  String edit(@PathVariable UUID id, Model model) {
    UserAdministration.UserView user = users.get(id);
    model.addAttribute("form", new UserForm(user.username(), user.displayName(), user.roles(), user.jurisdictionCode(),
        user.enabled()));
    return form(model, user);
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAnyAuthority('USER_ADMIN', 'ACCESS_ADMIN')")
  String update(@PathVariable UUID id, @RequestParam(required = false) String displayName,
      @RequestParam(required = false) Set<Role> roles, @RequestParam String jurisdictionCode,
      @RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect) {
    UserAdministration.UserView user = users.get(id);
    // who gives no roles sees them read-only: the account keeps its roles
    Set<Role> chosen = !caller().has(Permission.ACCESS_ADMIN) ? user.roles() : roles == null ? Set.of() : roles;
    PageStep refusals = forms.model(model).letConflictsThrough()
        .on(DutyViolation.class, e -> model.addAttribute("refused", forms.text(e.getCodes()[0])));
    return refusals.view(() -> {
      users.update(id, displayName, chosen, jurisdictionCode.strip(), enabled);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/users/" + id;
    }, () -> {
      model.addAttribute("form", new UserForm(user.username(), displayName, chosen, jurisdictionCode, enabled));
      return form(model, user);
    });
  }

  @PostMapping("/{id}/password")
  @PreAuthorize("hasAnyAuthority('USER_ADMIN', 'ACCESS_ADMIN')")
  String resetPassword(@PathVariable UUID id, @RequestParam String password, Model model,
      RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).letConflictsThrough()
        .on(DutyViolation.class, e -> model.addAttribute("refused", forms.text(e.getCodes()[0])));
    return refusals.view(() -> {
      users.resetPassword(id, password);
      redirect.addFlashAttribute("passwordReset", true);
      return "redirect:/users/" + id;
    }, () -> edit(id, model));
  }

  @PostMapping("/{id}/unlock")
  @PreAuthorize("hasAuthority('ACCESS_ADMIN')")
  String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
    users.unlock(id);
    redirect.addFlashAttribute("unlocked", true);
    return "redirect:/users/" + id;
  }

  private String form(Model model, UserAdministration.UserView user) {
    UserContext caller = caller();
    boolean security = caller.has(Permission.ACCESS_ADMIN);
    boolean self = user != null && user.username().equals(caller.username());
    // the system administrator makes staff accounts, the security administrator administrators
    List<Role> offered = Arrays.stream(Role.values()).filter(r -> user != null || r.administrator() == security)
        .toList();
    model.addAttribute("user", user);
    model.addAttribute("allRoles", offered);
    model.addAttribute("rolesEditable", security && !self);
    model.addAttribute("mayEdit", !self && user != null && (security || !user.administrator()));
    model.addAttribute("mayResetPassword", !self && user != null
        && (user.administrator() ? security : caller.has(Permission.USER_ADMIN)));
    model.addAttribute("mayUnlock", security && !self && user != null && user.locked());
    model.addAttribute("passwordRule", forms.text("error.user.passwordPolicy", passwords.policy()));
    return "account/user-form";
  }

  private boolean mayCreate() {
    UserContext caller = caller();
    return caller.has(Permission.USER_ADMIN) || caller.has(Permission.ACCESS_ADMIN);
  }

  private UserContext caller() {
    return currentUser.get();
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem userNavigation() {
      return new NavigationItem(850, "/users", "nav.users", "USER_READ", NavigationGroup.SYSTEM);
    }
  }
}
