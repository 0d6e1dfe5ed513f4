package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
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
 * The tracing module's side of the case flow: a case reported here gets its investigation from the event
 * {@link CaseReported}, its deadlines running from the report; a case of another system's line list (reported and
 * investigated there) gets none.
 */
@EpiCommandTest
@EnableScenarios
class CaseInvestigationFlowTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CaseRegistry cases;
  @Autowired
  Investigations investigationsOfCases;
  @Autowired
  ImportPrincipals principals;

  @Test
  void aCaseReportedHereGetsItsInvestigationWithDeadlinesFromTheReport(Scenario scenario) {
    String personId = CaseFixtures.person(api, "流调事件甲", CaseFixtures.COMMUNITY);
    scenario.stimulate(() -> report(personId, false))
        .andWaitForStateChange(() -> investigations(personId), count -> count == 1)
        .andExpect(CaseReported.class).matchingMappedValue(CaseReported::personId, personId)
        .toArriveAndVerify((event, report) -> {
          assertThat(event.reportedElsewhere()).isFalse();
          assertThat(event.reportedAt().toInstant()).isEqualTo(report.reportedAt().toInstant());
          Investigation investigation = Acting.as(principals, "cdc",
              () -> investigationsOfCases.ofCase(UUID.fromString(report.id())));
          assertThat(investigation.caseLabel()).isEqualTo("流调事件甲");
          assertThat(investigation.state()).isEqualTo(InvestigationState.ASSIGNED);
          assertThat(investigation.coreDueAt().toInstant()).isEqualTo(report.reportedAt().plusHours(4).toInstant());
          assertThat(investigation.reportDueAt().toInstant())
              .isEqualTo(report.reportedAt().plusHours(24).toInstant());
        });
  }

  @Test
  void aCaseFromAnotherSystemsLineListGetsNoInvestigation(Scenario scenario) {
    String personId = CaseFixtures.person(api, "流调事件乙", CaseFixtures.COMMUNITY);
    scenario.stimulate(() -> report(personId, true))
        .andWaitForStateChange(() -> ModuleEvents.handled(jdbc, "tracing.internal.CaseInvestigationStarter", personId),
            Boolean.TRUE::equals)
        .andVerify(handled -> assertThat(investigations(personId)).isZero());
  }

  private CaseReport report(String personId, boolean reportedElsewhere) {
    return Acting.as(principals, "cdc", () -> cases.report(new NewCase(personId, Classification.CONFIRMED,
        LocalDate.now(ZoneOffset.ofHours(8)).minusDays(1), null, OffsetDateTime.now(ZoneOffset.ofHours(8)), null,
        false, DiscoveryRoute.COMMUNITY_SCREENING, null, reportedElsewhere)));
  }

  private long investigations(String personId) {
    return jdbc.sql("select count(*) from investigation where case_person_id = :p")
        .param("p", UUID.fromString(personId)).query(Long.class).single();
  }
}
