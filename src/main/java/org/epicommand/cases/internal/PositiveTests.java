package org.epicommand.cases.internal;

import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.labtest.SingleTubePositive;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.person.PersonRegistry;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A positive single tube starts the case flow: the city's and the district's investigators are told
 * at once, with a link to report the case on that person (the classification is theirs to decide).
 */
@Component
class PositiveTests {

  private final Notifications notifications;
  private final PersonRegistry persons;
  private final Jurisdictions jurisdictions;

  PositiveTests(Notifications notifications, PersonRegistry persons, Jurisdictions jurisdictions) {
    this.notifications = notifications;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
  }

  @ApplicationModuleListener
  void on(SingleTubePositive event) {
    persons.referenceForPlatform(event.personId()).ifPresent(person -> {
      String title = "单管阳性：" + person.name() + "（采样 " + event.samplingDate() + "，管号 " + event.tubeBarcode()
          + "），请核实并报告病例";
      String link = "/cases/new?personId=" + person.id();
      jurisdictions.ancestry(person.jurisdictionCode()).stream()
          .filter(j -> j.level() == JurisdictionLevel.CITY || j.level() == JurisdictionLevel.COUNTY)
          .map(Jurisdiction::code)
          .forEach(code -> notifications.send(Notice.toRoles(code, Set.of(Role.EPIDEMIOLOGIST), "POSITIVE_TEST",
              title, null, link)));
    });
  }
}
