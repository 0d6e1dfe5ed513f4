package org.epicommand.account.internal;

import java.security.SecureRandom;
import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode there is no default password: on an empty database the first administrator
 * {@code admin} gets the password from {@code EPICOMMAND_ADMIN_PASSWORD}, or a generated one that is
 * printed to the log once. An empty division tree gets a placeholder root the administrator can
 * import real divisions under.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final UserAdministration users;
  private final Jurisdictions jurisdictions;
  private final AccountProperties properties;
  private final boolean demo;

  AdminBootstrap(UserAdministration users, Jurisdictions jurisdictions, AccountProperties properties,
      org.springframework.core.env.Environment environment) {
    this.users = users;
    this.jurisdictions = jurisdictions;
    this.properties = properties;
    this.demo = environment.getProperty("epicommand.demo.enabled", Boolean.class, false);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (demo || users.count() > 0) {
      return;
    }
    Jurisdiction root = jurisdictions.roots().stream().findFirst()
        .orElseGet(() -> jurisdictions.save("000000", null, "全国", JurisdictionLevel.PROVINCE, null));
    String password = properties.adminPassword();
    boolean generated = password == null || password.isBlank();
    if (generated) {
      password = generatePassword();
    }
    users.create("admin", "Administrator", password, Set.of(Role.ADMIN), root.code());
    if (generated) {
      log.warn("First administrator created: username 'admin', password '{}' — change it after signing in."
          + " (Set EPICOMMAND_ADMIN_PASSWORD to choose it.)", password);
    } else {
      log.info("First administrator 'admin' created with the password from EPICOMMAND_ADMIN_PASSWORD");
    }
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
