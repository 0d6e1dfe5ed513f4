package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Finding 8, 三员分立: the system administrator ({@code admin}) keeps accounts and master data but
 * gives no roles and reads no audit trail; the security administrator ({@code security}) assigns
 * roles, but never its own; the audit administrator ({@code auditor}) only reads. Administrator
 * roles are exclusive, and nobody escalates themselves or another administrator.
 */
@EpiCommandTest
class SeparationOfDutiesTest {

  static final String PASSWORD = "Duties12345";
  static final List<String> ADMINISTRATORS = List.of("admin", "security", "auditor");
  static final List<String> CALLERS = List.of("admin", "security", "auditor", "commander", "cdc", "district",
      "community", "lab", "site", "inspector");

  @Autowired
  Api api;

  @Test
  void theSystemAdministratorGivesNoRolesReadsNoTrailAndResetsNoAdministrator() {
    String adminId = idOf("admin");
    assertThat(put("admin", adminId, Map.of("roles", List.of("COMMANDER"))).status()).as("itself commander")
        .isEqualTo(403);
    String staff = Probes.newUser(api, "duty", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    assertThat(put("admin", idOf(staff), Map.of("roles", List.of("COMMANDER"))).status()).as("someone commander")
        .isEqualTo(403);
    assertThat(rolesOf(staff)).containsExactly("INSPECTOR");
    for (String role : List.of("ADMIN", "SECURITY_ADMIN", "AUDITOR")) {
      assertThat(create("admin", role).status()).as("admin creates a " + role).isEqualTo(403);
    }
    assertThat(api.as("admin").get("/api/v1/audit").status()).isEqualTo(403);
    assertThat(WebSession.login(api, "admin").get("/audit").status()).isEqualTo(403);
    assertThat(resetPassword("admin", idOf("auditor")).status()).as("the auditor's password").isEqualTo(403);
    assertThat(resetPassword("admin", adminId).status()).as("its own password").isEqualTo(403);
    assertThat(rolesOf("admin")).containsExactly("ADMIN");
  }

  @Test
  void theSecurityAdministratorAssignsRolesButNotItsOwnAndMakesNoStaffAccounts() {
    String securityId = idOf("security");
    assertThat(put("security", securityId, Map.of("roles", List.of("COMMANDER"))).status()).isEqualTo(403);
    assertThat(resetPassword("security", securityId).status()).isEqualTo(403);
    assertThat(create("security", "COMMANDER").status()).as("a staff account with a password it knows")
        .isEqualTo(403);

    String staff = Probes.newUser(api, "duty", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    assertThat(resetPassword("security", idOf(staff)).status()).as("staff passwords are the admin's").isEqualTo(403);
    Api.Answer mixed = put("security", idOf(staff), Map.of("roles", List.of("AUDITOR", "INSPECTOR")));
    assertThat(mixed.status()).isEqualTo(400);
    assertThat(mixed.body()).contains("\"field\":\"roles\"");
    assertThat(put("security", idOf(staff), Map.of("roles", List.of("EPIDEMIOLOGIST"))).status()).isEqualTo(200);
    assertThat(rolesOf(staff)).containsExactly("EPIDEMIOLOGIST");

    assertThat(put("security", idOf(staff), Map.of("roles", List.of("AUDITOR"))).status()).isEqualTo(200);
    assertThat(api.as(staff, PASSWORD).get("/api/v1/audit").status()).as("now an auditor").isEqualTo(200);
    assertThat(api.as(staff, PASSWORD).get("/api/v1/persons").status()).isEqualTo(403);
    assertThat(resetPassword("admin", idOf(staff)).status()).as("an administrator's password").isEqualTo(403);
    assertThat(resetPassword("security", idOf(staff)).status()).isEqualTo(204);
  }

  @Test
  void theAuditorOnlyReads() {
    assertThat(api.as("auditor").get("/api/v1/audit").status()).isEqualTo(200);
    assertThat(api.as("auditor").get("/api/v1/users").status()).isEqualTo(403);
    assertThat(create("auditor", "AUDITOR").status()).isEqualTo(403);
    assertThat(put("auditor", idOf("auditor"), Map.of("roles", List.of("AUDITOR", "COMMANDER"))).status())
        .isEqualTo(403);
    assertThat(resetPassword("auditor", idOf("auditor")).status()).isEqualTo(403);
    WebSession auditor = WebSession.login(api, "auditor");
    assertThat(auditor.get("/grants").status()).isEqualTo(200);
    assertThat(auditor.get("/grants").body()).doesNotContain("data-testid=\"grant-form\"");
    assertThat(auditor.postForm("/grants", Map.of("username", "inspector", "role", "COMMANDER",
        "jurisdictionCode", DemoPlaces.CITY, "reason", "probe", "until", "2099-01-01T00:00"), true).status()).isEqualTo(403);
    assertThat(auditor.get("/users").status()).isEqualTo(403);
    for (String other : List.of("admin", "commander")) {
      assertThat(WebSession.login(api, other).get("/grants").status()).as(other + " on /grants").isEqualTo(403);
    }
  }

  @Test
  void noRoleCanEscalateItselfOrAnotherAdministrator() {
    Map<String, Set<String>> before = new HashMap<>();
    ADMINISTRATORS.forEach(a -> before.put(a, Set.copyOf(rolesOf(a))));
    for (String caller : CALLERS) {
      String self = idOf(caller);
      Set<String> own = Set.copyOf(rolesOf(caller));
      for (String role : List.of("COMMANDER", "ADMIN", "SECURITY_ADMIN", "AUDITOR")) {
        assertThat(put(caller, self, Map.of("roles", List.of(role))).status()).as(caller + " makes itself " + role)
            .isIn(400, 403);
      }
      assertThat(resetPassword(caller, self).status()).as(caller + " resets its own password").isIn(400, 403);
      for (String administrator : ADMINISTRATORS) {
        String id = idOf(administrator);
        List<String> more = List.of(before.get(administrator).iterator().next(), "COMMANDER");
        assertThat(put(caller, id, Map.of("roles", more)).status()).as(caller + " adds COMMANDER to " + administrator)
            .isIn(400, 403);
        assertThat(grant(caller, administrator, "EPIDEMIOLOGIST").status())
            .as(caller + " grants " + administrator + " a temporary role").isIn(400, 403);
      }
      assertThat(grant(caller, caller, "COMMANDER").status()).as(caller + " grants itself COMMANDER").isIn(400, 403);
      assertThat(create(caller, "ADMIN", "COMMANDER").status()).as(caller + " creates an admin-commander")
          .isIn(400, 403);
      assertThat(Set.copyOf(rolesOf(caller))).as(caller + " keeps its roles").isEqualTo(own);
    }
    ADMINISTRATORS.forEach(a -> assertThat(Set.copyOf(rolesOf(a))).as(a).isEqualTo(before.get(a)));
    ADMINISTRATORS.forEach(a -> assertThat(api.as("auditor").get("/api/v1/grants?username=" + a).json()
        .get("items").size()).as("no grant to " + a).isZero());
  }

  @Test
  void aTemporaryRoleNeedsAReasonAndAnEndAndEndsByItself() throws InterruptedException {
    String worker = Probes.newUser(api, "glass", "COMMUNITY_WORKER", Probes.OWN_COMMUNITY, PASSWORD);
    String idNumber = Probes.uniqueIdNumber();
    String person = Probes.register(api, "cdc", Probes.person(Probes.uniqueName("破窗"), idNumber,
        Probes.uniquePhone(), "湖东路9号", Probes.OTHER_DISTRICT_COMMUNITY)).get("id").asString();
    assertThat(api.as(worker, PASSWORD).get("/api/v1/persons/" + person).status()).isEqualTo(404);

    Map<String, Object> request = grantRequest(worker, "EPIDEMIOLOGIST", DemoPlaces.OTHER_DISTRICT, "支援990102区流调",
        OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(6));
    Map<String, Object> noReason = new HashMap<>(request);
    noReason.put("reason", " ");
    assertThat(post("security", "/api/v1/grants", noReason).body()).contains("\"field\":\"reason\"");
    Map<String, Object> tooLong = new HashMap<>(request);
    tooLong.put("until", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(73).toString());
    assertThat(post("security", "/api/v1/grants", tooLong).body()).contains("\"field\":\"until\"");
    assertThat(post("admin", "/api/v1/grants", request).status()).isEqualTo(403);

    Api.Answer granted = post("security", "/api/v1/grants", request);
    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    Api.Answer read = api.as(worker, PASSWORD).get("/api/v1/persons/" + person);
    assertThat(read.status()).as("the temporary role opens the district").isEqualTo(200);
    assertThat(read.body()).contains(idNumber);

    JsonNode shown = api.as("auditor").get("/api/v1/grants?username=" + worker).json().get("items");
    assertThat(shown.size()).isEqualTo(1);
    assertThat(shown.get(0).get("reason").asString()).isEqualTo("支援990102区流调");
    assertThat(shown.get(0).get("grantedBy").asString()).isEqualTo("security");
    assertThat(WebSession.login(api, "auditor").get("/grants").body()).contains(worker).contains("支援990102区流调");
    assertThat(Probes.audit(api, "subjectType=ROLE_GRANT&username=security").valueStream()
        .map(e -> e.get("detail").asString()).collect(Collectors.joining())).contains(worker);

    Thread.sleep(7_000);
    assertThat(api.as(worker, PASSWORD).get("/api/v1/persons/" + person).status()).as("ended by itself")
        .isEqualTo(404);
  }

  private Api.Answer put(String caller, String id, Map<String, Object> changes) {
    JsonNode user = api.as(caller.equals("admin") || caller.equals("security") ? caller : "admin")
        .get("/api/v1/users/" + id).json();
    Map<String, Object> body = new HashMap<>();
    body.put("displayName", user.get("displayName").isNull() ? null : user.get("displayName").asString());
    body.put("roles", user.get("roles").valueStream().map(JsonNode::asString).toList());
    body.put("jurisdictionCode", user.get("jurisdictionCode").asString());
    body.put("enabled", true);
    body.putAll(changes);
    return api.as(caller).put("/api/v1/users/" + id, body);
  }

  private Api.Answer resetPassword(String caller, String id) {
    return api.as(caller).post("/api/v1/users/" + id + "/password", Map.of("password", "Reset123456x"));
  }

  private Api.Answer create(String caller, String... roles) {
    return api.as(caller).post("/api/v1/users", Map.of("username", "duty_" + UUID.randomUUID().toString()
        .substring(0, 8), "password", PASSWORD, "roles", List.of(roles), "jurisdictionCode", DemoPlaces.CITY));
  }

  private Api.Answer grant(String caller, String username, String role) {
    return post(caller, "/api/v1/grants", grantRequest(username, role, DemoPlaces.CITY, "escalation probe",
        OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1)));
  }

  private static Map<String, Object> grantRequest(String username, String role, String jurisdiction, String reason,
      OffsetDateTime until) {
    return Map.of("username", username, "role", role, "jurisdictionCode", jurisdiction, "reason", reason,
        "until", until.truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private Api.Answer post(String caller, String path, Object body) {
    return api.as(caller).post(path, body);
  }

  private List<String> rolesOf(String username) {
    return userNamed(username).get("roles").valueStream().map(JsonNode::asString).toList();
  }

  private String idOf(String username) {
    return userNamed(username).get("id").asString();
  }

  private JsonNode userNamed(String username) {
    JsonNode items = api.as("admin").get("/api/v1/users?q=" + username).json().get("items");
    return items.valueStream().filter(u -> u.get("username").asString().equals(username)).findFirst()
        .orElseThrow(() -> new AssertionError("no account " + username));
  }
}
