package org.epicommand.account.web;

import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user ({@code me}) and their home division ({@code homeDivision}, where the
 * division picker starts) into every page's model.
 */
@ControllerAdvice(annotations = Controller.class)
class AccountPageModel {

  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;

  AccountPageModel(CurrentUser currentUser, Jurisdictions jurisdictions) {
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
  }

  @ModelAttribute("me")
  UserContext me() {
    return currentUser.find().orElse(null);
  }

  @ModelAttribute("homeDivision")
  Jurisdiction homeDivision() {
    return currentUser.find().map(UserContext::jurisdictionCode).flatMap(jurisdictions::find).orElse(null);
  }
}
