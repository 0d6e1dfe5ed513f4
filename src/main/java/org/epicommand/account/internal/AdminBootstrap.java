package org.epicommand.account.internal;

import java.security.SecureRandom;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outside demo mode there is no default password, and the administration is divided from the start
 * (三员分立): when no account holds it yet, the system administrator {@code admin}, the security
 * administrator {@code security} and the audit administrator {@code auditor} are created, each with
 * the password from {@code EPICOMMAND_ADMIN_PASSWORD}, {@code EPICOMMAND_SECURITY_PASSWORD} or
 * {@code EPICOMMAND_AUDITOR_PASSWORD}, or a generated one that is printed to the log once and must
 * be changed at the first login. (An installation of an earlier version, with only its
 * administrator, gains the other two this way.) On an empty division tree they have no home
 * jurisdiction until the first divisions import creates the root ({@link AdminPlacement}); no
 * placeholder division is made. The placeholder root "000000 全国" that earlier versions created is removed
 * here once it is still empty, and its accounts move to the real root (or wait for it).
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  /** The placeholder root of earlier versions. */
  static final String PLACEHOLDER_CODE = "000000";
  static final String PLACEHOLDER_NAME = "全国";

  private final UserAdministration users;
  private final Jurisdictions jurisdictions;
  private final AdminPlacement placement;
  private final AccountProperties properties;
  private final TransactionTemplate transactions;
  private final boolean demo;

  AdminBootstrap(UserAdministration users, Jurisdictions jurisdictions, AdminPlacement placement,
      AccountProperties properties, TransactionTemplate transactions,
      org.springframework.core.env.Environment environment) {
    this.users = users;
    this.jurisdictions = jurisdictions;
    this.placement = placement;
    this.properties = properties;
    this.transactions = transactions;
    this.demo = environment.getProperty("epicommand.demo.enabled", Boolean.class, false);
  }

  @Override
  public void run(ApplicationArguments args) {
    transactions.executeWithoutResult(status -> removePlaceholderRoot());
    if (demo) {
      return;
    }
    String root = jurisdictions.roots().stream().findFirst().map(Jurisdiction::code).orElse(null);
    administrator(Role.ADMIN, "admin", "System administrator", properties.adminPassword(), "EPICOMMAND_ADMIN_PASSWORD",
        root);
    administrator(Role.SECURITY_ADMIN, "security", "Security administrator", properties.securityPassword(),
        "EPICOMMAND_SECURITY_PASSWORD", root);
    administrator(Role.AUDITOR, "auditor", "Audit administrator", properties.auditorPassword(),
        "EPICOMMAND_AUDITOR_PASSWORD", root);
  }

  /** Creates the first holder of an administrator role, unless someone holds it or the username is taken. */
  private void administrator(Role role, String username, String displayName, String password, String variable,
      String root) {
    if (users.anyoneHolds(role) || users.findByUsername(username).isPresent()) {
      return;
    }
    boolean generated = password == null || password.isBlank();
    String chosen = generated ? generatePassword() : password;
    users.createFirstAdministrator(username, displayName, chosen, role, root, generated);
    if (generated) {
      log.warn("First administrator created: username '{}' ({}), password '{}' — it must be changed at the first"
          + " login. (Set {} to choose it.)", username, role, chosen, variable);
    } else {
      log.info("First administrator '{}' ({}) created with the password from {}", username, role, variable);
    }
  }

  /** The empty "000000 全国" root of earlier versions goes; its accounts go to the real root or wait for it. */
  private void removePlaceholderRoot() {
    boolean placeholder = jurisdictions.find(PLACEHOLDER_CODE)
        .filter(j -> j.parentCode() == null && PLACEHOLDER_NAME.equals(j.name())).isPresent()
        && jurisdictions.children(PLACEHOLDER_CODE).isEmpty();
    if (!placeholder) {
      return;
    }
    placement.unplace(PLACEHOLDER_CODE);
    jurisdictions.removeLeaf(PLACEHOLDER_CODE);
    jurisdictions.roots().stream().findFirst().ifPresent(root -> placement.place(root.code()));
    log.info("Removed the empty placeholder division {} {}", PLACEHOLDER_CODE, PLACEHOLDER_NAME);
  }

  private static String generatePassword() {
    String letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    String digits = "23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      String pool = i % 4 == 3 ? digits : letters;
      password.append(pool.charAt(random.nextInt(pool.length())));
    }
    return password.toString();
  }
}
