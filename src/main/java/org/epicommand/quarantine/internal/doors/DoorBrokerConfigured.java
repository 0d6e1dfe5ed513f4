package org.epicommand.quarantine.internal.doors;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether door sensors have a broker: the embedded one ({@code epicommand.quarantine.mqtt.embedded=true}) or an
 * external {@code epicommand.quarantine.mqtt.host}. Without either nothing connects anywhere (a production
 * server must never join whatever broker happens to listen on its loopback port).
 */
class DoorBrokerConfigured implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment environment = context.getEnvironment();
    if (!environment.getProperty("epicommand.quarantine.mqtt.enabled", Boolean.class, true)) {
      return false;
    }
    String host = environment.getProperty("epicommand.quarantine.mqtt.host", "");
    return environment.getProperty("epicommand.quarantine.mqtt.embedded", Boolean.class, false) || !host.isBlank();
  }
}
