package org.epicommand.quarantine.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.LatLon;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.quarantine.NewOrder;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderSource;
import org.epicommand.quarantine.QuarantineOrder;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.quarantine.QuarantineRoom;
import org.epicommand.quarantine.QuarantineSite;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.quarantine.SitePosts;
import org.epicommand.quarantine.RoomState;
import org.epicommand.quarantine.SiteStaff;
import org.epicommand.quarantine.SiteStays;
import org.epicommand.quarantine.Symptom;
import org.epicommand.shared.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: three sites with rooms and, in the first district, persons under each regime —
 * close contacts awaiting transfer and checked in, secondary contacts at home with health checks
 * (one with a fever), arrivals from a medium-risk area. Runs once (when no site exists yet).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class QuarantineDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(QuarantineDemo.class);
  private static final String FIRST_SITE = "BJ-Q01";
  /** The demo account of the site manager. */
  private static final String SITE_MANAGER = "site";
  static final String DISTRICT = "990101";

  private final QuarantineSites sites;
  private final QuarantineOrders orders;
  private final SiteStays stays;
  private final HealthChecks checks;
  private final PersonRegistry persons;
  private final ImportPrincipals principals;
  private final SiteStaff staff;
  private final Clock clock;
  private final DivisionBoundaries boundaries;
  private final SitePosts posts;

  QuarantineDemo(QuarantineSites sites, QuarantineOrders orders, SiteStays stays, HealthChecks checks,
      PersonRegistry persons, ImportPrincipals principals, SiteStaff staff, Clock clock,
      DivisionBoundaries boundaries, SitePosts posts) {
    this.posts = posts;
    this.staff = staff;
    this.boundaries = boundaries;
    this.sites = sites;
    this.orders = orders;
    this.stays = stays;
    this.checks = checks;
    this.persons = persons;
    this.principals = principals;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    principals.runAs("commander", () -> {
      if (sites.list().isEmpty()) {
        seed();
      }
    });
    // the demo site manager runs the first site (bound by the administrator, as on the site-staff page)
    principals.runAs("admin", () -> sites.list().stream().filter(s -> s.code().equals(FIRST_SITE)).findFirst()
        .map(QuarantineSite::id)
        .filter(id -> staff.staff(id).stream().noneMatch(b -> b.username().equals(SITE_MANAGER)))
        .ifPresent(id -> staff.bind(id, SITE_MANAGER)));
    principals.runAs("commander", this::posts);
  }

  /**
   * The first site's people on posts, once (some shifts left open: the page shows the gaps): residents of the
   * first district past those put under orders, so that they join the key group of site staff when it exists.
   */
  private void posts() {
    sites.list().stream().filter(s -> s.code().equals(FIRST_SITE)).findFirst().map(s -> UUID.fromString(s.id()))
        .filter(id -> posts.staffing(id).staff().isEmpty()).ifPresent(id -> {
          LocalDate today = LocalDate.now(clock);
          String[][] people = {{"MANAGER", "DAY"}, {"MEDICAL", "DAY"}, {"MEDICAL", "EVENING"}, {"SECURITY", "DAY"},
              {"SECURITY", "DAY"}, {"CLEANING", "DAY"}, {"SECURITY", "NIGHT"}, {"CATERING", "DAY"}};
          List<PersonSummary> workers = persons.search(null, DISTRICT, new Paging(0, 48)).items();
          for (int i = 0; i < people.length && 40 + i < workers.size(); i++) {
            posts.add(id, new SitePosts.NewMember(workers.get(40 + i).id(), null,
                SitePosts.Post.valueOf(people[i][0]), SitePosts.Shift.valueOf(people[i][1]), today.minusDays(2),
                today.plusDays(12)));
          }
        });
  }

  private void seed() {
    QuarantineSite first = site(FIRST_SITE, "滨江宾馆集中隔离点", "990101", 101, 160);
    site("BJ-Q02", "江北公寓集中隔离点", "990102", 201, 260);
    site("BJ-Q03", "城南酒店集中隔离点", "990103", 301, 340);
    // ordered by jurisdiction: the first community's persons first (the demo "community" user's)
    List<PersonSummary> people = persons.search(null, DISTRICT, new Paging(0, 40)).items();
    if (people.size() < 30) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    List<QuarantineRoom> free = sites.rooms(UUID.fromString(first.id()), RoomState.FREE);
    IntStream.range(0, 10).forEach(i -> {
      QuarantineOrder order = open(people.get(i), OrderReason.CLOSE_CONTACT, today.minusDays(2));
      if (i < 6) {
        stays.checkIn(UUID.fromString(order.id()), UUID.fromString(free.get(i).id()));
      }
    });
    IntStream.range(10, 22).forEach(i -> {
      QuarantineOrder order = open(people.get(i), OrderReason.SECONDARY_CONTACT, today.minusDays(3));
      UUID id = UUID.fromString(order.id());
      if (i % 3 != 0) {
        checks.recordByStaff(id, new BigDecimal(i == 11 ? "37.6" : "36.5"), i == 11 ? List.of(Symptom.COUGH)
            : List.of());
      }
    });
    IntStream.range(22, 30).forEach(i -> open(people.get(i), OrderReason.MEDIUM_RISK_AREA_ARRIVAL,
        today.minusDays(1)));
    log.info("Demo quarantine seeded: 3 sites, 30 orders in district {}", DISTRICT);
  }

  private QuarantineSite site(String code, String name, String district, int from, int to) {
    // on the map: inside the district's second street (the first street holds the district's busiest places)
    Optional<LatLon> at = boundaries.labelPoint(district + "002");
    QuarantineSite site = sites.create(new QuarantineSites.NewSite(code, name, "滨江市" + name, district, null, null,
        null, at.map(LatLon::lat).orElse(null), at.map(LatLon::lon).orElse(null)));
    sites.addRooms(UUID.fromString(site.id()), null,
        IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList());
    return site;
  }

  private QuarantineOrder open(PersonSummary person, OrderReason reason, LocalDate anchor) {
    return orders.openForPlatform(new NewOrder(UUID.fromString(person.id()), reason, anchor, "V9",
        OrderSource.MANUAL, "demo"));
  }
}
