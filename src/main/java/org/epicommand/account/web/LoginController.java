package org.epicommand.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.epicommand.account.internal.Captcha;
import org.epicommand.account.internal.LoginFormGuard;
import org.epicommand.account.internal.LoginThrottle;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; in demo mode it lists the demo accounts (docs/api.md, "Demo mode"). After repeated
 * failures from the client's address it shows a CAPTCHA, and when the address must wait it says
 * how long — the same for every username.
 */
@Controller
class LoginController {

  static final List<String> DEMO_ACCOUNTS = List.of("admin", "security", "auditor", "kiosk",
      "commander", "office", "cdc", "medical", "district", "street", "community", "lab", "site", "hospital",
      "inspector", "pharmacy", "clinic", "unit", "vaccinator", "keeper", "volunteer", "tipoff", "price");

  private final LoginThrottle throttle;
  private final Captcha captcha;

  LoginController(LoginThrottle throttle, Captcha captcha) {
    this.throttle = throttle;
    this.captcha = captcha;
  }

  @GetMapping("/login")
  String login(HttpServletRequest request, Model model) {
    model.addAttribute("demoAccounts", DEMO_ACCOUNTS);
    model.addAttribute("captchaRequired", throttle.captchaRequired(request.getRemoteAddr()));
    HttpSession session = request.getSession(false);
    Object seconds = session == null ? null : session.getAttribute(LoginFormGuard.RETRY_AFTER);
    if (seconds != null) {
      session.removeAttribute(LoginFormGuard.RETRY_AFTER);
    }
    model.addAttribute("retryAfter", seconds);
    return "login";
  }

  /** A new CAPTCHA for the session: its answer stays in the session, the image goes to the page. */
  @GetMapping("/login/captcha")
  ResponseEntity<byte[]> captcha(HttpServletRequest request) {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
        .body(captcha.issue(request.getSession()));
  }
}
