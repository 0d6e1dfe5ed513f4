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
  }
}
