package org.epicommand.supplies;

import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Price alerts to the inbox of the commerce bureau and market regulation's price staff ({@code PRICE_OFFICER})
 * of the market's division and every division above it — not the supplies group, whose work is stock. An alert
 * is published once per market, commodity, day and kind, so each reaches the inbox once.
 */
@Component
class PriceNotices {

  static final String KIND = "PRICE_ALERT";

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final Jurisdictions jurisdictions;
  private final MessageSource messages;

  PriceNotices(JdbcClient jdbc, Notifications notifications, Jurisdictions jurisdictions, MessageSource messages) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.jurisdictions = jurisdictions;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void on(PriceAlertRaised event) {
    var market = jdbc.sql("select name, jurisdiction_code from price_market where code = :code")
        .param("code", event.marketCode()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .optional();
    if (market.isEmpty()) {
      return;
    }
    // notices are written in the platform's first language, whoever's thread raised the alert
    var locale = java.util.Locale.SIMPLIFIED_CHINESE;
    String title = messages.getMessage("prices.notice.title", new Object[] {market.get()[0],
        messages.getMessage("prices.commodity." + event.commodity(), null, event.commodity(), locale),
        messages.getMessage("prices.alert." + event.kind(), null, locale), event.day().toString()}, locale);
    for (Jurisdiction division : jurisdictions.ancestry(market.get()[1])) {
      notifications.send(Notice.toRoles(division.code(), Set.of(Role.PRICE_OFFICER), KIND, title, null,
          "/prices?market=" + event.marketCode() + "&commodity=" + event.commodity() + "&day=" + event.day()));
    }
  }
}
