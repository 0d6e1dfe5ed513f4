package org.epicommand.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import org.epicommand.platform.CityTimes;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Audit details read as sentences: who reported a health check, the reading and the symptoms in words. */
class AuditWordingTest {

  private static AuditWording in(Locale locale) {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new AuditWording(messages, locale, new CityTimes(ZoneId.of("Asia/Shanghai"), locale), (type, id) -> null);
  }

  @Test
  void healthChecksInWords() {
    AuditWording chinese = in(Locale.SIMPLIFIED_CHINESE);
    assertThat(chinese.detail("health check STAFF 38.1 °C [COUGH, SORE_THROAT]"))
        .isEqualTo("健康监测（工作人员登记）：38.1 °C，咳嗽、咽痛");
    assertThat(chinese.detail("health check SELF 36.5 °C")).isEqualTo("健康监测（本人申报）：36.5 °C");
    assertThat(in(Locale.ENGLISH).detail("health check HOUSEHOLD 37.4 °C"))
        .isEqualTo("Health check (reported by the household): 37.4 °C");
  }

  @Test
  void staffLedgerBlocksInWords() {
    AuditWording chinese = in(Locale.SIMPLIFIED_CHINESE);
    assertThat(chinese.detail("blocked from duty by key group COLD, off duty"))
        .isEqualTo("因重点人群 COLD 暂停上岗，已调离岗位");
    assertThat(chinese.detail("blocked from duty by key group COLD")).isEqualTo("因重点人群 COLD 暂停上岗");
    assertThat(chinese.detail("still blocked from duty by key group DRIVERS")).isEqualTo("仍因重点人群 DRIVERS 暂停上岗");
    assertThat(in(Locale.ENGLISH).detail("blocked from duty by key group COLD, off duty"))
        .isEqualTo("Blocked from duty by key group COLD, taken off duty");
    assertThat(chinese.detail("block from duty lifted")).isEqualTo("重点人群暂停上岗已解除");
    assertThat(in(Locale.ENGLISH).detail("block from duty lifted")).isEqualTo("Block from duty lifted");
  }

  @Test
  void keyGroupMembershipsEndingInWords() {
    AuditWording chinese = in(Locale.SIMPLIFIED_CHINESE);
    assertThat(chinese.detail("retired: ended after 2026-12-06")).isEqualTo("最后一天 2026-12-06 已过，退出重点人群");
    assertThat(in(Locale.ENGLISH).detail("retired: ended after 2026-12-06"))
        .isEqualTo("Left the key group: its last day, 2026-12-06, has passed");
    assertThat(chinese.detail("retired: left quarantine-site")).isEqualTo("已离开隔离点的最后岗位，退出重点人群");
  }

  @Test
  void drugRulesInWords() {
    AuditWording chinese = in(Locale.SIMPLIFIED_CHINESE);
    assertThat(chinese.detail("ANTIPYRETIC_ANALGESIC NO_SALE_TO_FEVER from 2026-12-07 in 990101"))
        .startsWith("药品销售规则：退热镇痛类发热者禁售，2026-12-07 起，");
    assertThat(chinese.detail("product ANTIVIRAL")).isEqualTo("药品目录新增药品（抗病毒类）");
    assertThat(chinese.detail("product corrected: 布洛芬 COUGH_EXPECTORANT_ANTIASTHMATIC -> 布洛芬缓释胶囊"
        + " ANTIPYRETIC_ANALGESIC")).isEqualTo("更正药品：布洛芬（止咳化痰平喘类）改为 布洛芬缓释胶囊（退热镇痛类）");
    assertThat(chinese.detail("product retired: 已停产")).isEqualTo("药品移出目录，原因：已停产");
    assertThat(chinese.detail("product restored")).isEqualTo("药品恢复到目录");
    assertThat(in(Locale.ENGLISH).detail("product retired: withdrawn")).isEqualTo(
        "Product taken off the drug catalogue. Reason: withdrawn");
  }

  @Test
  void pharmacyInspectionsInWords() {
    AuditWording chinese = in(Locale.SIMPLIFIED_CHINESE);
    assertThat(chinese.detail("inspection of 91990101MA0000001X on 2026-12-05: VIOLATION_FOUND, 2 unregistered buyers"))
        .isEqualTo("检查药店 91990101MA0000001X（2026-12-05）：发现违规，未登记购药人 2 名");
    assertThat(chinese.detail("inspections of the pharmacy")).isEqualTo("药店的检查记录");
    assertThat(in(Locale.ENGLISH).detail("inspection of X1 on 2026-12-05: COMPLIANT, 0 unregistered buyers"))
        .isEqualTo("Inspection of pharmacy X1 (2026-12-05): compliant, 0 unregistered buyers");
    assertThat(chinese.detail("unregistered buyer found by inspection 5b0c3f7e-0000-4000-8000-000000000001"))
        .startsWith("检查发现的未登记购药人（检查 ");
    assertThat(chinese.detail("inspection of 91990101MA0000001X withdrawn: 录错了药店"))
        .isEqualTo("撤销药店 91990101MA0000001X 的检查记录，原因：录错了药店");
    assertThat(in(Locale.ENGLISH).detail("inspection of X1 withdrawn: wrong pharmacy"))
        .isEqualTo("Inspection of pharmacy X1 withdrawn. Reason: wrong pharmacy");
    assertThat(chinese.detail("inspection of 91990101MA0000001X corrected: 人数写错"))
        .isEqualTo("更正药店 91990101MA0000001X 的检查发现，原因：人数写错");
    assertThat(in(Locale.ENGLISH).detail("inspection of X1 corrected: a typo"))
        .isEqualTo("Findings of the inspection of pharmacy X1 corrected. Reason: a typo");
    assertThat(chinese.detail("closed INSPECTION_WITHDRAWN: inspection 5b0c3f7e-0000-4000-8000-000000000001"))
        .isEqualTo("因检查记录撤销而关闭（检查 5b0c3f7e）");
  }
}
