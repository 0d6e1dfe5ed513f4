package org.epicommand.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.epicommand.analytics.Dashboard.Cumulative;
import org.epicommand.analytics.Dashboard.DashboardView;
import org.epicommand.analytics.Dashboard.Today;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Drafts the standard daily bulletin text (docs/domain.md §16: "11月10日0—24时，全市新增本土确诊病例3例（其中2例为此前报告的
 * 无症状感染者转归），新增本土无症状感染者5例……") from the dashboard's figures of a day. Counts and area names only.
 * The sentences are the {@code bulletin.text.*} messages, in Chinese whatever the editor's language.
 */
@Component
public class BulletinText {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private final MessageSource messages;

  BulletinText(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * @param area how the text names the area: 全市 for the city, else the district's name
   * @param withManagement whether to add the persons under management (known only as they are now: today)
   */
  public String draft(DashboardView view, String area, boolean withManagement) {
    LocalDate day = view.date();
    String month = Integer.toString(day.getMonthValue());
    String dayOfMonth = Integer.toString(day.getDayOfMonth());
    Today t = view.today();
    StringBuilder text = new StringBuilder();
    String conversions = t.conversions() > 0 ? text("bulletin.text.conversions", n(t.conversions())) : "";
    text.append(text("bulletin.text.day", month, dayOfMonth, area, n(t.localConfirmed()), conversions,
        n(t.localAsymptomatic()), n(t.importedConfirmed()), n(t.importedAsymptomatic())));
    long local = t.localConfirmed() + t.localAsymptomatic();
    if (local > 0) {
      long underControl = t.localConfirmedUnderControl() + t.localAsymptomaticUnderControl();
      text.append(text("bulletin.text.found", n(underControl), n(local - underControl)));
      List<String> districts = view.byDistrict().stream().filter(r -> r.localToday() > 0)
          .sorted((a, b) -> Long.compare(b.localToday(), a.localToday()))
          .map(r -> text("bulletin.text.district", r.name(), n(r.localToday()))).toList();
      // a city's bulletin says where the day's cases are, also when they are all in one district
      if (view.byDistrict().size() > 1 && !districts.isEmpty()) {
        text.append(text("bulletin.text.districts",
            districts.stream().collect(Collectors.joining(text("bulletin.text.separator")))));
      }
    }
    Cumulative c = view.cumulative();
    text.append(text("bulletin.text.cumulative", month, dayOfMonth, area, n(c.localConfirmed()),
        n(c.localAsymptomatic()), n(c.importedConfirmed()), n(c.importedAsymptomatic())));
    if (withManagement) {
      text.append(text("bulletin.text.management", area, n(view.underManagement()),
          n(view.managementByRegime().getOrDefault("CENTRALIZED", 0L))));
    }
    return text.toString();
  }

  public String cityArea() {
    return text("bulletin.text.cityArea");
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, CHINESE);
  }

  /** Plain digits (MessageFormat would group thousands: 1,234). */
  private static String n(long value) {
    return Long.toString(value);
  }
}
