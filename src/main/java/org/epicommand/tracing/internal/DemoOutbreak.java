package org.epicommand.tracing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.Classification;
import org.epicommand.cases.DiscoveryRoute;
import org.epicommand.cases.NewCase;
import org.epicommand.cases.Severity;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.shared.Paging;
import org.epicommand.tracing.TransmissionChains;
import org.epicommand.tracing.TransmissionSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A small demo outbreak in the demo city (once: nothing happens when cases exist): two chains in the
 * first district — one of 13 cases over three generations, one of 6 — and two fresh cases whose
 * direct report is overdue, reported by {@code cdc} on persons of the synthetic population.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class DemoOutbreak implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoOutbreak.class);

  private final ImportPrincipals principals;
  private final PersonRegistry persons;
  private final CaseRegistry cases;
  private final TransmissionChains chains;
  private final Clock clock;

  DemoOutbreak(ImportPrincipals principals, PersonRegistry persons, CaseRegistry cases, TransmissionChains chains,
      Clock clock) {
    this.principals = principals;
    this.persons = persons;
    this.cases = cases;
    this.chains = chains;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    principals.runAs("cdc", () -> {
      if (!cases.list(null, null, null, Paging.of(0, 1)).items().isEmpty()) {
        return;
      }
      List<PersonSummary> people = persons.search(null, "990101", Paging.of(0, 21)).items();
      if (people.size() < 21) {
        return;
      }
      LocalDate today = LocalDate.now(clock);
      List<String> first = new ArrayList<>();
      for (int i = 0; i < 13; i++) {
        int generation = i == 0 ? 0 : i < 4 ? 1 : 2;
        first.add(report(people.get(i), today.minusDays(12 - 3L * generation), i % 4 == 3, i == 0
            ? DiscoveryRoute.FEVER_CLINIC : DiscoveryRoute.UNDER_CONTROL));
      }
      for (int i = 1; i < 13; i++) {
        chains.link(first.get(i < 4 ? 0 : (i - 4) / 3 + 1), first.get(i), i < 4 ? TransmissionSetting.MEAL
            : TransmissionSetting.HOUSEHOLD);
      }
      List<String> second = new ArrayList<>();
      for (int i = 13; i < 19; i++) {
        second.add(report(people.get(i), today.minusDays(20 - (i - 13)), false, DiscoveryRoute.COMMUNITY_SCREENING));
      }
      for (int i = 1; i < second.size(); i++) {
        chains.link(second.get(i - 1), second.get(i), TransmissionSetting.WORKPLACE);
      }
      for (int i = 19; i < 21; i++) {
        cases.report(new NewCase(people.get(i).id(), Classification.CONFIRMED, today, today,
            OffsetDateTime.now(clock).minusHours(3), Severity.MILD, false, DiscoveryRoute.MASS_TESTING, null, false));
      }
      log.info("Demo outbreak seeded: 21 cases, 2 chains");
    });
  }

  private String report(PersonSummary person, LocalDate onset, boolean asymptomatic, DiscoveryRoute route) {
    return cases.report(new NewCase(person.id(), asymptomatic ? Classification.ASYMPTOMATIC : Classification.CONFIRMED,
        asymptomatic ? null : onset, onset, onset.plusDays(1).atTime(10, 0).atZone(clock.getZone()).toOffsetDateTime(),
        asymptomatic ? null : Severity.MODERATE, false, route, null, true)).id();
  }
}
