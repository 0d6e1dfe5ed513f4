package org.epicommand.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing exists only in the demo seeder: every record of the master data a city's daily work needs
 * was created through the module's facade — the same code path as its page, API and import — which
 * audits each creation. A row without its creation in the audit trail was written past the facade
 * (a seeder's SQL insert, say), and this test names it.
 */
@EpiCommandTest
class MasterDataProvenanceTest {

  /** A master-data table, the audit subject type its facade records, and the column that is the subject id. */
  record MasterData(String table, String subjectType, String subjectId, String where) {}

  static final List<MasterData> MASTER_DATA = List.of(
      new MasterData("labtest_lab", "LABORATORY", "code", "true"),
      new MasterData("labtest_site", "SAMPLING_SITE", "code", "true"),
      new MasterData("quarantine_site", "QUARANTINE_SITE", "id::text", "true"),
      new MasterData("venue", "VENUE", "id::text", "true"),
      new MasterData("checkpoint", "CHECKPOINT", "code", "true"),
      new MasterData("command_unit", "COMMAND_UNIT", "code", "true"),
      new MasterData("command_leader", "COMMAND_LEADER", "id::text", "true"),
      // the platform's own default template comes with the schema; every other one through the facade
      new MasterData("command_report_template", "COMMAND_REPORT_TEMPLATE", "id::text", "not is_default"),
      new MasterData("account_user", "USER", "id::text", "true"),
      // vaccine products are national facts that come with the schema; the city's own ones through the facade
      new MasterData("vaccination_product", "VACCINE_PRODUCT", "code",
          "code not in ('BIBP', 'WIBP', 'SINOVAC', 'KCONVAC', 'CANSINO', 'ZF2001')"),
      new MasterData("vaccination_site", "VACCINATION_SITE", "code", "true"),
      new MasterData("vaccination_vaccinator", "VACCINATOR", "code", "true"),
      new MasterData("screening_round", "SCREENING_ROUND", "id::text", "true"),
      // the first two questionnaire versions come with the schema; every later one through the facade
      new MasterData("screening_questionnaire", "SCREENING_QUESTIONNAIRE", "version::text",
          "published_by <> 'system'"),
      new MasterData("gathering_policy", "GATHERING_POLICY", "id::text", "true"),
      new MasterData("market_day", "MARKET_DAY", "id::text", "true"),
      new MasterData("organisation", "ORGANISATION", "id::text", "true"),
      new MasterData("resumption_gate", "RESUMPTION_GATE", "id::text", "true"),
      new MasterData("treatment_hospital", "HOSPITAL", "code", "true"),
      new MasterData("treatment_expert_team", "EXPERT_TEAM", "id::text", "true"));

  @Autowired
  JdbcClient jdbc;

  @Test
  void everyMasterRecordOfTheDemoCityWasCreatedThroughItsFacade() {
    for (MasterData data : MASTER_DATA) {
      long rows = jdbc.sql("select count(*) from " + data.table()).query(Long.class).single();
      List<String> unaudited = jdbc.sql("select " + data.subjectId() + " from " + data.table() + " t where "
          + data.where() + " and not exists (select 1 from audit_event a where a.action = 'CREATE'"
          + " and a.subject_type = :type and a.subject_id = t." + data.subjectId().replace("::text", "") + "::text)"
          + " order by 1 limit 10").param("type", data.subjectType()).query(String.class).list();
      assertThat(rows).as("the demo city has %s", data.table()).isPositive();
      assertThat(unaudited).as("%s rows created past the facade (no CREATE audit of %s)", data.table(),
          data.subjectType()).isEmpty();
    }
  }
}
