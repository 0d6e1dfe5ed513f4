package org.epicommand.account.web;

import org.epicommand.account.CurrentUser;
import org.epicommand.account.OwnPassword;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own password (in the user menu): also where a user is sent whose password was set by
 * an administrator or has expired, until they have changed it.
 */
@Controller
@RequestMapping("/account/password")
class PasswordPageController {

  private final OwnPassword passwords;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  PasswordPageController(OwnPassword passwords, CurrentUser currentUser, FormMessages forms) {
    this.passwords = passwords;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String form(Model model) {
    model.addAttribute("required", currentUser.passwordChangeRequired());
    model.addAttribute("passwordRule", forms.text("error.user.passwordPolicy", passwords.policy()));
    return "account/password";
  }

  @PostMapping
  String change(@RequestParam(required = false) String currentPassword,
      @RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
      Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).letConflictsThrough();
    return refusals.view(() -> {
      if (newPassword == null || !newPassword.equals(confirmPassword)) {
        throw new ValidationFailure(FieldProblem.of("confirmPassword", "user.passwordConfirm"));
      }
      passwords.change(currentPassword, newPassword);
      redirect.addFlashAttribute("passwordChanged", true);
      return "redirect:/account/password";
    }, () -> form(model));
  }
}
