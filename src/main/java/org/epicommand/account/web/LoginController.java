package org.epicommand.account.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; in demo mode it lists the demo accounts (API.md, "Demo mode"). */
@Controller
class LoginController {

  static final List<String> DEMO_ACCOUNTS = List.of("admin", "commander", "cdc", "district", "community", "lab",
      "site", "inspector", "auditor");

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("demoAccounts", DEMO_ACCOUNTS);
    return "login";
  }
}
