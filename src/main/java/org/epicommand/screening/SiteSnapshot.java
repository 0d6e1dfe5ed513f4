package org.epicommand.screening;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.Organisation;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A round's sites taken from the organisation directory when the round starts (the starter's scope reaches them). */
@Component
class SiteSnapshot {

  private static final int PAGE = 500;

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final Jurisdictions jurisdictions;

  SiteSnapshot(JdbcClient jdbc, Organisations organisations, Jurisdictions jurisdictions) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.jurisdictions = jurisdictions;
  }

  /**
   * Takes the directory's active organisations in {@code scopes} as the round's sites — construction
   * sites when the round targets them, the other kinds when it targets organisations — and counts them
   * in the rollup rows. Runs inside the round's start.
   */
  void snapshot(UUID roundId, List<ScreeningRound.Target> targets, List<JurisdictionScope> scopes) {
    boolean others = targets.contains(ScreeningRound.Target.ORGANISATIONS);
    boolean sites = targets.contains(ScreeningRound.Target.CONSTRUCTION_SITES);
    if (!others && !sites) {
      return;
    }
    Map<String, String> paths = new HashMap<>();
    for (JurisdictionScope scope : scopes) {
      OrganisationKind only = others ? null : OrganisationKind.CONSTRUCTION_SITE;
      PageResult<Organisation> page;
      int index = 0;
      do {
        page = organisations.list(new Organisations.Filter(scope.code(), only, null, true, null),
            Paging.of(index++, PAGE));
        for (Organisation o : page.items()) {
          boolean site = o.kind() == OrganisationKind.CONSTRUCTION_SITE;
          if (site ? sites : others) {
            String path = paths.computeIfAbsent(o.jurisdictionCode(),
                c -> jurisdictions.find(c).map(Jurisdiction::path).orElse(null));
            insert(roundId, site ? Site.Kind.CONSTRUCTION_SITE : Site.Kind.ORGANISATION, o, path);
          }
        }
      } while (page.hasMore());
    }
    jdbc.sql("""
        insert into screening_rollup (round_id, jurisdiction_path, households, residents, sites)
        select round_id, jurisdiction_path, 0, 0, count(*) from screening_site where round_id = ?
        group by round_id, jurisdiction_path
        on conflict (round_id, jurisdiction_path) do update set sites = excluded.sites
        """).param(roundId).update();
  }

  private void insert(UUID roundId, Site.Kind kind, Organisation o, String path) {
    jdbc.sql("""
        insert into screening_site (id, round_id, kind, organisation_id, credit_code, name, address, jurisdiction_code,
          jurisdiction_path, headcount, contact_name, contact_phone)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
        """).params(UUID.randomUUID(), roundId, kind.name(), o.id(), o.creditCode(), o.name(), o.address(),
        o.jurisdictionCode(), path, o.headcount(), o.contactName(), o.contactPhone()).update();
  }

}
