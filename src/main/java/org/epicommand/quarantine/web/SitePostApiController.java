package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.quarantine.SitePosts;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/quarantine/sites/{id}/staff}: the people on a site's posts and shifts against its standard,
 * with the gaps; site operators keep them (a site manager: only at their sites).
 */
@RestController
@RequestMapping("/api/v1/quarantine/sites/{id}")
@Tag(name = "Quarantine")
class SitePostApiController {

  /** Setting the site's own standard for a post: people per shift, or null for the default. */
  record Standard(Integer perShift) {}

  private final SitePosts posts;

  SitePostApiController(SitePosts posts) {
    this.posts = posts;
  }

  @Operation(summary = "Posts × shifts against the standard, the gaps and the people (404 outside the caller's sites)")
  @GetMapping("/staff")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  SitePosts.Staffing staffing(@PathVariable UUID id) {
    return posts.staffing(id);
  }

  @Operation(summary = "Puts a person on a post and shift inside the closed loop; 400 naming the fields")
  @PostMapping("/staff")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  SitePosts.Member add(@PathVariable UUID id, @RequestBody SitePosts.NewMember member) {
    return posts.add(id, member);
  }

  @Operation(summary = "The person leaves the site (the closed loop ends today); 409 naming the state when left")
  @PostMapping("/staff/{memberId}/leave")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  SitePosts.Member leave(@PathVariable UUID id, @PathVariable UUID memberId) {
    return posts.leave(id, memberId);
  }

  @Operation(summary = "Sets the site's own people per shift on a post (0–100; null: back to the default)")
  @PutMapping("/posts/{post}")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  SitePosts.Staffing standard(@PathVariable UUID id, @PathVariable String post, @RequestBody Standard standard) {
    SitePosts.Post which = java.util.Arrays.stream(SitePosts.Post.values()).filter(p -> p.name().equals(post))
        .findFirst().orElse(null);
    return posts.setStandard(id, which, standard == null ? null : standard.perShift());
  }
}
