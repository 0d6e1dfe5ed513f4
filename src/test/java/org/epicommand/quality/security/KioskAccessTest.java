package org.epicommand.quality.security;

import org.epicommand.support.WebSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The command hall's kiosk account holds the big screen's right and nothing else, lands on the screen
 * without a menu, and gets no personal data by any path: every GET of the API and of the pages — with
 * random ids and with real ones of persons, cases and orders — either refuses it or answers without a
 * single name, document number or phone of a person.
 */
@EpiCommandTest
class KioskAccessTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;
  @Autowired
  Api api;
  @Autowired
  UserAdministration users;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theKioskHoldsTheScreenRightAndNothingElse() {
    assertThat(Role.KIOSK.permissions()).containsExactly(Permission.SCREEN_READ);
    assertThat(users.findByUsername("kiosk").orElseThrow().roles()).containsExactly(Role.KIOSK);
  }

  @Test
  void theKioskLandsOnTheBigScreenWithoutAMenu() {
    WebSession kiosk = WebSession.login(api, "kiosk");
    WebSession.Page home = kiosk.get("/");
    assertThat(home.status()).isEqualTo(302);
    assertThat(home.location()).endsWith("/screen");
    WebSession.Page screen = kiosk.get("/screen");
    assertThat(screen.status()).isEqualTo(200);
    assertThat(screen.body()).contains("疫情防控指挥大屏").doesNotContain("id=\"sidebar\"");
    assertThat(kiosk.get("/analytics/dashboard").status()).isEqualTo(403);
    assertThat(kiosk.get("/persons").status()).isEqualTo(403);
  }

  @Test
  void theKioskGetsNoPersonalDataByAnyPath() {
    Set<String> markers = markers();
    assertThat(markers).hasSizeGreaterThan(100);
    List<String> ids = new ArrayList<>(List.of(UUID.randomUUID().toString()));
    ids.addAll(jdbc.sql("select id::text from person order by id limit 2").query(String.class).list());
    ids.addAll(jdbc.sql("select id::text from case_report order by id limit 2").query(String.class).list());
    ids.addAll(jdbc.sql("select id::text from quarantine_order order by id limit 2").query(String.class).list());

    Api.Caller caller = api.as("kiosk");
    WebSession session = WebSession.login(api, "kiosk");
    Map<String, Integer> answered = new TreeMap<>();
    for (String pattern : getPatterns()) {
      for (String id : pattern.contains("{") ? ids : List.of("")) {
        String path = fill(pattern, id);
        boolean isApi = pattern.startsWith("/api/");
        int status;
        String body;
        if (isApi) {
          Api.Answer answer = caller.get(path, "application/json");
          status = answer.status();
          body = answer.body();
        } else {
          WebSession.Page page = session.get(path);
          status = page.status();
          body = page.body();
        }
        assertThat(status).as("GET " + path + " as kiosk").isNotEqualTo(500);
        if (status >= 200 && status < 300) {
          answered.merge(pattern, status, (a, b) -> a);
          for (String marker : markers) {
            assertThat(body).as("GET " + path + " as kiosk shows personal data").doesNotContain(marker);
          }
        }
      }
    }
    // what the kiosk may open: the screen and its data, and what the access table gives every signed-in user
    assertThat(answered.keySet()).contains("/screen", "/screen/data", "/api/v1/screen", "/api/v1/maps/areas");
    assertThat(answered.keySet()).filteredOn(p -> p.startsWith("/api/")).allMatch(p -> {
      String needs = EndpointAccessTest.ACCESS.get("GET " + p);
      return needs != null && (needs.equals(EndpointAccessTest.AUTHENTICATED) || needs.equals(EndpointAccessTest.PUBLIC)
          || java.util.Arrays.asList(needs.split("\\|")).contains("SCREEN_READ"));
    }, "an endpoint open to every signed-in user or to SCREEN_READ");
  }

  /** Names (three characters or more), document numbers and phones of persons, and the masked forms of both. */
  /** Everything the Chinese interface itself says. */
  private static final String PRODUCT_WORDS = productWords();

  private static String productWords() {
    try (java.io.InputStream in = KioskAccessTest.class.getResourceAsStream("/messages.properties")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Set<String> markers() {
    Set<String> markers = new LinkedHashSet<>();
    jdbc.sql("""
        (select p.name, p.id_number, p.phone from person p join case_report c on c.person_id = p.id limit 100)
        union all
        (select p.name, p.id_number, p.phone from person p join quarantine_order o on o.person_id = p.id limit 100)
        union all
        (select name, id_number, phone from person order by id limit 200)""")
        .query((rs, n) -> {
          String name = rs.getString(1);
          String number = rs.getString(2);
          String phone = rs.getString(3);
          // a name that is also the product's own wording (a test person called like a bulletin phrase)
          // would be found in every bulletin; such names are no marker of personal data
          if (name != null && name.length() >= 3 && !PRODUCT_WORDS.contains(name)) {
            markers.add(name);
          }
          if (number != null && number.length() >= 8) {
            markers.add(number);
            markers.add(number.substring(0, 4) + "*".repeat(number.length() - 8)
                + number.substring(number.length() - 4));
          }
          if (phone != null && phone.length() == 11) {
            markers.add(phone);
            markers.add(phone.substring(0, 3) + "****" + phone.substring(7));
          }
          return name;
        }).list();
    return markers;
  }

  /** Every GET handler's path, API and pages, without the ones that end a session or fetch static files. */
  private Set<String> getPatterns() {
    Set<String> patterns = new java.util.TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/logout") && !pattern.startsWith("/error") && !pattern.contains("**")) {
          patterns.add(pattern);
        }
      }
    }
    return patterns;
  }

  private static String fill(String pattern, String id) {
    String path = EndpointAccessTest.fill(pattern);
    return id.isEmpty() ? path : path.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", id);
  }
}
