package org.epicommand.organisation.internal;

import java.util.List;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Setup: organisations in the directory, and contacts bound to speak for them. */
@Component
class OrganisationSetup implements SetupCheck {

  private final JdbcClient jdbc;

  OrganisationSetup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<SetupItem> check() {
    long organisations = jdbc.sql("select count(*) from organisation where retired_at is null").query(Long.class)
        .single();
    long contacts = jdbc.sql("select count(*) from organisation_contact").query(Long.class).single();
    return List.of(
        new SetupItem(85, "setup.area.organisations", "setup.organisations", organisations, organisations > 0,
            "setup.organisations.missing", "/organisations"),
        new SetupItem(86, "setup.area.organisations", "setup.organisationContacts", contacts, contacts > 0,
            "setup.organisationContacts.missing", "/organisations"));
  }
}
