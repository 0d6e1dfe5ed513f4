package org.epicommand.account.internal;

import java.time.Clock;
import java.util.List;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionRootCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a new installation exists before any division does. When the first
 * divisions import creates the root of the tree, the administrator is placed there — in the same
 * transaction, so the import's answer already finds them placed.
 */
@Component
class AdminPlacement {

  private static final Logger log = LoggerFactory.getLogger(AdminPlacement.class);

  private final UserAccess users;
  private final CachingAuthenticationProvider logins;
  private final AuditTrail audit;
  private final Clock clock;

  AdminPlacement(UserAccess users, CachingAuthenticationProvider logins, AuditTrail audit, Clock clock) {
    this.users = users;
    this.logins = logins;
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void on(JurisdictionRootCreated created) {
    place(created.code());
  }

  /** Places every account that has no home jurisdiction at {@code rootCode}. */
  void place(String rootCode) {
    List<UserAccess.Placed> placed = users.placeUnplaced(rootCode, clock.instant());
    for (UserAccess.Placed account : placed) {
      logins.forget(account.username());
      audit.record(AuditAction.UPDATE, "USER", account.id().toString(),
          "username=" + account.username() + " jurisdiction=" + rootCode + " (placed at the new root division)");
      log.info("Account '{}' placed at the root division {}", account.username(), rootCode);
    }
  }

  /** Takes the accounts placed at a placeholder division away from it, before it is removed. */
  void unplace(String placeholderCode) {
    users.unplace(placeholderCode, clock.instant()).forEach(logins::forget);
  }
}
