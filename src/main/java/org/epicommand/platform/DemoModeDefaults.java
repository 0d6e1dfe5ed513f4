package org.epicommand.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode is the default when no external database is configured (docs/api.md, "Demo mode"): the demo
 * city is seeded and the server listens on 127.0.0.1 only. Both are defaults of lowest priority, so
 * any explicit setting wins.
 */
public class DemoModeDefaults implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String url = environment.getProperty("epicommand.db.url");
    boolean embedded = url == null || url.isBlank();
    Map<String, Object> defaults = embedded
        ? Map.of("epicommand.demo.enabled", "true", "server.address", "127.0.0.1")
        : Map.of("epicommand.demo.enabled", "false");
    environment.getPropertySources().addLast(new MapPropertySource("epicommandDemoModeDefaults", defaults));
  }
}
