package org.epicommand.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epicommand.account.UserAdministration;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo accounts a newcomer reads about are the ones the login page lists and the ones the demo
 * city seeds: every one named in the README's table is on the login page and exists; the street
 * office signs in and sees its street.
 */
@EpiCommandTest
class DemoAccountsTest {

  private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z]+)` \\|", Pattern.MULTILINE);

  @Autowired
  Api api;
  @Autowired
  UserAdministration users;

  @Test
  void theLoginPageListsEveryAccountTheReadmeNames() throws IOException {
    Set<String> documented = new LinkedHashSet<>();
    Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md")));
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(documented).hasSizeGreaterThan(15);
    assertThat(LoginController.DEMO_ACCOUNTS).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void everyListedAccountExists() {
    for (String username : LoginController.DEMO_ACCOUNTS) {
      assertThat(users.findByUsername(username)).as(username).isPresent();
    }
  }

  @Test
  void theStreetOfficeSeesItsStreetOnly() {
    String me = api.as("street").get("/api/v1/me").body();
    assertThat(me).contains("STREET_STAFF").contains(DemoPlaces.STREET);
  }
}
