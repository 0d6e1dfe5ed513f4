package org.epicommand.account.internal;

import java.util.List;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Setup: accounts exist for the people who do the work, not only for administrators. */
@Component
class AccountSetup implements SetupCheck {

  private final JdbcClient jdbc;

  AccountSetup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<SetupItem> check() {
    long staff = jdbc.sql("""
        select count(*) from account_user
        where enabled and not roles && array['ADMIN', 'SECURITY_ADMIN', 'AUDITOR']::text[]
        """)
        .query(Long.class).single();
    return List.of(new SetupItem(20, "setup.area.accounts", "setup.staff", staff, staff > 0, "setup.staff.missing",
        "/users/new", "USER_ADMIN"));
  }
}
