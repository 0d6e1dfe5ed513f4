package org.epicommand.tracing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.CaseSummary;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.shared.Paging;
import org.epicommand.tracing.ContactCategory;
import org.epicommand.tracing.ContactType;
import org.epicommand.tracing.Contacts;
import org.epicommand.tracing.Investigation;
import org.epicommand.tracing.Investigations;
import org.epicommand.tracing.NewVenue;
import org.epicommand.tracing.NewContact;
import org.epicommand.tracing.TrajectoryEntry;
import org.epicommand.tracing.TransportMode;
import org.epicommand.tracing.VenueType;
import org.epicommand.tracing.Venues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo investigation work (once: nothing happens when the demo venues exist): ten venues in the
 * first district and a retired eleventh, registered through the venue registry, and the two newest demo cases assigned
 * to {@code cdc} with a trajectory and two
 * close contacts each (whose quarantine orders then open by themselves).
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class DemoTracingWork implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoTracingWork.class);
  private static final String FIRST_VENUE = "DEMO-V01";
  private static final String RETIRED_VENUE = "DEMO-V11";

  private final ImportPrincipals principals;
  private final Venues venues;
  private final CaseRegistry cases;
  private final PersonRegistry persons;
  private final Investigations investigations;
  private final Contacts contacts;
  private final Clock clock;

  DemoTracingWork(ImportPrincipals principals, Venues venues, CaseRegistry cases,
      PersonRegistry persons, Investigations investigations, Contacts contacts, Clock clock) {
    this.principals = principals;
    this.venues = venues;
    this.cases = cases;
    this.persons = persons;
    this.investigations = investigations;
    this.contacts = contacts;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (venues.find(FIRST_VENUE).isPresent()) {
      return;
    }
    principals.runAs("cdc", () -> {
      try {
        String[] names = {"滨江生鲜超市", "东湖农贸市场", "江畔火锅店", "城东药房", "东湖小学", "市第一人民医院发热门诊",
            "滨江汽车站", "湖景酒店", "星光KTV", "城东写字楼"};
        VenueType[] types = {VenueType.SUPERMARKET, VenueType.MARKET, VenueType.RESTAURANT, VenueType.PHARMACY,
            VenueType.SCHOOL, VenueType.HOSPITAL, VenueType.TRANSPORT, VenueType.HOTEL, VenueType.ENTERTAINMENT,
            VenueType.OFFICE};
        for (int i = 0; i < names.length; i++) {
          // the demo city lies nowhere: coordinates around a point of the map, a few hundred metres apart
          venues.register(new NewVenue(String.format("DEMO-V%02d", i + 1), names[i], "东湖区" + (i + 1) + "号",
              types[i], "990101", 30.2741 + 0.004 * (i % 4), 120.1551 + 0.005 * (i / 4)));
        }
        venues.register(new NewVenue(RETIRED_VENUE, "东湖百货（已停业）", "东湖区11号", VenueType.SHOP, "990101", null,
            null));
        venues.retire(RETIRED_VENUE);
        List<CaseSummary> newest = cases.list(null, null, null, Paging.of(0, 2)).items();
        List<PersonSummary> people = persons.search(null, "990101", Paging.of(1, 30)).items();
        LocalDate today = LocalDate.now(clock);
        int next = 0;
        for (CaseSummary c : newest) {
          Investigation investigation = investigations.ofCase(UUID.fromString(c.id()));
          UUID id = UUID.fromString(investigation.id());
          investigations.assign(id, "cdc");
          OffsetDateTime morning = today.minusDays(1).atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime();
          investigations.addEntry(id, new TrajectoryEntry(null, null, "DEMO-V01", "滨江生鲜超市", null, null, morning,
              morning.plusMinutes(40), "购物", TransportMode.BUS, "12路", null));
          investigations.addEntry(id, new TrajectoryEntry(null, null, "DEMO-V03", "江畔火锅店", null, null,
              morning.plusHours(9), morning.plusHours(11), "聚餐", TransportMode.TAXI, null, null));
          for (int k = 0; k < 2 && next < people.size(); k++, next++) {
            contacts.add(UUID.fromString(c.id()), new NewContact(people.get(next).id(), ContactCategory.CLOSE,
                k == 0 ? ContactType.HOUSEHOLD : ContactType.MEAL, today.minusDays(1), null, null, null));
          }
        }
        log.info("Demo tracing work seeded: 11 venues (1 retired), {} investigations with trajectories and contacts",
            newest.size());
      } catch (RuntimeException e) {
        log.warn("demo tracing work not seeded: {}", e.toString());
      }
    });
  }
}
