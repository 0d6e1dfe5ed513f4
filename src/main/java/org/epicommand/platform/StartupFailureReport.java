package org.epicommand.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/**
 * A start that failed says why in its first ERROR line: the root cause (the wrong password, the
 * port in use, the unreadable directory), not the bean that happened to need it first. Spring's own
 * report with the whole chain follows. Should closing the half-started application hang, the JVM
 * is ended anyway after half a minute.
 */
final class StartupFailureReport implements ApplicationListener<ApplicationFailedEvent> {

  private static final Logger log = LoggerFactory.getLogger("org.epicommand.Startup");
  private static final Duration LAST_CHANCE = Duration.ofSeconds(30);

  @Override
  public void onApplicationEvent(ApplicationFailedEvent event) {
    Throwable cause = rootCause(event.getException());
    String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    log.error("EpiCommand could not start: {}{}", message,
        cause.getClass().getName().startsWith("java.lang.IllegalState") ? "" : " (" + cause.getClass().getSimpleName()
            + ")");
    Thread halt = new Thread(() -> {
      try {
        Thread.sleep(LAST_CHANCE.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      Runtime.getRuntime().halt(1);
    }, "startup-failure-halt");
    halt.setDaemon(true);
    halt.start();
  }

  /**
   * The failure that explains the others: the first of the platform's own exceptions in the chain
   * (they name the directory or database and include their cause's words), else the deepest one
   * that says something.
   */
  static Throwable rootCause(Throwable failure) {
    Throwable chosen = failure;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getStackTrace().length > 0 && t.getStackTrace()[0].getClassName().startsWith("org.epicommand.")
          && t.getMessage() != null) {
        return t;
      }
      if (t.getMessage() != null && !t.getMessage().isBlank() && !(t instanceof BeansException)) {
        chosen = t;
      }
    }
    return chosen;
  }
}
