package org.epicommand.account.web;

import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user ({@code me}) into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class AccountPageModel {

  private final CurrentUser currentUser;

  AccountPageModel(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @ModelAttribute("me")
  UserContext me() {
    return currentUser.find().orElse(null);
  }
}
