package org.epicommand.quarantine.web;

import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.quarantine.SitePosts;
import org.epicommand.quarantine.SiteStaff;
import org.epicommand.shared.TypedDay;
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
 * {@code /quarantine/sites/{id}/staff}: a site's posts × shifts against its standard with the gaps, its people,
 * the form that puts one on a post and the button that lets one leave (a phone-sized page).
 */
@Controller
@RequestMapping("/quarantine/sites/{id}/staff")
@PreAuthorize("hasAuthority('QUARANTINE_READ')")
class SitePostPageController implements QuarantinePages.Page {

  private final SitePosts posts;
  private final SiteStaff siteStaff;
  private final QuarantinePages pages;

  SitePostPageController(SitePosts posts, SiteStaff siteStaff, QuarantinePages pages) {
    this.posts = posts;
    this.siteStaff = siteStaff;
    this.pages = pages;
  }

  @GetMapping
  String page(@PathVariable UUID id, Model model) {
    model.addAttribute("staffing", posts.staffing(id));
    model.addAttribute("worksHere", siteStaff.worksAt(id));
    model.addAttribute("postKinds", SitePosts.Post.values());
    model.addAttribute("shiftKinds", SitePosts.Shift.values());
    return "quarantine/site-posts";
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String add(@PathVariable UUID id, @RequestParam(required = false) String personId,
      @RequestParam(required = false) String phone, @RequestParam(required = false) SitePosts.Post post,
      @RequestParam(required = false) SitePosts.Shift shift, @RequestParam(required = false) String loopFrom,
      @RequestParam(required = false) String loopTo, RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id + "/staff", "qp.posts.added", () -> posts.add(id,
        new SitePosts.NewMember(personId, phone, post, shift, date(loopFrom, "loopFrom"), date(loopTo, "loopTo"))));
  }

  /** The person picker's hits for this site's staff form (the registry's scoped search, masked, at most 8). */
  @GetMapping(path = "/picker", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  org.epicommand.shared.PageResult<org.epicommand.person.PersonSummary> picker(@PathVariable UUID id,
      @RequestParam(required = false) String q) {
    return posts.candidates(id, q);
  }

  @PostMapping("/{memberId}/leave")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String leave(@PathVariable UUID id, @PathVariable UUID memberId, RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id + "/staff", "qp.posts.leftNotice",
        () -> posts.leave(id, memberId));
  }

  private static LocalDate date(String value, String field) {
    return TypedDay.parse(value, field, "quarantine.post.date");
  }
}
