package org.epicommand.analytics.web;

import java.time.LocalDate;
import org.epicommand.analytics.Bulletins;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code /public/bulletins} and {@code /public/bulletins/{date}}: the published bulletins, no login (信息发布). */
@Controller
@RequestMapping("/public/bulletins")
class PublicBulletinPageController {

  private final Bulletins bulletins;

  PublicBulletinPageController(Bulletins bulletins) {
    this.bulletins = bulletins;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("bulletins", bulletins.published());
    model.addAttribute("one", null);
    return "analytics/public-bulletins";
  }

  @GetMapping("/{date}")
  String one(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
    model.addAttribute("bulletins", java.util.List.of(bulletins.publishedOn(date)));
    model.addAttribute("one", date);
    return "analytics/public-bulletins";
  }
}
