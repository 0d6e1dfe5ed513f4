package org.epicommand.lockdown.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.lockdown.OutingPass;
import org.epicommand.lockdown.OutingPasses;
import org.epicommand.lockdown.Manpower;
import org.epicommand.lockdown.Post;
import org.epicommand.lockdown.Posts;
import org.epicommand.lockdown.SealedArea;
import org.epicommand.lockdown.SealedAreas;
import org.epicommand.lockdown.ServiceRequest;
import org.epicommand.lockdown.ServiceRequests;
import org.epicommand.lockdown.VulnerablePerson;
import org.epicommand.lockdown.VulnerablePersons;
import org.epicommand.lockdown.Worker;
import org.epicommand.person.Household;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode, through the same facades as the pages: one sealed area over the first community,
 * activated, with a gate and a building post, four people of the pool on the current shift (the
 * gate one person short, so a gap shows; the volunteer linked to the demo account {@code volunteer}), a
 * vulnerable person living alone, two service requests (her medicine first, the groceries assigned to
 * the volunteer) and an outing pass for medical care.
 * Runs once (when no area exists yet).
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class LockdownDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LockdownDemo.class);
  private static final String COMMUNITY = "990101001001";
  /** The demo volunteer's account (made by the demo seeder), linked to the pool's volunteer. */
  private static final String VOLUNTEER = "volunteer";

  private final SealedAreas areas;
  private final Posts posts;
  private final Manpower manpower;
  private final ServiceRequests requests;
  private final OutingPasses passes;
  private final VulnerablePersons vulnerable;
  private final ImportPrincipals principals;
  private final JdbcClient jdbc;
  private final LockdownProperties properties;
  private final Clock clock;

  LockdownDemo(SealedAreas areas, Posts posts, Manpower manpower, ServiceRequests requests, OutingPasses passes,
      VulnerablePersons vulnerable, ImportPrincipals principals, JdbcClient jdbc, LockdownProperties properties,
      Clock clock) {
    this.vulnerable = vulnerable;
    this.areas = areas;
    this.posts = posts;
    this.manpower = manpower;
    this.requests = requests;
    this.passes = passes;
    this.principals = principals;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select exists (select 1 from lockdown_area)").query(Boolean.class).single()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    UUID[] area = new UUID[1];
    principals.runAs("commander", () -> {
      area[0] = areas.declare(new SealedArea.New("幸福里小区", SealedArea.Kind.SEALED, COMMUNITY, List.of(),
          null, now.minusHours(2), null, "发现阳性感染者，实行“足不出户、上门服务”")).id();
      areas.activate(area[0]);
    });
    principals.runAs("community", () -> {
      Post gate = posts.open(area[0], new Post.New(Post.Kind.GATE, "东门卡口"));
      Post building = posts.open(area[0], new Post.New(Post.Kind.BUILDING, "3号楼值守"));
      LocalDate today = LocalDate.now(clock);
      List<Worker> pool = List.of(
          worker("王建军", "13700000101", Worker.Source.CADRE_SINKING, "市住建局", today, null),
          worker("李秀英", "13700000102", Worker.Source.COMMUNITY_WORKER, "幸福社区居委会", today, null),
          worker("陈志强", "13700000103", Worker.Source.VOLUNTEER, null, today, VOLUNTEER),
          worker("赵丽", "13700000104", Worker.Source.POLICE, "东湖派出所", today, null));
      Instant midnight = today.atStartOfDay(clock.getZone()).toInstant();
      Duration length = properties.shiftLength();
      Instant from = midnight.plus(length.multipliedBy(Duration.between(midnight, clock.instant()).toMillis()
          / length.toMillis()));
      OffsetDateTime start = from.atZone(clock.getZone()).toOffsetDateTime();
      OffsetDateTime end = start.plus(length);
      posts.assign(gate.id(), new Post.NewShift(pool.get(0).id(), start, end));
      posts.assign(building.id(), new Post.NewShift(pool.get(1).id(), start, end));
      posts.assign(gate.id(), new Post.NewShift(pool.get(2).id(), end, end.plus(length)));
      posts.assign(gate.id(), new Post.NewShift(pool.get(3).id(), end, end.plus(length)));
      List<Household> households = areas.households(area[0], 3);
      if (!households.isEmpty()) {
        vulnerable.register(area[0], new VulnerablePerson.New(households.get(0).id(), "张秀兰",
            VulnerablePerson.Category.ELDERLY_ALONE, "独居，高血压，需每周送药", null));
        requests.request(area[0], new ServiceRequest.New(households.get(0).id(), ServiceRequest.Need.MEDICINE,
            "降压药（硝苯地平缓释片）一盒", null));
        ServiceRequest groceries = requests.request(area[0], new ServiceRequest.New(
            households.get(households.size() - 1).id(), ServiceRequest.Need.GROCERIES, "蔬菜、鸡蛋", "13700000199"));
        requests.assign(groceries.id(), new ServiceRequest.Assignment(VOLUNTEER));
        passes.issue(area[0], new OutingPass.New(households.get(0).id(), OutingPass.Purpose.MEDICAL, today,
            today.plusDays(2), 2));
      }
    });
    log.info("Demo sealed area seeded over community {}: 2 posts, 4 people of the pool, a vulnerable person,"
        + " 2 requests, 1 pass",
        COMMUNITY);
  }

  private Worker worker(String name, String phone, Worker.Source source, String unit, LocalDate from,
      String username) {
    return manpower.register(new Worker.New(name, phone, source, unit, null, from, from.plusDays(30), null,
        username));
  }
}
