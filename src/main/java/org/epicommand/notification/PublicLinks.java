package org.epicommand.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The application's public base URL ({@code epicommand.public-url}, {@code EPICOMMAND_PUBLIC_URL}, e.g.
 * {@code https://epi.example.gov.cn}): makes the paths in e-mails, texts and webhooks absolute. Without it a
 * link leaves as the bare path.
 */
@Component
public class PublicLinks {

  private final String base;

  PublicLinks(@Value("${epicommand.public-url:}") String base) {
    String trimmed = base == null ? "" : base.strip();
    this.base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  public boolean configured() {
    return !base.isEmpty();
  }

  /** {@code path} (starting with '/') under the public URL; null stays null. */
  public String absolute(String path) {
    if (path == null) {
      return null;
    }
    return base + path;
  }
}
