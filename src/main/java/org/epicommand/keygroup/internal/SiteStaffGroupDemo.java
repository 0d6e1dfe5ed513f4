package org.epicommand.keygroup.internal;

import org.epicommand.imports.ImportPrincipals;
import org.epicommand.keygroup.KeyGroups;
import org.epicommand.keygroup.NewKeyGroup;
import org.epicommand.keygroup.NewSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city's key group of quarantine-site staff (集中隔离点工作人员, tested daily, 3 days without a negative
 * blocks duty), defined through the facade before the quarantine demo puts its site staff on posts, so that they
 * join it. A real city defines the group with this code on the key-group page; until then site staff are kept
 * without it.
 */
@Component
@Order(19)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class SiteStaffGroupDemo implements ApplicationRunner {

  /** The code of the group (the quarantine module's SitePosts.KEY_GROUP). */
  static final String CODE = "QUARANTINE_SITE_STAFF";

  private static final Logger log = LoggerFactory.getLogger(SiteStaffGroupDemo.class);

  private final KeyGroups groups;
  private final ImportPrincipals principals;

  SiteStaffGroupDemo(KeyGroups groups, ImportPrincipals principals) {
    this.groups = groups;
    this.principals = principals;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (groups.exists(CODE)) {
      return;
    }
    try {
      principals.runAs("cdc", () -> groups.define(new NewKeyGroup(CODE, "集中隔离点工作人员",
          new NewSchedule(null, 1, null, null, 3, true, true, true, "第九版：隔离场所工作人员每日一次核酸检测"))));
      log.info("Demo key group of quarantine-site staff defined");
    } catch (RuntimeException e) {
      log.warn("Demo key group of quarantine-site staff not defined: {}", e.toString());
    }
  }
}
