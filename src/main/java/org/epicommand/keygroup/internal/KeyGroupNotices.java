package org.epicommand.keygroup.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.keygroup.EnvironmentSamplePositive;
import org.epicommand.keygroup.KeyGroupBlocksChanged;
import org.epicommand.keygroup.KeyGroupMembersBlocked;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who hears from key groups and environmental monitoring, in their inbox: the CDC (epidemiologists at every level
 * of the site's division path) of a positive environmental sample; an organisation's contacts and its 属地 (the staff
 * of its division and district) of its members newly blocked from duty.
 */
@Component
class KeyGroupNotices {

  /** The 属地: district, street and community staff. */
  static final Set<Role> LOCAL_STAFF = Set.of(Role.DISTRICT_STAFF, Role.STREET_STAFF, Role.COMMUNITY_WORKER);
  static final int NAMES_SHOWN = 20;

  private final Notifications notifications;
  private final Organisations organisations;

  KeyGroupNotices(Notifications notifications, Organisations organisations) {
    this.notifications = notifications;
    this.organisations = organisations;
  }

  @ApplicationModuleListener
  void on(EnvironmentSamplePositive event) {
    String title = "环境样本阳性：" + event.siteName() + "（" + event.barcode() + "）";
    String body = "监测场所「" + event.siteName() + "」的环境样本 " + event.barcode()
        + " 检测阳性，已开启场所处置（封闭、消毒、追踪暴露人员、复采）。";
    for (String code : event.jurisdictionPath().substring(1).split("/")) {
      notifications.send(Notice.toRoles(code, Set.of(Role.EPIDEMIOLOGIST), "ENV_SAMPLE_POSITIVE", title, body,
          "/environment"));
    }
  }

  /**
   * Each organisation with members newly blocked hears of them (a lifted block is not announced): the organisations
   * and their contacts found at once for the whole event, the 属地 of each division looked up once.
   */
  @ApplicationModuleListener
  void on(KeyGroupBlocksChanged event) {
    Set<String> codes = new LinkedHashSet<>();
    event.blocked().forEach(b -> {
      if (b.organisationCode() != null) {
        codes.add(b.organisationCode());
      }
    });
    Map<String, OrganisationSnapshot> orgs = organisations.findForPlatform(codes);
    Map<String, List<String>> contacts = organisations.contactsOf(orgs.keySet());
    List<Notice> notices = new ArrayList<>();
    for (KeyGroupMembersBlocked blocked : event.blocked()) {
      OrganisationSnapshot org = blocked.organisationCode() == null ? null : orgs.get(blocked.organisationCode());
      if (org != null) {
        notices.addAll(announce(org, blocked.names(), contacts.getOrDefault(org.creditCode(), List.of())));
      }
    }
    notifications.sendAll(notices);
  }

  /** The notices of an organisation's members newly blocked: to its contacts, and to its 属地. */
  private static List<Notice> announce(OrganisationSnapshot org, List<String> names, List<String> contacts) {
    String title = org.name() + "：" + names.size() + " 名重点人员暂停上岗";
    String body = "以下人员在规定天数内无阴性检测结果，应暂停上岗并尽快采样："
        + String.join("、", names.subList(0, Math.min(names.size(), NAMES_SHOWN)))
        + (names.size() > NAMES_SHOWN ? " 等 " + names.size() + " 人" : "");
    String link = "/keygroups/overdue?state=BLOCKED_FROM_DUTY";
    List<Notice> notices = new ArrayList<>();
    if (!contacts.isEmpty()) {
      notices.add(Notice.toUsers(contacts, "KEYGROUP_BLOCKED", title, body, link));
    }
    Set<String> local = new LinkedHashSet<>();
    local.add(org.jurisdictionCode());
    if (org.districtCode() != null) {
      local.add(org.districtCode());
    }
    local.forEach(code -> notices.add(Notice.toRoles(code, LOCAL_STAFF, "KEYGROUP_BLOCKED", title, body, link)));
    return notices;
  }
}
