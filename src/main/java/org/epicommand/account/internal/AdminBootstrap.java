package org.epicommand.account.internal;

import java.security.SecureRandom;
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
 * Outside demo mode there is no default password: on an empty database the first administrator
 * {@code admin} gets the password from {@code EPICOMMAND_ADMIN_PASSWORD}, or a generated one that is
 * printed to the log once. On an empty division tree the administrator has no home jurisdiction
 * until the first divisions import creates the root ({@link AdminPlacement}); no placeholder
 * division is made. The placeholder root "000000 全国" that earlier versions created is removed
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
    if (demo || users.count() > 0) {
      return;
    }
    String root = jurisdictions.roots().stream().findFirst().map(Jurisdiction::code).orElse(null);
    String password = properties.adminPassword();
    boolean generated = password == null || password.isBlank();
    if (generated) {
      password = generatePassword();
    }
    users.createFirstAdministrator("admin", "Administrator", password, root);
    if (generated) {
      log.warn("First administrator created: username 'admin', password '{}' — change it after signing in."
          + " (Set EPICOMMAND_ADMIN_PASSWORD to choose it.)", password);
    } else {
      log.info("First administrator 'admin' created with the password from EPICOMMAND_ADMIN_PASSWORD");
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
