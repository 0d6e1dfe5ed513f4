package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.room;
import static org.epicommand.quarantine.QuarantineFixtures.site;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.epicommand.cases.CaseCourse;
import org.epicommand.cases.CaseReclassified;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.CaseReport;
import org.epicommand.cases.CaseReported;
import org.epicommand.cases.Classification;
import org.epicommand.cases.DiscoveryRoute;
import org.epicommand.cases.NewCase;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.support.Acting;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.ModuleEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * Quarantine follows the case flow (the module event {@link CaseReported} and its reclassification): a person under
 * control reported as a confirmed or asymptomatic case leaves quarantine. Each case is reported through the cases
 * module's facade in the test's thread, so the scenario sees the event it publishes.
 */
@EpiCommandTest
@EnableScenarios
class CaseOutcomeTest {

  private static final String LISTENER = "quarantine.internal.CaseOutcomes";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CaseRegistry cases;
  @Autowired
  CaseCourse course;
  @Autowired
  ImportPrincipals principals;

  @Test
  void aPersonUnderControlReportedAsAConfirmedCaseEndsAsBecameCaseAndFreesTheRoom(Scenario scenario) {
    String siteId = site(api, "C" + UUID.randomUUID().toString().substring(0, 8), 1, 1);
    String personId = person(api, "转确诊甲", COMMUNITY);
    String orderId = open(api, personId, "CLOSE_CONTACT", today().minusDays(1), "V9").get("id").asString();
    api.as("site").post("/api/v1/quarantine/orders/" + orderId + "/check-in", Map.of("roomId", room(api, siteId, "1")));

    scenario.stimulate(() -> report(personId, Classification.CONFIRMED))
        .andWaitForStateChange(() -> state(orderId), "BECAME_CASE"::equals)
        .andVerify((state, report) -> {
          assertThat(report.classification()).isEqualTo(Classification.CONFIRMED);
          assertThat(api.as("site").get("/api/v1/quarantine/sites/" + siteId + "/rooms").json().get(0).get("state")
              .asString()).isEqualTo("DISINFECTING");
        });
  }

  @Test
  void aSuspectedCaseLeavesTheOrderOpenUntilItIsReclassifiedAsConfirmed(Scenario scenario) {
    String personId = person(api, "疑似乙", COMMUNITY);
    String orderId = open(api, personId, "SECONDARY_CONTACT", today().minusDays(1), "V9").get("id").asString();

    scenario.stimulate(() -> report(personId, Classification.SUSPECTED))
        .andWaitForStateChange(() -> ModuleEvents.handled(jdbc, LISTENER, personId), Boolean.TRUE::equals)
        .andExpect(CaseReported.class).matchingMappedValue(CaseReported::personId, personId)
        .toArriveAndVerify(event -> {
          assertThat(event.classification()).isEqualTo(Classification.SUSPECTED);
          assertThat(state(orderId)).as("the listener has handled the report").isEqualTo("ACTIVE");
        });
    String caseId = Acting.as(principals, "cdc", () -> cases.ofPerson(UUID.fromString(personId))).orElseThrow().id();

    scenario.stimulate(() -> Acting.as(principals, "cdc", () -> course.reclassify(UUID.fromString(caseId),
            Classification.CONFIRMED, "核酸阳性")))
        .andWaitForStateChange(() -> state(orderId), "BECAME_CASE"::equals)
        .andExpect(CaseReclassified.class).matchingMappedValue(CaseReclassified::caseId, caseId)
        .toArriveAndVerify(event -> assertThat(event.from()).isEqualTo(Classification.SUSPECTED));
  }

  private CaseReport report(String personId, Classification classification) {
    return Acting.as(principals, "cdc", () -> cases.report(new NewCase(personId, classification, today(), null,
        OffsetDateTime.now(ZoneOffset.ofHours(8)), null, false, DiscoveryRoute.UNDER_CONTROL, null, false)));
  }

  private String state(String orderId) {
    return api.as("community").get("/api/v1/quarantine/orders/" + orderId).json().get("state").asString();
  }
}
