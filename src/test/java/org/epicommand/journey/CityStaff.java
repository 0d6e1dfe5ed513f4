package org.epicommand.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.journey.Answers.ok;
import static org.epicommand.journey.CityFiles.DISTRICT;
import static org.epicommand.journey.CityFiles.STREET;
import static org.epicommand.journey.CityFiles.VILLAGE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.account.Role;
import org.epicommand.support.Api;
import org.epicommand.support.CityInstallation;
import tools.jackson.databind.JsonNode;

/**
 * The people of the journey: one account per role ({@code xz-commander}, {@code xz-community-worker}
 * …), each at the place its work is — the city, 忻府区, its street, its village — and what the
 * command office reads about them.
 */
final class CityStaff {

  static final String PASSWORD = "Xinzhou2022work";

  private final CityInstallation city;

  CityStaff(CityInstallation city) {
    this.city = city;
  }

  static String username(Role role) {
    return "xz-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Where a role's account works: field roles in 忻府区, its street or village, the others city-wide. */
  static String home(Role role) {
    return switch (role) {
      case DISTRICT_STAFF, SITE_MANAGER -> DISTRICT;
      case STREET_STAFF -> STREET;
      case COMMUNITY_WORKER -> VILLAGE;
      default -> "1409";
    };
  }

  /** The three administrators are the installation's own accounts; every other role has one made here. */
  Api.Caller as(Role role) {
    return switch (role) {
      case ADMIN -> city.admin();
      case SECURITY_ADMIN -> city.security();
      case AUDITOR -> city.auditor();
      default -> as(username(role));
    };
  }

  Api.Caller as(String username) {
    return city.api().as(username, PASSWORD);
  }

  /** The administrator creates an account. */
  void create(String username, Role role, String jurisdiction) {
    Api.Answer created = ok(city.admin().post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of(role.name()), "jurisdictionCode", jurisdiction)), 201);
    assertThat(created.json().get("username").asString()).isEqualTo(username);
  }

  /** The command office creates a unit and makes the account of {@code member} its member. */
  void unit(String code, String name, String kind, String jurisdiction, boolean reporting, Role member) {
    Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "kind", kind, "reporting", reporting));
    if (jurisdiction != null) {
      body.put("jurisdictionCode", jurisdiction);
    }
    Api.Caller commander = as(Role.COMMANDER);
    ok(commander.post("/api/v1/command/units", body), 201);
    JsonNode members = ok(commander.post("/api/v1/command/units/" + code + "/members",
        Map.of("username", username(member))), 200).json();
    assertThat(members.get("members").toString()).contains(username(member));
  }

  /** Unit code → the day's report status of the default template. */
  Map<String, String> completeness(LocalDate day) {
    Map<String, String> rows = new HashMap<>();
    ok(as(Role.COMMANDER).get("/api/v1/daily-reports/completeness?date=" + day), 200).json()
        .forEach(row -> rows.put(row.get("unitCode").asString(), row.get("status").asString()));
    return rows;
  }

  /** The orders of a reason in the city, as the commander lists them. */
  List<JsonNode> orders(String reason) {
    return as(Role.COMMANDER).get("/api/v1/quarantine/orders?size=500").json().get("items").valueStream()
        .filter(o -> o.get("reason").asString().equals(reason)).toList();
  }
}
