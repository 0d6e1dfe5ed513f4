package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quality.security.Probes.encode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every state-changing page refuses a post without the session's CSRF token (403) from a signed-in
 * session, and the refused post changes nothing; the same post with the token goes through. The
 * sessions sign in through the login form like a browser (see {@link WebSession}).
 */
@EpiCommandTest
class CsrfTest {

  static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Autowired
  Api api;

  @Test
  void registeringAPersonNeedsTheToken() {
    WebSession cdc = WebSession.login(api, "cdc");
    Map<String, String> form = personForm(Probes.uniqueName("令牌"), Probes.uniqueIdNumber());
    assertThat(cdc.postForm("/persons/new", form, false).status()).isEqualTo(403);
    assertThat(found(form.get("name"))).as("the refused post registered nobody").isEmpty();
    assertThat(cdc.isSignedIn()).isTrue();

    WebSession.Page accepted = cdc.postForm("/persons/new", form, true);
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(accepted.location()).matches(".*/persons/" + UUID_PATTERN);
    assertThat(found(form.get("name"))).hasSize(1);
  }

  @Test
  void editingAPersonNeedsTheToken() {
    String idNumber = Probes.uniqueIdNumber();
    String id = Probes.register(api, "cdc", Probes.person(Probes.uniqueName("原名"), idNumber, Probes.uniquePhone(),
        "湖东路2号", Probes.OWN_COMMUNITY)).get("id").asString();
    WebSession cdc = WebSession.login(api, "cdc");
    Map<String, String> form = personForm(Probes.uniqueName("新名"), idNumber);
    assertThat(cdc.postForm("/persons/" + id + "/edit", form, false).status()).isEqualTo(403);
    assertThat(nameOf(id)).as("the refused post changed nothing").startsWith("原名");

    WebSession.Page accepted = cdc.postForm("/persons/" + id + "/edit", form, true);
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(accepted.location()).endsWith("/persons/" + id);
    assertThat(nameOf(id)).isEqualTo(form.get("name"));
  }

  @Test
  void creatingAUserNeedsTheToken() {
    WebSession admin = WebSession.login(api, "admin");
    String username = "csrf_" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> form = userForm("令牌测试", DemoPlaces.CITY);
    form.put("username", username);
    form.put("password", "Secret12345");
    assertThat(admin.postForm("/users/new", form, false).status()).isEqualTo(403);
    assertThat(usersNamed(username)).as("the refused post created no user").isEmpty();

    WebSession.Page accepted = admin.postForm("/users/new", form, true);
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(accepted.location()).matches(".*/users/" + UUID_PATTERN);
    assertThat(usersNamed(username)).hasSize(1);
  }

  @Test
  void editingAUserNeedsTheToken() {
    JsonNode user = createUser("Before12345");
    String id = user.get("id").asString();
    WebSession admin = WebSession.login(api, "admin");
    Map<String, String> form = userForm("改后的名字", DemoPlaces.DISTRICT);
    form.put("enabled", "true");
    assertThat(admin.postForm("/users/" + id, form, false).status()).isEqualTo(403);
    assertThat(userById(id).get("displayName").asString()).isEqualTo("改前的名字");

    WebSession.Page accepted = admin.postForm("/users/" + id, form, true);
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(accepted.location()).endsWith("/users/" + id);
    assertThat(userById(id).get("displayName").asString()).isEqualTo("改后的名字");
    assertThat(userById(id).get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.DISTRICT);
  }

  @Test
  void resettingAPasswordNeedsTheToken() {
    JsonNode user = createUser("Before12345");
    String id = user.get("id").asString();
    String username = user.get("username").asString();
    WebSession admin = WebSession.login(api, "admin");
    Map<String, String> form = new LinkedHashMap<>(Map.of("password", "After123456"));
    assertThat(admin.postForm("/users/" + id + "/password", form, false).status()).isEqualTo(403);
    assertThat(api.as(username, "Before12345").get("/api/v1/me").status()).as("old password still valid")
        .isEqualTo(200);

    WebSession.Page accepted = admin.postForm("/users/" + id + "/password", form, true);
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(api.as(username, "After123456").get("/api/v1/me").status()).isEqualTo(200);
  }

  @Test
  void uploadingAnImportNeedsTheToken() {
    WebSession cdc = WebSession.login(api, "cdc");
    byte[] csv = ("name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n" + Probes.uniqueName("上传")
        + ",RESIDENT_ID," + Probes.uniqueIdNumber() + ",,,,湖东路3号," + Probes.OWN_COMMUNITY + "\n")
        .getBytes(StandardCharsets.UTF_8);
    Map<String, String> fields = Map.of("kind", "persons");
    String fileName = "csrf-" + UUID.randomUUID() + ".csv";
    assertThat(cdc.postMultipart("/imports", fields, fileName, csv, false).status()).isEqualTo(403);
    assertThat(cdc.get("/imports").body()).as("no import was started").doesNotContain(fileName);

    WebSession.Page accepted = cdc.postMultipart("/imports", fields, fileName, csv, true);
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(accepted.location()).matches(".*/imports/" + UUID_PATTERN);
    assertThat(cdc.get("/imports").body()).contains(fileName);
  }

  @Test
  void loggingOutNeedsTheTokenOfTheOwnSession() {
    WebSession commander = WebSession.login(api, "commander");
    assertThat(commander.postForm("/logout", Map.of(), false).status()).isEqualTo(403);
    assertThat(commander.isSignedIn()).as("still signed in after the refused logout").isTrue();

    String foreignToken = WebSession.login(api, "commander").csrfToken();
    assertThat(commander.postForm("/logout", Map.of("_csrf", foreignToken), false).status())
        .as("another session's token").isEqualTo(403);
    assertThat(commander.isSignedIn()).isTrue();

    WebSession.Page accepted = commander.postForm("/logout", Map.of(), true);
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(accepted.location()).endsWith("/login?logout");
    assertThat(commander.isSignedIn()).isFalse();
  }

  private static Map<String, String> personForm(String name, String idNumber) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", name);
    form.put("idType", "RESIDENT_ID");
    form.put("idNumber", idNumber);
    form.put("phone", Probes.uniquePhone());
    form.put("address", "湖东路1号");
    form.put("jurisdictionCode", Probes.OWN_COMMUNITY);
    return form;
  }

  private static Map<String, String> userForm(String displayName, String jurisdictionCode) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("displayName", displayName);
    form.put("roles", "INSPECTOR");
    form.put("jurisdictionCode", jurisdictionCode);
    return form;
  }

  private JsonNode createUser(String password) {
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username",
        "csrf_" + UUID.randomUUID().toString().substring(0, 8), "displayName", "改前的名字", "password", password,
        "roles", List.of("INSPECTOR"), "jurisdictionCode", DemoPlaces.CITY));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  private JsonNode userById(String id) {
    return api.as("admin").get("/api/v1/users/" + id).json();
  }

  private List<String> usersNamed(String username) {
    return api.as("admin").get("/api/v1/users?q=" + username).json().get("items").valueStream()
        .map(u -> u.get("username").asString()).filter(username::equals).toList();
  }

  private List<String> found(String name) {
    return api.as("cdc").get("/api/v1/persons?q=" + encode(name)).json().get("items").valueStream()
        .map(p -> p.get("name").asString()).toList();
  }

  private String nameOf(String personId) {
    return api.as("cdc").get("/api/v1/persons/" + personId).json().get("name").asString();
  }
}
