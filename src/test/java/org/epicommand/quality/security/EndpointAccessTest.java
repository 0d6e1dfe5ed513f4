package org.epicommand.quality.security;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.imports.ImportHandler;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/**} endpoint is in the access table below with what a caller needs, and every
 * demo user, an account of each role without a demo user, and an anonymous caller get exactly the
 * answer their permissions allow: no credentials → 401, a role without the authority → 403, a role
 * with it → neither 401 nor 403, and never a 500. Who holds an authority is read from
 * {@link Role#permissions()}, not written down here again.
 */
@EpiCommandTest
class EndpointAccessTest {

  /** Any signed-in user, whatever the role. */
  static final String AUTHENTICATED = "AUTHENTICATED";
  /** Nobody needs to sign in. */
  static final String PUBLIC = "PUBLIC";

  /**
   * What each endpoint needs: a {@link Permission} name (or several as {@code A|B}: any of them),
   * {@link #AUTHENTICATED} or {@link #PUBLIC}.
   * A new endpoint fails {@link #everyApiEndpointIsListedInTheAccessTable()} until it is added here.
   * Handlers that differ only in what they produce are told apart by the media type in brackets.
   */
  static final Map<String, String> ACCESS = Map.ofEntries(
      entry("GET /api/v1/me", AUTHENTICATED),
      // accounts: the system administrator keeps staff accounts, the security administrator roles
      // and administrators (the service decides which account and which change: 403 otherwise)
      entry("GET /api/v1/users", "USER_READ"),
      entry("POST /api/v1/users", "USER_ADMIN|ACCESS_ADMIN"),
      entry("GET /api/v1/users/{id}", "USER_READ"),
      entry("PUT /api/v1/users/{id}", "USER_ADMIN|ACCESS_ADMIN"),
      entry("POST /api/v1/users/{id}/password", "USER_ADMIN|ACCESS_ADMIN"),
      entry("GET /api/v1/jurisdictions", AUTHENTICATED),
      entry("GET /api/v1/jurisdictions/{code}", AUTHENTICATED),
      entry("GET /api/v1/audit", "AUDIT_READ"),
      entry("GET /api/v1/persons", "PERSON_READ"),
      entry("GET /api/v1/persons [text/csv]", "PERSON_EXPORT"),
      entry("POST /api/v1/persons", "PERSON_WRITE"),
      entry("GET /api/v1/persons/{id}", "PERSON_READ"),
      entry("PUT /api/v1/persons/{id}", "PERSON_WRITE"),
      entry("GET /api/v1/persons/{id}/household", "PERSON_READ"),
      // each import kind names its own authority; the probe imports kind "persons" (PERSON_WRITE)
      entry("POST /api/v1/imports/{kind}", "PERSON_WRITE"),
      // an import's status and errors are its owner's: anyone else gets 404, not 403
      entry("GET /api/v1/imports/{importId}", AUTHENTICATED),
      entry("GET /api/v1/imports/{importId}/errors", AUTHENTICATED),
      // counts in, estimate out: no personal data
      entry("POST /api/v1/analytics/rt", AUTHENTICATED),
      // quarantine
      entry("GET /api/v1/quarantine/rule-sets", AUTHENTICATED),
      entry("POST /api/v1/quarantine/rule-sets", "RULE_SET_ADMIN"),
      entry("POST /api/v1/quarantine/orders", "QUARANTINE_WRITE"),
      entry("GET /api/v1/quarantine/orders", "QUARANTINE_READ"),
      entry("GET /api/v1/quarantine/orders/{id}", "QUARANTINE_READ"),
      entry("POST /api/v1/quarantine/orders/{id}/recompute", "QUARANTINE_WRITE"),
      entry("POST /api/v1/quarantine/orders/{id}/end", "QUARANTINE_WRITE"),
      entry("GET /api/v1/quarantine/alerts", "QUARANTINE_READ"),
      entry("POST /api/v1/quarantine/alerts/{id}/acknowledge", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("POST /api/v1/quarantine/alerts/{id}/resolve", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("GET /api/v1/quarantine/sites", "QUARANTINE_READ"),
      entry("POST /api/v1/quarantine/sites", "SITE_OPERATE"),
      entry("GET /api/v1/quarantine/sites/{id}/rooms", "QUARANTINE_READ"),
      entry("POST /api/v1/quarantine/sites/{id}/rooms", "SITE_OPERATE"),
      entry("POST /api/v1/quarantine/rooms/{id}/state", "SITE_OPERATE"),
      entry("GET /api/v1/quarantine/capacity", "QUARANTINE_READ"),
      entry("POST /api/v1/quarantine/orders/{id}/check-in", "SITE_OPERATE"),
      entry("POST /api/v1/quarantine/orders/{id}/site-release", "SITE_OPERATE"),
      entry("POST /api/v1/quarantine/orders/{id}/release", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("POST /api/v1/quarantine/orders/{id}/tests/{testId}/result", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("POST /api/v1/quarantine/orders/{id}/health-checks", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("GET /api/v1/quarantine/orders/{id}/health-checks", "QUARANTINE_READ"),
      entry("POST /api/v1/quarantine/orders/{id}/health-link", "QUARANTINE_WRITE|SITE_OPERATE"),
      // the personal link's token is the credential: an unknown one is 404
      entry("GET /api/v1/public/health-links/{token}", PUBLIC),
      entry("POST /api/v1/public/health-links/{token}/health-checks", PUBLIC),
      entry("POST /api/v1/quarantine/trips", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("GET /api/v1/quarantine/trips", "QUARANTINE_READ"),
      entry("GET /api/v1/quarantine/trips/{id}", "QUARANTINE_READ"),
      entry("POST /api/v1/quarantine/trips/{id}/dispatch", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("POST /api/v1/quarantine/trips/{id}/pick-up", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("POST /api/v1/quarantine/trips/{id}/arrive", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("POST /api/v1/quarantine/trips/{id}/check-in", "SITE_OPERATE"),
      entry("GET /api/v1/quarantine/work-lists", "QUARANTINE_READ"),
      entry("GET /api/v1/quarantine/work-lists/{list}", "QUARANTINE_READ"),
      entry("GET /api/v1/quarantine/orders/{id}/release-notice.pdf [application/pdf]", "QUARANTINE_READ"),
      // supervision: plans are the inspection side's; visits, problems and photos are filtered per caller
      // (a unit sees only visits that have started and problems assigned to it; others answer 404)
      entry("GET /api/v1/inspections/plans", "INSPECTION_MANAGE"),
      entry("POST /api/v1/inspections/plans", "INSPECTION_MANAGE"),
      entry("GET /api/v1/inspections/plans/{id}", "INSPECTION_MANAGE"),
      entry("GET /api/v1/inspections/visits", "SUPERVISION_READ"),
      entry("GET /api/v1/inspections/visits/{id}", "SUPERVISION_READ"),
      entry("POST /api/v1/inspections/visits/{id}/start", "INSPECTION_MANAGE"),
      entry("POST /api/v1/inspections/visits/{id}/complete", "INSPECTION_MANAGE"),
      entry("POST /api/v1/inspections/visits/{id}/findings", "INSPECTION_MANAGE"),
      entry("GET /api/v1/problems", "SUPERVISION_READ"),
      entry("GET /api/v1/problems/{id}", "SUPERVISION_READ"),
      entry("POST /api/v1/problems/{id}/assign", "INSPECTION_MANAGE"),
      entry("POST /api/v1/problems/{id}/start", "PROBLEM_RECTIFY"),
      entry("POST /api/v1/problems/{id}/submit", "PROBLEM_RECTIFY"),
      entry("POST /api/v1/problems/{id}/verify", "INSPECTION_MANAGE"),
      entry("POST /api/v1/problems/{id}/reject", "INSPECTION_MANAGE"),
      entry("POST /api/v1/problems/{id}/close", "INSPECTION_MANAGE"),
      entry("POST /api/v1/problems/{id}/fix-on-spot", "INSPECTION_MANAGE"),
      // the inspection side uploads finding photos, the unit evidence: the service decides (403/409)
      entry("POST /api/v1/problems/{id}/photos", "SUPERVISION_READ"),
      entry("GET /api/v1/problems/{id}/photos/{photoId}", "SUPERVISION_READ"),
      entry("GET /api/v1/supervision/accountability", "INSPECTION_MANAGE"),
      entry("POST /api/v1/supervision/accountability", "INSPECTION_MANAGE"),
      // the public naming list and good practices are for every signed-in user (no identifiers)
      entry("GET /api/v1/supervision/public-naming", AUTHENTICATED),
      entry("GET /api/v1/supervision/good-practices", AUTHENTICATED),
      entry("POST /api/v1/supervision/good-practices", "INSPECTION_MANAGE"),
      entry("GET /api/v1/supervision/scorecard", "INSPECTION_MANAGE"),
      // quarantine door sensors
      entry("POST /api/v1/quarantine/door-sensors", "QUARANTINE_WRITE"),
      entry("GET /api/v1/quarantine/door-sensors", "QUARANTINE_READ"),
      entry("DELETE /api/v1/quarantine/door-sensors/{deviceId}", "QUARANTINE_WRITE"),
      entry("POST /api/v1/quarantine/orders/{id}/door-declarations", "QUARANTINE_WRITE"),
      // cases, tracing
      entry("POST /api/v1/cases", "CASE_WRITE"),
      entry("GET /api/v1/cases", "CASE_READ"),
      entry("GET /api/v1/cases [text/csv]", "CASE_EXPORT"),
      entry("GET /api/v1/cases/overdue-reports", "CASE_READ"),
      entry("GET /api/v1/cases/{id}", "CASE_READ"),
      entry("POST /api/v1/cases/{id}/reclassify", "CASE_WRITE"),
      entry("POST /api/v1/cases/{id}/severity", "CASE_WRITE"),
      entry("GET /api/v1/cases/{id}/history", "CASE_READ"),
      entry("GET /api/v1/cases/{id}/tests", "CASE_READ"),
      entry("POST /api/v1/cases/{id}/tests", "CASE_WRITE"),
      entry("POST /api/v1/cases/{id}/outcome", "CASE_WRITE"),
      entry("POST /api/v1/cases/{id}/direct-report", "CASE_WRITE"),
      entry("GET /api/v1/cases/{id}/chain", "CASE_READ"),
      entry("POST /api/v1/transmissions", "CHAIN_WRITE"),
      entry("GET /api/v1/chains", "CASE_READ"),
      entry("GET /api/v1/clusters", "CASE_READ"),
      // notification: each user's own inbox (another user's message → 404)
      entry("GET /api/v1/notifications", AUTHENTICATED),
      entry("GET /api/v1/notifications/unread-count", AUTHENTICATED),
      entry("GET /api/v1/notifications/{id}", AUTHENTICATED),
      entry("POST /api/v1/notifications/{id}/read", AUTHENTICATED),
      entry("POST /api/v1/notifications/read-all", AUTHENTICATED),
      // command: the command picture (COMMAND_READ), running it (COMMAND_MANAGE), a unit's own work (UNIT_WORK)
      entry("GET /api/v1/command/organisation", "COMMAND_READ"),
      entry("POST /api/v1/command/units", "COMMAND_MANAGE"),
      entry("POST /api/v1/command/units/{unitCode}/members", "COMMAND_MANAGE"),
      entry("PUT /api/v1/command/units/{unitCode}/duty/{date}", "UNIT_WORK"),
      entry("GET /api/v1/command/duty", "COMMAND_READ"),
      entry("GET /api/v1/command/duty/mine", "UNIT_WORK"),
      entry("GET /api/v1/command/response-level", "COMMAND_READ"),
      entry("POST /api/v1/command/response-level", "COMMAND_MANAGE"),
      entry("GET /api/v1/command/meetings", "COMMAND_READ"),
      entry("POST /api/v1/command/meetings", "COMMAND_MANAGE"),
      entry("GET /api/v1/command/meetings/{id}", "COMMAND_READ"),
      entry("POST /api/v1/command/meetings/{id}/decisions", "COMMAND_MANAGE"),
      entry("GET /api/v1/command/tasks", "COMMAND_READ"),
      entry("POST /api/v1/command/tasks", "COMMAND_MANAGE"),
      entry("GET /api/v1/command/tasks/inbox", "UNIT_WORK"),
      entry("GET /api/v1/command/tasks/{id}", "UNIT_WORK"),
      entry("POST /api/v1/command/tasks/{id}/accept", "UNIT_WORK"),
      entry("POST /api/v1/command/tasks/{id}/start", "UNIT_WORK"),
      entry("POST /api/v1/command/tasks/{id}/complete", "UNIT_WORK"),
      entry("POST /api/v1/command/tasks/{id}/verify", "COMMAND_MANAGE"),
      entry("POST /api/v1/command/tasks/{id}/reject", "COMMAND_MANAGE"),
      entry("POST /api/v1/command/tasks/{id}/remind", "COMMAND_MANAGE"),
      entry("POST /api/v1/command/tasks/{id}/supervise", "COMMAND_MANAGE"),
      entry("POST /api/v1/daily-reports", "UNIT_WORK"),
      entry("PUT /api/v1/daily-reports/{id}", "UNIT_WORK"),
      entry("GET /api/v1/daily-reports/mine", "UNIT_WORK"),
      entry("GET /api/v1/daily-reports/completeness", "COMMAND_READ"),
      entry("GET /api/v1/daily-reports/matrix", "COMMAND_READ"),
      entry("GET /api/v1/daily-reports/consolidated", "COMMAND_READ"),
      // report templates are configuration, not personal data
      entry("GET /api/v1/daily-reports/templates", AUTHENTICATED),
      entry("POST /api/v1/daily-reports/templates", "COMMAND_MANAGE"),
      // movement
      entry("GET /api/v1/risk-areas", "MOVEMENT_READ"),
      entry("POST /api/v1/risk-areas", "RISK_AREA_MANAGE"),
      entry("GET /api/v1/risk-areas/{id}", "MOVEMENT_READ"),
      entry("POST /api/v1/risk-areas/{id}/new-infections", "RISK_AREA_MANAGE"),
      entry("POST /api/v1/risk-areas/proposals", "RISK_AREA_MANAGE"),
      entry("POST /api/v1/risk-areas/{id}/approve", "RISK_AREA_MANAGE"),
      entry("POST /api/v1/arrivals", "MOVEMENT_WRITE"),
      entry("GET /api/v1/arrivals", "MOVEMENT_READ"),
      entry("GET /api/v1/arrivals/{id}", "MOVEMENT_READ"),
      entry("POST /api/v1/public/arrivals", PUBLIC),
      entry("GET /api/v1/pushed-items", "MOVEMENT_READ"),
      entry("GET /api/v1/pushed-items/kpis", "MOVEMENT_READ"),
      entry("GET /api/v1/pushed-items/{id}", "MOVEMENT_READ"),
      entry("POST /api/v1/pushed-items/{id}/sign", "MOVEMENT_WRITE"),
      entry("POST /api/v1/pushed-items/{id}/verify", "MOVEMENT_WRITE"),
      entry("POST /api/v1/pushed-items/{id}/outcome", "MOVEMENT_WRITE"),
      entry("POST /api/v1/pushed-items/{id}/feedback", "MOVEMENT_WRITE"),
      entry("POST /api/v1/pushed-items/{id}/audit", "PUSHED_LIST_IMPORT"),
      entry("GET /api/v1/checkpoints", "MOVEMENT_READ"),
      entry("POST /api/v1/checkpoints", "RISK_AREA_MANAGE"),
      entry("POST /api/v1/green-passes", "RISK_AREA_MANAGE"),
      entry("POST /api/v1/green-passes/{passNumber}/passages", "MOVEMENT_WRITE"),
      entry("GET /api/v1/tubes/{barcode}", "TEST_READ"),
      entry("GET /api/v1/retests", "TEST_READ"),
      entry("POST /api/v1/campaigns", "CAMPAIGN_WRITE"),
      entry("GET /api/v1/campaigns/{id}/coverage", "TEST_READ"),
      entry("GET /api/v1/campaigns/{id}/untested", "TEST_READ"),
      entry("GET /api/v1/campaigns/{id}/untested [text/csv]", "TEST_READ"),
      entry("POST /api/v1/transport-batches", "LAB_SAMPLE_WRITE"),
      entry("POST /api/v1/transport-batches/{code}/receive", "LAB_RESULT_WRITE"),
      // tracing: investigations, contacts
      entry("POST /api/v1/cases/{id}/investigation", "CASE_WRITE"),
      entry("GET /api/v1/cases/{id}/investigation", "CASE_READ"),
      entry("GET /api/v1/investigations", "CASE_READ"),
      entry("GET /api/v1/investigations/mine", "CASE_READ"),
      entry("GET /api/v1/investigations/{id}", "CASE_READ"),
      entry("POST /api/v1/investigations/{id}/assign", "CASE_WRITE"),
      entry("POST /api/v1/investigations/{id}/transition", "CASE_WRITE"),
      entry("GET /api/v1/investigations/{id}/trajectory", "CASE_READ"),
      entry("POST /api/v1/investigations/{id}/trajectory", "CASE_WRITE"),
      entry("POST /api/v1/cases/{id}/contacts", "CASE_WRITE"),
      entry("GET /api/v1/cases/{id}/contacts", "CASE_READ"),
      entry("GET /api/v1/contacts", "CASE_READ"),
      entry("GET /api/v1/contacts/to-locate", "CASE_READ"),
      entry("GET /api/v1/contacts/kpi/under-control", "CASE_READ"),
      entry("GET /api/v1/contacts/{id}", "CASE_READ"),
      entry("POST /api/v1/contacts/{id}/tracking", "CONTACT_TRACK"),
      // tracing: venues, co-presence
      entry("POST /api/v1/venues", "CASE_WRITE"),
      entry("GET /api/v1/venues", "CASE_READ"),
      entry("GET /api/v1/venues/{code}", "CASE_READ"),
      entry("POST /api/v1/investigations/{id}/copresence", "CASE_WRITE"),
      entry("GET /api/v1/investigations/{id}/candidates", "CASE_READ"),
      entry("POST /api/v1/investigations/{id}/candidates/{candidateId}/confirm", "CASE_WRITE"),
      entry("POST /api/v1/investigations/{id}/candidates/{candidateId}/dismiss", "CASE_WRITE"),
      // analytics: counts only, inside the caller's jurisdiction
      entry("GET /api/v1/analytics/dashboard", "DASHBOARD_READ"),
      entry("GET /api/v1/analytics/rt", "DASHBOARD_READ"),
      // analytics: epidemic statistics and SEIR projection, counts only
      entry("GET /api/v1/analytics/curves", "DASHBOARD_READ"),
      entry("GET /api/v1/analytics/growth", "DASHBOARD_READ"),
      entry("GET /api/v1/analytics/serial-interval", "DASHBOARD_READ"),
      entry("GET /api/v1/analytics/incubation-period", "DASHBOARD_READ"),
      entry("GET /api/v1/analytics/projection", "DASHBOARD_READ"),
      // labtest: FHIR R4 in
      entry("POST /api/v1/fhir/Observation", "LAB_RESULT_WRITE"),
      entry("POST /api/v1/fhir", "LAB_RESULT_WRITE"),
      // analytics: the public bulletin (command office), published bulletins for everyone
      entry("POST /api/v1/analytics/bulletins", "BULLETIN_MANAGE"),
      entry("GET /api/v1/analytics/bulletins", "BULLETIN_MANAGE"),
      entry("GET /api/v1/analytics/bulletins/{date}", "BULLETIN_MANAGE"),
      entry("PUT /api/v1/analytics/bulletins/{date}", "BULLETIN_MANAGE"),
      entry("POST /api/v1/analytics/bulletins/{date}/approve", "BULLETIN_MANAGE"),
      entry("POST /api/v1/analytics/bulletins/{date}/publish", "BULLETIN_MANAGE"),
      entry("GET /api/v1/public/bulletins", PUBLIC),
      entry("GET /api/v1/public/bulletins/{date}", PUBLIC),
      // labtest: campaign board
      entry("GET /api/v1/campaigns", "TEST_READ"),
      entry("GET /api/v1/campaigns/{id}", "TEST_READ"),
      entry("POST /api/v1/campaigns/{id}/rounds", "CAMPAIGN_WRITE"),
      entry("GET /api/v1/campaigns/{id}/progress", "TEST_READ"),
      entry("GET /api/v1/campaigns/{id}/sites", "TEST_READ"),
      entry("GET /api/v1/campaigns/{id}/turnaround", "TEST_READ"),
      entry("GET /api/v1/campaigns/{id}/pool-size", "TEST_READ"),
      // movement: green-pass checks, the district desk, the worker's one-step report
      entry("GET /api/v1/green-passes", "MOVEMENT_READ"),
      entry("GET /api/v1/green-passes/check", "MOVEMENT_READ"),
      entry("GET /api/v1/pushed-items/desk", "PUSHED_LIST_IMPORT"),
      entry("POST /api/v1/pushed-items/{id}/assign", "PUSHED_LIST_IMPORT"),
      entry("POST /api/v1/pushed-items/{id}/match", "PUSHED_LIST_IMPORT"),
      entry("POST /api/v1/pushed-items/{id}/report", "MOVEMENT_WRITE"),
      // divisions: population by administrators; the picker's tree is published administrative data
      entry("PUT /api/v1/jurisdictions/{code}", "JURISDICTION_ADMIN"),
      entry("GET /api/v1/public/divisions", PUBLIC),
      entry("GET /api/v1/public/divisions/{code}/ancestry", PUBLIC),
      entry("GET /api/v1/public/divisions/search", PUBLIC),
      // rule sets as data
      entry("GET /api/v1/quarantine/rule-sets/{code}", AUTHENTICATED),
      // venues and checkpoints: master data corrected, retired and reactivated
      entry("PUT /api/v1/venues/{code}", "CASE_WRITE"),
      entry("POST /api/v1/venues/{code}/retire", "CASE_WRITE"),
      entry("POST /api/v1/venues/{code}/reactivate", "CASE_WRITE"),
      entry("GET /api/v1/venue-types", "CASE_READ"),
      entry("GET /api/v1/checkpoints/{code}", "MOVEMENT_READ"),
      entry("PUT /api/v1/checkpoints/{code}", "RISK_AREA_MANAGE"),
      entry("POST /api/v1/checkpoints/{code}/retire", "RISK_AREA_MANAGE"),
      entry("POST /api/v1/checkpoints/{code}/reactivate", "RISK_AREA_MANAGE"),
      entry("GET /api/v1/checkpoint-kinds", "MOVEMENT_READ"),
      // labtest: sampling sites and labs as master data; quarantine sites corrected and retired
      entry("GET /api/v1/labtest/sampling-sites", "TEST_READ|LAB_ADMIN"),
      entry("POST /api/v1/labtest/sampling-sites", "LAB_ADMIN"),
      entry("GET /api/v1/labtest/sampling-sites/{code}", "TEST_READ|LAB_ADMIN"),
      entry("PUT /api/v1/labtest/sampling-sites/{code}", "LAB_ADMIN"),
      entry("POST /api/v1/labtest/sampling-sites/{code}/retire", "LAB_ADMIN"),
      entry("POST /api/v1/labtest/sampling-sites/{code}/reactivate", "LAB_ADMIN"),
      entry("GET /api/v1/labtest/labs", "TEST_READ|LAB_ADMIN"),
      entry("POST /api/v1/labtest/labs", "LAB_ADMIN"),
      entry("GET /api/v1/labtest/labs/{code}", "TEST_READ|LAB_ADMIN"),
      entry("PUT /api/v1/labtest/labs/{code}", "LAB_ADMIN"),
      entry("POST /api/v1/labtest/labs/{code}/retire", "LAB_ADMIN"),
      entry("POST /api/v1/labtest/labs/{code}/reactivate", "LAB_ADMIN"),
      entry("GET /api/v1/quarantine/sites/{id}", "QUARANTINE_READ"),
      entry("PUT /api/v1/quarantine/sites/{id}", "SITE_OPERATE"),
      entry("POST /api/v1/quarantine/sites/{id}/retire", "SITE_OPERATE"),
      entry("POST /api/v1/quarantine/sites/{id}/reactivate", "SITE_OPERATE"),
      // command and supervision master data: units, members, leadership group, duty ranges, templates
      entry("GET /api/v1/command/units", "COMMAND_MANAGE"),
      entry("PUT /api/v1/command/units/{unitCode}", "COMMAND_MANAGE"),
      entry("POST /api/v1/command/units/{unitCode}/retire", "COMMAND_MANAGE"),
      entry("POST /api/v1/command/units/{unitCode}/reactivate", "COMMAND_MANAGE"),
      entry("DELETE /api/v1/command/units/{unitCode}/members/{username}", "COMMAND_MANAGE"),
      entry("GET /api/v1/command/units/{unitCode}/duty", "UNIT_WORK"),
      entry("PUT /api/v1/command/units/{unitCode}/duty", "UNIT_WORK"),
      entry("GET /api/v1/command/leadership", "COMMAND_READ"),
      entry("POST /api/v1/command/leadership/members", "COMMAND_MANAGE"),
      entry("PUT /api/v1/command/leadership/members/{id}", "COMMAND_MANAGE"),
      entry("POST /api/v1/command/leadership/members/{id}/end", "COMMAND_MANAGE"),
      entry("PUT /api/v1/daily-reports/templates/{id}", "COMMAND_MANAGE"),
      entry("POST /api/v1/daily-reports/templates/{id}/default", "COMMAND_MANAGE"),
      entry("PUT /api/v1/daily-reports/templates/{id}/kinds", "COMMAND_MANAGE"),
      entry("POST /api/v1/daily-reports/templates/{id}/retire", "COMMAND_MANAGE"),
      // accounts: own password, unlocking, temporary roles (break-the-glass)
      entry("POST /api/v1/me/password", AUTHENTICATED),
      entry("POST /api/v1/users/{id}/unlock", "ACCESS_ADMIN"),
      entry("GET /api/v1/grants", "ACCESS_ADMIN|AUDIT_READ"),
      entry("POST /api/v1/grants", "ACCESS_ADMIN"),
      entry("POST /api/v1/grants/{id}/revoke", "ACCESS_ADMIN"),
      // outbound messages, door sensor credentials
      entry("POST /api/v1/quarantine/door-sensors/{deviceId}/credential", "QUARANTINE_WRITE"),
      entry("POST /api/v1/quarantine/orders/{id}/health-link/sms", "QUARANTINE_WRITE|SITE_OPERATE"),
      entry("GET /api/v1/notifications/contact", AUTHENTICATED),
      entry("PUT /api/v1/notifications/contact", AUTHENTICATED),
      entry("GET /api/v1/notifications/deliveries", "USER_ADMIN"),
      entry("POST /api/v1/notifications/deliveries/{id}/retry", "USER_ADMIN"),
      // entity-bound roles: administrators bind site managers to sites
      entry("GET /api/v1/quarantine/site-staff/{entity}", "USER_ADMIN"),
      entry("POST /api/v1/quarantine/site-staff/{entity}", "USER_ADMIN"),
      entry("DELETE /api/v1/quarantine/site-staff/{entity}/{username}", "USER_ADMIN"),
      entry("GET /api/v1/labtest/lab-staff/{entity}", "USER_ADMIN"),
      entry("POST /api/v1/labtest/lab-staff/{entity}", "USER_ADMIN"),
      entry("DELETE /api/v1/labtest/lab-staff/{entity}/{username}", "USER_ADMIN"),
      // maps: boundaries are published administrative data (administrators import them); the map layers and
      // the big screen are counts, places and notices — the kiosk's SCREEN_READ is all it has
      entry("POST /api/v1/jurisdictions/boundaries", "JURISDICTION_ADMIN"),
      entry("GET /api/v1/jurisdictions/{code}/map", AUTHENTICATED),
      entry("GET /api/v1/maps/areas", "DASHBOARD_READ|SCREEN_READ"),
      entry("GET /api/v1/maps/overlays", "DASHBOARD_READ|SCREEN_READ"),
      entry("GET /api/v1/screen", "SCREEN_READ"),
      // vaccination
      entry("GET /api/v1/vaccination/products", "VACCINATION_READ|VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/products", "VACCINATION_ADMIN"),
      entry("GET /api/v1/vaccination/products/{code}", "VACCINATION_READ|VACCINATION_ADMIN"),
      entry("PUT /api/v1/vaccination/products/{code}", "VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/products/{code}/retire", "VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/products/{code}/reactivate", "VACCINATION_ADMIN"),
      entry("GET /api/v1/vaccination/sites", "VACCINATION_READ|VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/sites", "VACCINATION_ADMIN"),
      entry("GET /api/v1/vaccination/sites/{code}", "VACCINATION_READ|VACCINATION_ADMIN"),
      entry("PUT /api/v1/vaccination/sites/{code}", "VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/sites/{code}/retire", "VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/sites/{code}/reactivate", "VACCINATION_ADMIN"),
      entry("GET /api/v1/vaccination/vaccinators", "VACCINATION_READ|VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/vaccinators", "VACCINATION_ADMIN"),
      entry("GET /api/v1/vaccination/vaccinators/{code}", "VACCINATION_READ|VACCINATION_ADMIN"),
      entry("PUT /api/v1/vaccination/vaccinators/{code}", "VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/vaccinators/{code}/retire", "VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/vaccinators/{code}/reactivate", "VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/doses", "VACCINATION_WRITE"),
      entry("GET /api/v1/vaccination/persons/{personId}", "VACCINATION_READ"),
      entry("GET /api/v1/vaccination/coverage", "VACCINATION_READ|VACCINATION_ADMIN"),
      entry("GET /api/v1/vaccination/coverage/targets", "VACCINATION_READ|VACCINATION_ADMIN"),
      entry("PUT /api/v1/vaccination/coverage/targets", "VACCINATION_ADMIN"),
      entry("POST /api/v1/vaccination/coverage/residents", "VACCINATION_ADMIN"),
      entry("GET /api/v1/vaccination/targets/mine", "VACCINATION_READ"),
      entry("POST /api/v1/vaccination/targets/{personId}/outcome", "VACCINATION_VISIT"),
      entry("POST /api/v1/vaccination/targets/generate", "VACCINATION_VISIT"),
      entry("GET /api/v1/vaccination/exclusions", "VACCINATION_READ"),
      entry("POST /api/v1/vaccination/exclusions", "VACCINATION_VISIT|VACCINATION_WRITE"),
      entry("POST /api/v1/vaccination/exclusions/{id}/lift", "VACCINATION_VISIT|VACCINATION_WRITE"),
      entry("GET /api/v1/vaccination/adverse-events", "VACCINATION_READ"),
      entry("GET /api/v1/vaccination/adverse-events/{id}", "VACCINATION_READ"),
      entry("POST /api/v1/vaccination/adverse-events", "VACCINATION_WRITE"),
      entry("POST /api/v1/vaccination/adverse-events/{id}/report", "VACCINATION_WRITE"),
      entry("POST /api/v1/vaccination/adverse-events/{id}/close", "VACCINATION_WRITE"),
      entry("POST /api/v1/vaccination/fhir/Immunization", "VACCINATION_IMPORT"),
      entry("POST /api/v1/vaccination/fhir", "VACCINATION_IMPORT"),
      // screening: rounds, visits, findings (grid workers visit, street staff assign, district and city launch);
      // gatherings, their policies and the rural market days
      entry("GET /api/v1/screening/rounds", "SCREENING_READ"),
      entry("POST /api/v1/screening/rounds", "SCREENING_MANAGE"),
      entry("GET /api/v1/screening/rounds/{id}", "SCREENING_READ"),
      entry("POST /api/v1/screening/rounds/{id}/start", "SCREENING_MANAGE"),
      entry("POST /api/v1/screening/rounds/{id}/close", "SCREENING_MANAGE"),
      entry("GET /api/v1/screening/rounds/{id}/coverage", "SCREENING_READ"),
      entry("GET /api/v1/screening/rounds/{id}/households", "SCREENING_READ"),
      entry("GET /api/v1/screening/rounds/{id}/unvisited", "SCREENING_READ"),
      entry("GET /api/v1/screening/rounds/{id}/unvisited [text/csv]", "SCREENING_READ"),
      entry("GET /api/v1/screening/rounds/{id}/assignments", "SCREENING_READ"),
      entry("PUT /api/v1/screening/rounds/{id}/assignments/{jurisdictionCode}", "SCREENING_ASSIGN"),
      entry("POST /api/v1/screening/households/{householdId}/visits", "SCREENING_VISIT"),
      entry("GET /api/v1/screening/visits/{id}", "SCREENING_READ"),
      entry("PUT /api/v1/screening/visits/{id}", "SCREENING_VISIT"),
      entry("GET /api/v1/screening/findings", "SCREENING_READ"),
      entry("GET /api/v1/screening/findings/{id}", "SCREENING_READ"),
      entry("POST /api/v1/screening/findings/{id}/action", "SCREENING_VISIT"),
      entry("POST /api/v1/screening/findings/{id}/close", "SCREENING_VISIT"),
      entry("GET /api/v1/gatherings", "SCREENING_READ"),
      entry("POST /api/v1/gatherings", "SCREENING_VISIT"),
      entry("GET /api/v1/gatherings/{id}", "SCREENING_READ"),
      entry("POST /api/v1/gatherings/{id}/approve", "SCREENING_MANAGE"),
      entry("POST /api/v1/gatherings/{id}/advise", "SCREENING_MANAGE"),
      entry("POST /api/v1/gatherings/{id}/reject", "SCREENING_MANAGE"),
      entry("POST /api/v1/gatherings/{id}/held", "SCREENING_VISIT"),
      entry("POST /api/v1/gatherings/{id}/follow-ups", "SCREENING_VISIT"),
      entry("POST /api/v1/gatherings/{id}/close", "SCREENING_VISIT"),
      entry("GET /api/v1/gathering-policies", "SCREENING_READ"),
      entry("POST /api/v1/gathering-policies", "SCREENING_MANAGE"),
      entry("GET /api/v1/market-days", "SCREENING_READ"),
      entry("POST /api/v1/market-days", "SCREENING_MANAGE"),
      entry("POST /api/v1/market-days/{id}/status", "SCREENING_MANAGE"),
      // organisations and reopening
      entry("GET /api/v1/organisations", "ORGANISATION_READ"),
      entry("POST /api/v1/organisations", "ORGANISATION_WRITE"),
      entry("GET /api/v1/organisations/{id}", "ORGANISATION_READ"),
      entry("PUT /api/v1/organisations/{id}", "ORGANISATION_WRITE"),
      entry("POST /api/v1/organisations/{id}/retire", "ORGANISATION_WRITE"),
      entry("POST /api/v1/organisations/{id}/reactivate", "ORGANISATION_WRITE"),
      entry("GET /api/v1/organisation-contacts/{entity}", "USER_ADMIN"),
      entry("POST /api/v1/organisation-contacts/{entity}", "USER_ADMIN"),
      entry("DELETE /api/v1/organisation-contacts/{entity}/{username}", "USER_ADMIN"),
      entry("GET /api/v1/organisations/{id}/staff", "RESUMPTION_READ"),
      entry("POST /api/v1/organisations/{id}/staff", "RESUMPTION_APPLY"),
      entry("GET /api/v1/organisations/{id}/staff/summary", "RESUMPTION_READ"),
      entry("GET /api/v1/organisations/{id}/staff/{staffId}", "RESUMPTION_READ"),
      entry("PUT /api/v1/organisations/{id}/staff/{staffId}", "RESUMPTION_APPLY"),
      entry("POST /api/v1/organisations/{id}/daily-health", "RESUMPTION_APPLY"),
      entry("GET /api/v1/organisations/{id}/daily-health", "RESUMPTION_READ"),
      entry("GET /api/v1/organisations/daily-health/completeness", "RESUMPTION_READ"),
      entry("GET /api/v1/checklist-templates", AUTHENTICATED),
      entry("GET /api/v1/checklist-templates/{code}", AUTHENTICATED),
      entry("POST /api/v1/checklist-templates", "RESUMPTION_DECIDE"),
      entry("GET /api/v1/resumption/gates", "RESUMPTION_READ"),
      entry("POST /api/v1/resumption/gates", "RESUMPTION_DECIDE"),
      entry("GET /api/v1/resumption/gates/{id}", "RESUMPTION_READ"),
      entry("POST /api/v1/resumption/gates/{id}/retire", "RESUMPTION_DECIDE"),
      entry("GET /api/v1/resumption/board", "RESUMPTION_READ"),
      entry("GET /api/v1/resumption/sector-reviewers/{entity}", "USER_ADMIN"),
      entry("POST /api/v1/resumption/sector-reviewers/{entity}", "USER_ADMIN"),
      entry("DELETE /api/v1/resumption/sector-reviewers/{entity}/{username}", "USER_ADMIN"),
      entry("GET /api/v1/resumption/applications", "RESUMPTION_READ"),
      entry("POST /api/v1/resumption/applications", "RESUMPTION_APPLY"),
      entry("GET /api/v1/resumption/applications/{id}", "RESUMPTION_READ"),
      entry("PUT /api/v1/resumption/applications/{id}", "RESUMPTION_APPLY"),
      entry("GET /api/v1/resumption/applications/{id}/requirements", "RESUMPTION_READ"),
      entry("POST /api/v1/resumption/applications/{id}/submit", "RESUMPTION_APPLY"),
      entry("POST /api/v1/resumption/applications/{id}/start-review", "RESUMPTION_REVIEW"),
      entry("POST /api/v1/resumption/applications/{id}/request-inspection", "RESUMPTION_REVIEW"),
      entry("POST /api/v1/resumption/applications/{id}/approve", "RESUMPTION_DECIDE"),
      entry("POST /api/v1/resumption/applications/{id}/reject", "RESUMPTION_REVIEW|RESUMPTION_DECIDE"),
      entry("POST /api/v1/resumption/applications/{id}/suspend", "RESUMPTION_DECIDE"),
      entry("POST /api/v1/resumption/applications/{id}/resume", "RESUMPTION_DECIDE"),
      entry("POST /api/v1/resumption/applications/{id}/reopen", "RESUMPTION_APPLY"),
      entry("PUT /api/v1/resumption/applications/{id}/checklist/{itemCode}", "RESUMPTION_APPLY|RESUMPTION_INSPECT"),
      entry("POST /api/v1/resumption/applications/{id}/checklist/{itemCode}/photos",
          "RESUMPTION_APPLY|RESUMPTION_INSPECT"),
      entry("GET /api/v1/resumption/applications/{id}/checklist/photos/{photoId}", "RESUMPTION_READ"),
      entry("POST /api/v1/resumption/applications/{id}/sign-offs",
          "RESUMPTION_APPLY|RESUMPTION_REVIEW|RESUMPTION_DECIDE"),
      entry("POST /api/v1/resumption/applications/{id}/documents", "RESUMPTION_APPLY"),
      entry("GET /api/v1/resumption/applications/{id}/documents/{documentId}", "RESUMPTION_READ"),
      // treatment: hospitals, beds, admissions, expert teams, the bed gap; hospital operators bound by
      // administrators; testing capacity: the campaign plan; medical-service requests
      entry("GET /api/v1/hospitals", "TREATMENT_READ"),
      entry("POST /api/v1/hospitals", "TREATMENT_ADMIN"),
      entry("GET /api/v1/hospitals/{code}", "TREATMENT_READ"),
      entry("PUT /api/v1/hospitals/{code}", "TREATMENT_ADMIN"),
      entry("POST /api/v1/hospitals/{code}/activate", "TREATMENT_ADMIN"),
      entry("POST /api/v1/hospitals/{code}/stand-down", "TREATMENT_ADMIN"),
      entry("POST /api/v1/hospitals/{code}/standby", "TREATMENT_ADMIN"),
      entry("PUT /api/v1/hospitals/{code}/beds/{type}", "ADMISSION_WRITE|TREATMENT_ADMIN"),
      entry("GET /api/v1/admissions", "TREATMENT_READ"),
      entry("POST /api/v1/admissions", "ADMISSION_WRITE"),
      entry("GET /api/v1/admissions/{id}", "TREATMENT_READ"),
      entry("POST /api/v1/admissions/{id}/transfer", "ADMISSION_WRITE"),
      entry("POST /api/v1/admissions/{id}/discharge", "ADMISSION_WRITE"),
      entry("POST /api/v1/admissions/{id}/death", "ADMISSION_WRITE"),
      entry("GET /api/v1/expert-teams", "TREATMENT_READ"),
      entry("POST /api/v1/expert-teams", "TREATMENT_ADMIN"),
      entry("GET /api/v1/expert-teams/waiting", "TREATMENT_ADMIN"),
      entry("PUT /api/v1/cases/{id}/expert-team", "TREATMENT_ADMIN"),
      entry("GET /api/v1/treatment/board", "TREATMENT_READ|DASHBOARD_READ"),
      entry("GET /api/v1/treatment/capacity-gap", "TREATMENT_READ|DASHBOARD_READ"),
      entry("GET /api/v1/treatment/hospital-staff/{entity}", "USER_ADMIN"),
      entry("POST /api/v1/treatment/hospital-staff/{entity}", "USER_ADMIN"),
      entry("DELETE /api/v1/treatment/hospital-staff/{entity}/{username}", "USER_ADMIN"),
      entry("GET /api/v1/campaigns/{id}/plan", "TEST_READ"),
      entry("GET /api/v1/medical-requests", "QUARANTINE_READ|TREATMENT_ADMIN"),
      entry("POST /api/v1/medical-requests", "QUARANTINE_WRITE|TREATMENT_ADMIN"),
      entry("GET /api/v1/medical-requests/{id}", "QUARANTINE_READ|TREATMENT_ADMIN"),
      entry("POST /api/v1/medical-requests/{id}/accept", "TREATMENT_ADMIN"),
      entry("POST /api/v1/medical-requests/{id}/dispatch", "TREATMENT_ADMIN"),
      entry("POST /api/v1/medical-requests/{id}/serve", "TREATMENT_ADMIN"),
      entry("POST /api/v1/medical-requests/{id}/refer", "TREATMENT_ADMIN"),
      entry("POST /api/v1/medical-requests/{id}/cancel", "TREATMENT_ADMIN"),
      // supplies: the catalogue and warehouses (supplies group), the ledger (group and keepers, a keeper
      // only in their warehouses: 404 elsewhere), requests of units (404 outside the jurisdiction)
      entry("GET /api/v1/supplies/items", "SUPPLIES_READ|SUPPLIES_MANAGE|SUPPLIES_REQUEST"),
      entry("POST /api/v1/supplies/items", "SUPPLIES_MANAGE"),
      entry("GET /api/v1/supplies/warehouses", "SUPPLIES_READ|SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/warehouses", "SUPPLIES_MANAGE"),
      entry("GET /api/v1/supplies/warehouses/{code}/stock", "SUPPLIES_READ|SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/movements", "SUPPLIES_MANAGE|WAREHOUSE_OPERATE"),
      entry("GET /api/v1/supplies/stock-days", "SUPPLIES_READ|SUPPLIES_MANAGE"),
      entry("GET /api/v1/supplies/stock-alerts", "SUPPLIES_READ|SUPPLIES_MANAGE"),
      entry("GET /api/v1/supplies/warehouse-keepers/{entity}", "USER_ADMIN"),
      entry("POST /api/v1/supplies/warehouse-keepers/{entity}", "USER_ADMIN"),
      entry("DELETE /api/v1/supplies/warehouse-keepers/{entity}/{username}", "USER_ADMIN"),
      entry("GET /api/v1/supplies/requests", "SUPPLIES_READ|SUPPLIES_REQUEST|SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests", "SUPPLIES_REQUEST|SUPPLIES_MANAGE"),
      entry("GET /api/v1/supplies/requests/{id}", "SUPPLIES_READ|SUPPLIES_REQUEST|SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests/{id}/submit", "SUPPLIES_REQUEST|SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests/{id}/approve", "SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests/{id}/reject", "SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests/{id}/allocate", "SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests/{id}/dispatch", "SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests/{id}/receive", "SUPPLIES_REQUEST|SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests/{id}/cancel", "SUPPLIES_REQUEST|SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests/{id}/close", "SUPPLIES_MANAGE"),
      entry("GET /api/v1/supplies/producers", "SUPPLIES_READ|SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/producers", "SUPPLIES_MANAGE"),
      entry("GET /api/v1/supplies/producers/{id}", "SUPPLIES_READ|SUPPLIES_MANAGE"),
      entry("GET /api/v1/supplies/producers/{id}/reports", "SUPPLIES_READ|SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/producers/{id}/reports", "SUPPLIES_MANAGE"),
      entry("GET /api/v1/prices/markets", "PRICE_READ|PRICE_REPORT"),
      entry("POST /api/v1/prices/markets", "PRICE_REPORT"),
      entry("GET /api/v1/prices", "PRICE_READ|PRICE_REPORT"),
      entry("GET /api/v1/prices/series", "PRICE_READ|PRICE_REPORT"),
      entry("POST /api/v1/prices", "PRICE_REPORT"),
      entry("PUT /api/v1/prices/{id}", "PRICE_REPORT"),
      entry("GET /api/v1/prices/alerts", "PRICE_READ|PRICE_REPORT"),
      // sentinels: pharmacies, policies, purchases, verification (a clerk reaches their pharmacy only)
      entry("GET /api/v1/sentinel/pharmacies", "SENTINEL_READ|PURCHASE_REGISTER"),
      entry("POST /api/v1/sentinel/pharmacies", "SENTINEL_MANAGE"),
      entry("GET /api/v1/sentinel/pharmacies/{code}", "SENTINEL_READ|PURCHASE_REGISTER"),
      entry("POST /api/v1/sentinel/pharmacies/{code}/status", "SENTINEL_MANAGE"),
      entry("GET /api/v1/sentinel/pharmacies/{code}/inspections", "SENTINEL_READ"),
      entry("POST /api/v1/sentinel/pharmacies/{code}/inspections", "SENTINEL_MANAGE"),
      entry("POST /api/v1/sentinel/pharmacies/{code}/inspections/{id}/withdraw", "SENTINEL_MANAGE"),
      entry("POST /api/v1/sentinel/pharmacies/{code}/inspections/{id}/correct", "SENTINEL_MANAGE"),
      entry("GET /api/v1/sentinel/drug-catalogue", "SENTINEL_READ|PURCHASE_REGISTER"),
      entry("POST /api/v1/sentinel/drug-catalogue", "SENTINEL_MANAGE"),
      entry("PUT /api/v1/sentinel/drug-catalogue/{approvalNumber}", "SENTINEL_MANAGE"),
      entry("POST /api/v1/sentinel/drug-catalogue/{approvalNumber}/retire", "SENTINEL_MANAGE"),
      entry("POST /api/v1/sentinel/drug-catalogue/{approvalNumber}/restore", "SENTINEL_MANAGE"),
      entry("GET /api/v1/sentinel/board", "SENTINEL_READ"),
      entry("GET /api/v1/sentinel/drug-policies", "SENTINEL_READ"),
      entry("POST /api/v1/sentinel/drug-policies", "SENTINEL_MANAGE"),
      entry("POST /api/v1/sentinel/purchases", "PURCHASE_REGISTER"),
      entry("POST /api/v1/sentinel/fever-enquiries", "PURCHASE_REGISTER"),
      entry("GET /api/v1/sentinel/purchases", "SENTINEL_READ|PURCHASE_REGISTER"),
      entry("GET /api/v1/sentinel/purchases/{id}", "SENTINEL_READ|PURCHASE_REGISTER"),
      entry("GET /api/v1/sentinel/verification", "SENTINEL_READ"),
      entry("GET /api/v1/sentinel/verification/{id}", "SENTINEL_READ"),
      entry("POST /api/v1/sentinel/verification/{id}/contact", "SENTINEL_VERIFY"),
      entry("POST /api/v1/sentinel/verification/{id}/close", "SENTINEL_VERIFY"),
      entry("GET /api/v1/sentinel/pharmacy-clerks/{entity}", "USER_ADMIN"),
      entry("POST /api/v1/sentinel/pharmacy-clerks/{entity}", "USER_ADMIN"),
      entry("DELETE /api/v1/sentinel/pharmacy-clerks/{entity}/{username}", "USER_ADMIN"),
      entry("GET /api/v1/sentinel/clinics", "SENTINEL_READ|CLINIC_REGISTER"),
      entry("POST /api/v1/sentinel/clinics", "SENTINEL_MANAGE"),
      entry("GET /api/v1/sentinel/clinic-visits", "SENTINEL_READ|CLINIC_REGISTER"),
      entry("POST /api/v1/sentinel/clinic-visits", "CLINIC_REGISTER"),
      entry("GET /api/v1/sentinel/clinic-visits/{id}", "SENTINEL_READ|CLINIC_REGISTER"),
      entry("GET /api/v1/sentinel/clinic-staff/{entity}", "USER_ADMIN"),
      entry("POST /api/v1/sentinel/clinic-staff/{entity}", "USER_ADMIN"),
      entry("DELETE /api/v1/sentinel/clinic-staff/{entity}/{username}", "USER_ADMIN"),
      // supplies: items and warehouses corrected and retired, dispatch plans, the price baseline and markup caps
      entry("GET /api/v1/supplies/items/{code}", "SUPPLIES_READ|SUPPLIES_MANAGE|SUPPLIES_REQUEST"),
      entry("PUT /api/v1/supplies/items/{code}", "SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/items/{code}/retire", "SUPPLIES_MANAGE"),
      entry("GET /api/v1/supplies/warehouses/{code}", "SUPPLIES_READ|SUPPLIES_MANAGE"),
      entry("PUT /api/v1/supplies/warehouses/{code}", "SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/warehouses/{code}/retire", "SUPPLIES_MANAGE"),
      entry("POST /api/v1/supplies/requests/{id}/plan-dispatch", "SUPPLIES_MANAGE"),
      entry("GET /api/v1/prices/baseline", "PRICE_READ|PRICE_REPORT"),
      entry("PUT /api/v1/prices/baseline", "SUPPLIES_MANAGE"),
      entry("GET /api/v1/prices/caps", "PRICE_READ|PRICE_REPORT"),
      entry("PUT /api/v1/prices/caps", "PRICE_REPORT"),
      // treatment and testing capacity: standby sites and their activation, the site standard, lab turnaround
      entry("POST /api/v1/quarantine/sites/{id}/status", "SITE_OPERATE"),
      entry("GET /api/v1/quarantine/sites/{id}/standard", "QUARANTINE_READ"),
      entry("POST /api/v1/quarantine/sites/{id}/standard/{item}", "SITE_OPERATE"),
      entry("GET /api/v1/labtest/turnaround", "TEST_READ"),
      // lockdown: the command office declares, seals and lifts areas; district, street and community staff
      // run posts, shifts, the pool, service requests and outing passes inside their jurisdiction
      entry("GET /api/v1/lockdown/areas", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/areas", "RISK_AREA_MANAGE"),
      entry("GET /api/v1/lockdown/areas/{id}", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/areas/{id}/activate", "RISK_AREA_MANAGE"),
      entry("POST /api/v1/lockdown/areas/{id}/lift", "RISK_AREA_MANAGE"),
      entry("POST /api/v1/lockdown/areas/{id}/cancel", "RISK_AREA_MANAGE"),
      entry("GET /api/v1/lockdown/areas/{id}/posts", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/areas/{id}/posts", "MOVEMENT_WRITE"),
      entry("POST /api/v1/lockdown/posts/{id}/end", "MOVEMENT_WRITE"),
      entry("GET /api/v1/lockdown/areas/{id}/shifts", "MOVEMENT_READ"),
      entry("GET /api/v1/lockdown/areas/{id}/gaps", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/posts/{id}/shifts", "MOVEMENT_WRITE"),
      entry("POST /api/v1/lockdown/shifts/{id}/check-in", "MOVEMENT_WRITE"),
      entry("POST /api/v1/lockdown/shifts/{id}/cancel", "MOVEMENT_WRITE"),
      entry("GET /api/v1/lockdown/workers", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/workers", "MOVEMENT_WRITE"),
      entry("GET /api/v1/lockdown/workers/{id}", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/workers/{id}/retire", "MOVEMENT_WRITE"),
      entry("GET /api/v1/lockdown/requests", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/areas/{id}/requests", "MOVEMENT_WRITE"),
      entry("GET /api/v1/lockdown/requests/{id}", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/requests/{id}/assign", "MOVEMENT_WRITE"),
      entry("POST /api/v1/lockdown/requests/{id}/close", "MOVEMENT_WRITE"),
      entry("GET /api/v1/lockdown/areas/{id}/passes", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/areas/{id}/passes", "MOVEMENT_WRITE"),
      entry("POST /api/v1/lockdown/passes/{number}/revoke", "MOVEMENT_WRITE"),
      entry("POST /api/v1/lockdown/pass-checks", "MOVEMENT_WRITE"),
      entry("POST /api/v1/lockdown/outings", "MOVEMENT_WRITE"),
      // lockdown, second step: a volunteer's own shifts and deliveries (someone else's answer 404)
      entry("GET /api/v1/lockdown/my", "LOCKDOWN_TASK"),
      entry("POST /api/v1/lockdown/my/shifts/{id}/check-in", "LOCKDOWN_TASK"),
      entry("POST /api/v1/lockdown/my/requests/{id}/deliver", "LOCKDOWN_TASK"),
      entry("GET /api/v1/lockdown/areas/{id}/vulnerable", "MOVEMENT_READ"),
      entry("POST /api/v1/lockdown/areas/{id}/vulnerable", "MOVEMENT_WRITE"),
      entry("POST /api/v1/lockdown/vulnerable/{id}/remove", "MOVEMENT_WRITE"),
      entry("GET /api/v1/lockdown/readiness", "MOVEMENT_READ"),
      // tip-offs: the public sends and follows its own (rate-limited); the office triages, rewards and refers;
      // the community verifies; the informant endpoint answers 404 to all but the office (TIPOFF_INFORMANT)
      entry("POST /api/v1/public/tip-offs", PUBLIC),
      entry("GET /api/v1/public/tip-offs/{receipt}", PUBLIC),
      entry("GET /api/v1/tip-offs", "TIPOFF_READ"),
      entry("POST /api/v1/tip-offs", "TIPOFF_MANAGE"),
      entry("GET /api/v1/tip-offs/{id}", "TIPOFF_READ"),
      entry("GET /api/v1/tip-offs/{id}/informant", "TIPOFF_READ"),
      entry("POST /api/v1/tip-offs/{id}/assign", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/{id}/reject", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/{id}/start", "TIPOFF_VERIFY"),
      entry("POST /api/v1/tip-offs/{id}/verify", "TIPOFF_VERIFY"),
      entry("POST /api/v1/tip-offs/{id}/propose-reward", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/{id}/approve-reward", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/{id}/decline-reward", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/{id}/pay", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/{id}/close", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/{id}/referral", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/{id}/referral/decision", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/{id}/referral/files", "TIPOFF_MANAGE"),
      entry("GET /api/v1/tip-offs/{id}/referral/files/{fileId}", "TIPOFF_MANAGE"),
      // the reward scale per topic
      entry("GET /api/v1/tip-offs/reward-scales", "TIPOFF_READ"),
      entry("PUT /api/v1/tip-offs/reward-scales/{topic}", "TIPOFF_MANAGE"),
      entry("DELETE /api/v1/tip-offs/reward-scales/{topic}", "TIPOFF_MANAGE"),
      // concealment cases (隐瞒案件), the tip-off office's; an investigation's report of concealment
      entry("GET /api/v1/concealment-cases", "TIPOFF_MANAGE"),
      entry("POST /api/v1/concealment-cases", "TIPOFF_MANAGE"),
      entry("GET /api/v1/concealment-cases/{id}", "TIPOFF_MANAGE"),
      entry("POST /api/v1/concealment-cases/{id}/referral", "TIPOFF_MANAGE"),
      entry("POST /api/v1/concealment-cases/{id}/decision", "TIPOFF_MANAGE"),
      entry("POST /api/v1/concealment-cases/{id}/close", "TIPOFF_MANAGE"),
      entry("POST /api/v1/concealment-cases/{id}/files", "TIPOFF_MANAGE"),
      entry("GET /api/v1/concealment-cases/{id}/files/{fileId}", "TIPOFF_MANAGE"),
      entry("POST /api/v1/investigations/{id}/concealment", "CASE_WRITE"),
      entry("GET /api/v1/investigations/{id}/concealment", "CASE_READ"),
      // screening: sites (入单位), site visits, questionnaire versions
      entry("GET /api/v1/screening/rounds/{id}/sites", "SCREENING_READ"),
      entry("POST /api/v1/screening/rounds/{id}/sites", "SCREENING_VISIT"),
      entry("GET /api/v1/screening/rounds/{id}/sites/unvisited", "SCREENING_READ"),
      entry("POST /api/v1/screening/sites/{siteId}/visits", "SCREENING_VISIT"),
      entry("GET /api/v1/screening/site-visits/{id}", "SCREENING_READ"),
      entry("GET /api/v1/screening/questionnaires", "SCREENING_READ"),
      entry("GET /api/v1/screening/questionnaires/{version}", "SCREENING_READ"),
      entry("POST /api/v1/screening/questionnaires", "SCREENING_MANAGE"),
      // key groups and environmental monitoring
      entry("GET /api/v1/key-groups", "KEYGROUP_READ"),
      entry("POST /api/v1/key-groups", "KEYGROUP_MANAGE"),
      entry("GET /api/v1/key-groups/{code}", "KEYGROUP_READ"),
      entry("POST /api/v1/key-groups/{code}/schedules", "KEYGROUP_MANAGE"),
      entry("GET /api/v1/key-groups/{code}/members", "KEYGROUP_READ"),
      entry("POST /api/v1/key-groups/{code}/members", "KEYGROUP_ROSTER"),
      entry("GET /api/v1/key-groups/members/{id}", "KEYGROUP_READ"),
      entry("PUT /api/v1/key-groups/members/{id}", "KEYGROUP_ROSTER"),
      entry("POST /api/v1/key-groups/members/{id}/retire", "KEYGROUP_ROSTER"),
      entry("GET /api/v1/key-groups/overdue", "KEYGROUP_READ"),
      entry("GET /api/v1/key-groups/overdue [text/csv]", "KEYGROUP_READ"),
      entry("GET /api/v1/key-groups/compliance", "KEYGROUP_READ"),
      entry("GET /api/v1/environment/sites", "KEYGROUP_READ|ENVIRONMENT_WRITE"),
      entry("POST /api/v1/environment/sites", "KEYGROUP_MANAGE"),
      entry("GET /api/v1/environment/sites/{id}", "KEYGROUP_READ|ENVIRONMENT_WRITE"),
      entry("GET /api/v1/environment/samples", "KEYGROUP_READ|ENVIRONMENT_WRITE"),
      entry("POST /api/v1/environment/samples", "ENVIRONMENT_WRITE"),
      entry("GET /api/v1/environment/samples/{barcode}", "KEYGROUP_READ|ENVIRONMENT_WRITE"),
      entry("POST /api/v1/environment/samples/{barcode}/result", "ENVIRONMENT_WRITE"),
      entry("GET /api/v1/environment/follow-ups", "KEYGROUP_READ|ENVIRONMENT_WRITE"),
      entry("GET /api/v1/environment/follow-ups/{id}", "KEYGROUP_READ|ENVIRONMENT_WRITE"),
      entry("POST /api/v1/environment/follow-ups/{id}/close-site", "ENVIRONMENT_WRITE"),
      entry("POST /api/v1/environment/follow-ups/{id}/disinfected", "ENVIRONMENT_WRITE"),
      entry("POST /api/v1/environment/follow-ups/{id}/close", "ENVIRONMENT_WRITE"),
      // treatment and supplies: equipment, staff deployments, site posts
      entry("PUT /api/v1/hospitals/{code}/equipment/{type}", "ADMISSION_WRITE|TREATMENT_ADMIN"),
      entry("GET /api/v1/staff-deployments", "TREATMENT_READ"),
      entry("POST /api/v1/staff-deployments", "TREATMENT_ADMIN"),
      entry("GET /api/v1/staff-deployments/{id}", "TREATMENT_READ"),
      entry("POST /api/v1/staff-deployments/{id}/deploy", "TREATMENT_ADMIN"),
      entry("POST /api/v1/staff-deployments/{id}/recall", "TREATMENT_ADMIN"),
      entry("POST /api/v1/staff-deployments/{id}/cancel", "TREATMENT_ADMIN"),
      entry("GET /api/v1/quarantine/sites/{id}/staff", "QUARANTINE_READ"),
      entry("POST /api/v1/quarantine/sites/{id}/staff", "SITE_OPERATE"),
      entry("POST /api/v1/quarantine/sites/{id}/staff/{memberId}/leave", "SITE_OPERATE"),
      entry("PUT /api/v1/quarantine/sites/{id}/posts/{post}", "SITE_OPERATE"),
      entry("POST /api/v1/prices/caps/{commodity}/lift", "PRICE_REPORT"),
      entry("GET /api/v1/prices/caps/lifted", "PRICE_READ|PRICE_REPORT"),
      // sentinels: clinic visits sampled or reported to the township later (clinic staff, own clinic only)
      entry("POST /api/v1/sentinel/clinic-visits/{id}/sample", "CLINIC_REGISTER"),
      entry("POST /api/v1/sentinel/clinic-visits/{id}/report", "CLINIC_REGISTER"),
      // key groups and environmental monitoring: plans, investigation notes
      entry("GET /api/v1/environment/plans", "KEYGROUP_READ|ENVIRONMENT_WRITE"),
      entry("POST /api/v1/environment/plans", "KEYGROUP_MANAGE"),
      entry("GET /api/v1/environment/plans/{id}", "KEYGROUP_READ|ENVIRONMENT_WRITE"),
      entry("POST /api/v1/environment/plans/{id}/retire", "KEYGROUP_MANAGE"),
      entry("GET /api/v1/environment/plans/{id}/sites", "KEYGROUP_READ|ENVIRONMENT_WRITE"),
      entry("GET /api/v1/investigations/{id}/notes", "CASE_READ"),
      entry("GET /api/v1/cases/{id}/sequence", "CASE_READ"),
      entry("PUT /api/v1/cases/{id}/sequence", "CASE_WRITE"),
      // testing capacity: the plan's supply request, sampling sites reporting open (readiness drill)
      entry("POST /api/v1/campaigns/{id}/plan/supply-request", "CAMPAIGN_WRITE"),
      entry("GET /api/v1/campaigns/{id}/plan/supply-requests", "TEST_READ"),
      entry("GET /api/v1/campaigns/{id}/readiness", "TEST_READ"),
      entry("POST /api/v1/campaigns/{id}/sites/{code}/open", "CAMPAIGN_WRITE|LAB_SAMPLE_WRITE"),
      // sentinels: ending observation
      entry("POST /api/v1/sentinel/clinic-visits/{id}/end-observation", "CLINIC_REGISTER"),
      // treatment: consultations, special needs, named staff
      entry("POST /api/v1/cases/{id}/consultations", "TREATMENT_ADMIN"),
      entry("GET /api/v1/cases/{id}/consultations", "TREATMENT_ADMIN"),
      entry("GET /api/v1/special-needs", "QUARANTINE_READ|TREATMENT_ADMIN"),
      entry("POST /api/v1/special-needs", "QUARANTINE_WRITE|TREATMENT_ADMIN"),
      entry("POST /api/v1/special-needs/{id}/remove", "QUARANTINE_WRITE|TREATMENT_ADMIN"),
      entry("POST /api/v1/staff-deployments/{id}/workers", "TREATMENT_ADMIN"),
      entry("GET /api/v1/staff-deployments/{id}/workers", "TREATMENT_READ"),
      // import warnings
      entry("GET /api/v1/imports/{importId}/warnings", AUTHENTICATED),
      // sentinel: patients expected at fever clinics; tip-off informant key rotation
      entry("GET /api/v1/sentinel/clinic-referrals", "SENTINEL_READ|CLINIC_REGISTER"),
      entry("GET /api/v1/sentinel/clinic-referrals/{id}", "SENTINEL_READ|CLINIC_REGISTER"),
      entry("POST /api/v1/sentinel/clinic-referrals/{id}/not-arrived", "CLINIC_REGISTER"),
      entry("POST /api/v1/tip-offs/{id}/subject-person", "TIPOFF_MANAGE"),
      entry("POST /api/v1/tip-offs/informants/re-encrypt", "TIPOFF_INFORMANT"),
      // site staff: named deployment workers, site staff as registry persons
      entry("POST /api/v1/staff-deployments/{id}/workers/{personId}/end", "TREATMENT_ADMIN"),
      // fever referral assignment
      entry("POST /api/v1/sentinel/clinic-referrals/{id}/assign", "SENTINEL_MANAGE"),
      // sentinel: moving a referral
      entry("POST /api/v1/sentinel/clinic-referrals/{id}/move", "SENTINEL_MANAGE"));

  static final List<String> DEMO_USERS = List.of("admin", "security", "auditor", "commander", "cdc", "district",
      "community", "lab", "site", "inspector", "volunteer");
  static final String ANONYMOUS = "anonymous";
  static final String ROLE_PROBE_PASSWORD = "Probe123456";
  static final String PROBED_IMPORT_KIND = "persons";
  static final byte[] PERSONS_CSV_HEADER = "name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n"
      .getBytes(StandardCharsets.UTF_8);
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

  /** One handler: its method, path pattern, whether it takes multipart, and the media type to ask for. */
  record Endpoint(String method, String pattern, boolean multipart, String accept) {}

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;
  @Autowired
  Api api;
  @Autowired
  UserAdministration users;
  @Autowired
  List<ImportHandler> importHandlers;

  @Test
  void everyApiEndpointIsListedInTheAccessTable() {
    assertThat(endpoints().keySet())
        .as("API endpoints missing from EndpointAccessTest.ACCESS: add each with the authority it needs")
        .isSubsetOf(ACCESS.keySet());
  }

  @Test
  void everyEndpointInTheAccessTableStillExists() {
    assertThat(ACCESS.keySet())
        .as("EndpointAccessTest.ACCESS lists endpoints that no longer exist: remove them")
        .isSubsetOf(endpoints().keySet());
  }

  @Test
  void theThreeAdministratorsAreProbedEachWithItsOneRole() {
    Map<String, Set<Role>> roles = new TreeMap<>();
    DEMO_USERS.forEach(user -> roles.put(user, users.findByUsername(user).orElseThrow().roles()));
    assertThat(roles.get("admin")).containsExactly(Role.ADMIN);
    assertThat(roles.get("security")).containsExactly(Role.SECURITY_ADMIN);
    assertThat(roles.get("auditor")).containsExactly(Role.AUDITOR);
    assertThat(roles.values().stream().flatMap(Set::stream).toList()).containsAll(Role.ADMINISTRATORS);
  }

  @Test
  void theProbedImportKindNeedsTheAuthorityTheTableGivesTheImportEndpoint() {
    ImportHandler persons = importHandlers.stream().filter(h -> h.kind().equals(PROBED_IMPORT_KIND)).findFirst()
        .orElseThrow();
    assertThat(persons.requiredAuthority()).isEqualTo(ACCESS.get("POST /api/v1/imports/{kind}"));
  }

  @TestFactory
  Stream<DynamicContainer> everyCallerGetsExactlyTheAnswerItsPermissionsAllow() {
    Map<String, String> passwords = callers();
    Map<String, Set<String>> authorities = new TreeMap<>();
    passwords.keySet().forEach(user -> authorities.put(user, authoritiesOf(user)));
    return endpoints().entrySet().stream().filter(e -> ACCESS.containsKey(e.getKey()))
        .map(e -> DynamicContainer.dynamicContainer(e.getKey() + " needs " + ACCESS.get(e.getKey()),
            Stream.concat(Stream.of(ANONYMOUS), passwords.keySet().stream()).map(caller -> {
              String needs = ACCESS.get(e.getKey());
              boolean allowed = needs.equals(PUBLIC) || !caller.equals(ANONYMOUS)
                  && (needs.equals(AUTHENTICATED)
                  || java.util.Arrays.stream(needs.split("\\|")).anyMatch(authorities.get(caller)::contains));
              int denial = caller.equals(ANONYMOUS) ? 401 : 403;
              return DynamicTest.dynamicTest(caller + (allowed ? " is let through" : " gets " + denial),
                  () -> probe(e.getValue(), caller, passwords.get(caller), allowed, denial));
            })));
  }

  private void probe(Endpoint endpoint, String caller, String password, boolean allowed, int denial) {
    Api.Answer answer = send(endpoint, caller.equals(ANONYMOUS) ? api.anonymous() : api.as(caller, password));
    String what = endpoint.method() + " " + endpoint.pattern() + " as " + caller + " → " + answer.status() + " "
        + answer.body();
    assertThat(answer.status()).as(what).isNotEqualTo(500);
    if (allowed) {
      assertThat(answer.status()).as(what).isNotIn(401, 403, 500);
    } else {
      assertThat(answer.status()).as(what).isEqualTo(denial);
      assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
    }
  }

  private Api.Answer send(Endpoint endpoint, Api.Caller caller) {
    String path = fill(endpoint.pattern());
    if (endpoint.multipart()) {
      return caller.upload(path, "probe.csv", PERSONS_CSV_HEADER);
    }
    return switch (endpoint.method()) {
      case "GET" -> caller.get(path, endpoint.accept());
      case "POST" -> caller.post(path, "{}");
      case "PUT" -> caller.put(path, "{}");
      case "DELETE" -> caller.delete(path);
      default -> throw new IllegalStateException("no probe for " + endpoint.method() + ": teach EndpointAccessTest");
    };
  }

  /** Plausible path variables: a division code for codes, the probed kind for kinds, a fresh UUID for ids. */
  static String fill(String pattern) {
    Matcher variable = PATH_VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (variable.find()) {
      String name = variable.group(1).toLowerCase();
      String value = name.contains("code") || name.contains("jurisdiction") ? DemoPlaces.CITY
          : name.equals("kind") ? PROBED_IMPORT_KIND : UUID.randomUUID().toString();
      variable.appendReplacement(path, value);
    }
    return variable.appendTail(path).toString();
  }

  /**
   * The demo users, and for every role that none of them has (e.g. street staff) a fresh account,
   * so that each role is probed: username → password.
   */
  private Map<String, String> callers() {
    Map<String, String> passwords = new LinkedHashMap<>();
    DEMO_USERS.forEach(user -> passwords.put(user, Api.DEMO_PASSWORD));
    Set<Role> covered = EnumSet.noneOf(Role.class);
    DEMO_USERS.forEach(user -> covered.addAll(users.findByUsername(user).orElseThrow().roles()));
    for (Role role : EnumSet.complementOf(EnumSet.copyOf(covered))) {
      String username = "probe_" + role.name().toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 6);
      Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", username, "password",
          ROLE_PROBE_PASSWORD, "roles", List.of(role.name()), "jurisdictionCode", DemoPlaces.CITY));
      assertThat(created.status()).as("an account for " + role + ": " + created.body()).isEqualTo(201);
      passwords.put(username, ROLE_PROBE_PASSWORD);
    }
    return passwords;
  }

  private Set<String> authoritiesOf(String username) {
    Set<Role> roles = users.findByUsername(username).orElseThrow().roles();
    assertThat(roles).as(username + " has a role").isNotEmpty();
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    roles.forEach(role -> permissions.addAll(role.permissions()));
    return permissions.stream().map(Permission::name).collect(Collectors.toSet());
  }

  /** Every {@code /api/**} handler, keyed "METHOD /pattern" (plus "[type]" when it produces something else than JSON).
   * */
  private Map<String, Endpoint> endpoints() {
    Map<String, Endpoint> endpoints = new TreeMap<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      Set<MediaType> produces = info.getProducesCondition().getProducibleMediaTypes();
      boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
          .anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
      String accept = produces.isEmpty() || produces.stream().anyMatch(MediaType.APPLICATION_JSON::includes)
          ? "application/json" : produces.iterator().next().toString();
      String suffix = accept.equals("application/json") ? "" : " [" + accept + "]";
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        for (String method : methods.isEmpty() ? Set.of("ANY") : methods.stream().map(Enum::name).toList()) {
          endpoints.put(method + " " + pattern + suffix, new Endpoint(method, pattern, multipart, accept));
        }
      }
    }
    return endpoints;
  }
}
