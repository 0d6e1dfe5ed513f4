package org.epicommand.enterprise.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.OrganisationsChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The {@code enterprise_org} read model: each organisation as this module counts it — kept from
 * {@link OrganisationsChanged} (and ensured from a snapshot whenever this module works on an organisation
 * first), with its ledger's figures recounted after every ledger change and its approval after every
 * decision. The board and completeness read it alone.
 */
@Component
public class OrgFigures {

  private final JdbcClient jdbc;
  private final Clock clock;

  OrgFigures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(OrganisationsChanged event) {
    save(event.organisations());
  }

  /**
   * Takes these organisations' details over (new ones are added), set-based; an organisation already kept
   * as it is stays untouched (an import batch ensures its organisations every time).
   */
  public void save(Collection<OrganisationSnapshot> organisations) {
    if (organisations.isEmpty()) {
      return;
    }
    List<OrganisationSnapshot> list = List.copyOf(organisations);
    jdbc.sql("""
        insert into enterprise_org (organisation_id, credit_code, name, kind, sector, jurisdiction_code, district_code,
          path, headcount, cohorts, max_capacity, active, updated_at)
        select u.id, u.code, u.name, u.kind, u.sector, u.jurisdiction, u.district, u.path, u.headcount,
          string_to_array(u.cohorts, chr(31)), u.capacity, u.active, :now
        from unnest(:ids, :codes, :names, :kinds, :sectors, :jurisdictions, :districts, :paths, :headcounts, :cohorts,
          :capacities, :actives)
          as u (id, code, name, kind, sector, jurisdiction, district, path, headcount, cohorts, capacity, active)
        on conflict (organisation_id) do update set credit_code = excluded.credit_code, name = excluded.name,
          kind = excluded.kind, sector = excluded.sector, jurisdiction_code = excluded.jurisdiction_code,
          district_code = excluded.district_code, path = excluded.path, headcount = excluded.headcount,
          cohorts = excluded.cohorts, max_capacity = excluded.max_capacity, active = excluded.active,
          updated_at = excluded.updated_at
        where (enterprise_org.credit_code, enterprise_org.name, enterprise_org.kind, enterprise_org.sector,
               enterprise_org.jurisdiction_code, enterprise_org.district_code, enterprise_org.path,
               enterprise_org.headcount, enterprise_org.cohorts, enterprise_org.max_capacity, enterprise_org.active)
          is distinct from (excluded.credit_code, excluded.name, excluded.kind, excluded.sector,
               excluded.jurisdiction_code, excluded.district_code, excluded.path, excluded.headcount, excluded.cohorts,
               excluded.max_capacity, excluded.active)
        """)
        .param("ids", list.stream().map(o -> UUID.fromString(o.id())).toArray(UUID[]::new))
        .param("codes", list.stream().map(OrganisationSnapshot::creditCode).toArray(String[]::new))
        .param("names", list.stream().map(OrganisationSnapshot::name).toArray(String[]::new))
        .param("kinds", list.stream().map(o -> o.kind().name()).toArray(String[]::new))
        .param("sectors", list.stream().map(o -> o.sector().name()).toArray(String[]::new))
        .param("jurisdictions", list.stream().map(OrganisationSnapshot::jurisdictionCode).toArray(String[]::new))
        .param("districts", list.stream().map(OrganisationSnapshot::districtCode).toArray(String[]::new))
        .param("paths", list.stream().map(OrganisationSnapshot::path).toArray(String[]::new))
        .param("headcounts", list.stream().map(OrganisationSnapshot::headcount).toArray(Integer[]::new))
        .param("cohorts", list.stream().map(o -> String.join("\u001f", o.cohorts())).toArray(String[]::new))
        .param("capacities", list.stream().map(OrganisationSnapshot::maxCapacity).toArray(Integer[]::new))
        .param("actives", list.stream().map(OrganisationSnapshot::active).toArray(Boolean[]::new))
        .param("now", Timestamp.from(clock.instant())).update();
  }

  /** Recounts the ledgers of these organisations (staff, on duty, cleared on duty), writing only what moved. */
  public void recount(Collection<UUID> organisationIds) {
    if (organisationIds.isEmpty()) {
      return;
    }
    jdbc.sql("""
        update enterprise_org o set staff = coalesce(c.staff, 0), on_duty = coalesce(c.on_duty, 0),
          on_duty_cleared = coalesce(c.cleared, 0), updated_at = :now
        from (select i.id, count(s.id) as staff, count(s.id) filter (where s.on_duty) as on_duty,
                count(s.id) filter (where s.on_duty and not s.under_quarantine
                  and s.blocked_from_duty_at is null) as cleared
              from unnest(:ids) as i (id) left join enterprise_staff s on s.organisation_id = i.id group by i.id) c
        where o.organisation_id = c.id
          and (o.staff, o.on_duty, o.on_duty_cleared) is distinct from (coalesce(c.staff, 0), coalesce(c.on_duty, 0),
            coalesce(c.cleared, 0))
        """).param("ids", organisationIds.stream().distinct().toArray(UUID[]::new))
        .param("now", Timestamp.from(clock.instant())).update();
  }

  /** Whether the organisation counts as resumed (it has an approved application). */
  public void approved(UUID organisationId, boolean approved) {
    jdbc.sql("update enterprise_org set approved = :approved, updated_at = :now where organisation_id = :id")
        .param("id", organisationId).param("approved", approved).param("now", Timestamp.from(clock.instant())).update();
  }

  public void exposed(UUID organisationId) {
    jdbc.sql("update enterprise_org set exposed_at = :now where organisation_id = :id").param("id", organisationId)
        .param("now", Timestamp.from(clock.instant())).update();
  }
}
