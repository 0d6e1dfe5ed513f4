package org.epicommand.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.epicommand.platform.DatabaseMaintenance;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class AuditTrailTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  DatabaseMaintenance maintenance;

  @Test
  void creatingAUserLeavesAnEventThatTheAuditorCanFindBySubject() {
    String id = api.as("admin").post("/api/v1/users", Map.of("username", "audited-user", "password", "Audited12345",
        "roles", List.of("INSPECTOR"), "jurisdictionCode", DemoPlaces.CITY)).json().get("id").asString();
    JsonNode page = api.as("auditor").get("/api/v1/audit?subjectId=" + id).json();
    assertThat(page.get("items").size()).isEqualTo(1);
    JsonNode event = page.get("items").get(0);
    assertThat(event.get("action").asString()).isEqualTo("CREATE");
    assertThat(event.get("username").asString()).isEqualTo("admin");
    assertThat(event.get("subjectType").asString()).isEqualTo("USER");
    assertThat(event.get("subjectId").asString()).isEqualTo(id);
    assertThat(event.get("at").asString()).isNotBlank();
  }

  @Test
  void onlyTheAuditorReadsTheTrail() {
    assertThat(api.as("commander").get("/api/v1/audit").status()).isEqualTo(403);
    assertThat(api.as("community").get("/api/v1/audit").status()).isEqualTo(403);
    assertThat(api.as("admin").get("/api/v1/audit").status()).as("the system administrator").isEqualTo(403);
    assertThat(api.as("security").get("/api/v1/audit").status()).as("the security administrator").isEqualTo(403);
    assertThat(api.as("auditor").get("/api/v1/audit").status()).isEqualTo(200);
    assertThat(api.anonymous().get("/api/v1/audit").status()).isEqualTo(401);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteEvents() {
    // the application's role has no right to; the schema's owner is stopped by the trigger
    JdbcClient owner = JdbcClient.create(maintenance.dataSource());
    for (String sql : List.of("update audit_event set username = 'nobody'", "delete from audit_event",
        "truncate audit_event")) {
      assertThatThrownBy(() -> jdbc.sql(sql).update()).rootCause().hasMessageContaining("permission denied");
      assertThatThrownBy(() -> owner.sql(sql).update()).rootCause().hasMessageContaining("append-only");
    }
  }

}
