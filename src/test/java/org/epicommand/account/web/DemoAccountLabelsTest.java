package org.epicommand.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every demo account the sign-in page lists is named by its role in the page's language, never by a message key. */
class DemoAccountLabelsTest {

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_en.properties"})
  void everyDemoAccountHasALabel(String bundle) throws IOException {
    Properties messages = new Properties();
    try (InputStreamReader in = new InputStreamReader(
        DemoAccountLabelsTest.class.getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
      messages.load(in);
    }
    assertThat(LoginController.DEMO_ACCOUNTS)
        .allSatisfy(account -> assertThat(messages.getProperty("login.demo." + account)).as(bundle + " " + account)
            .isNotBlank());
  }
}
