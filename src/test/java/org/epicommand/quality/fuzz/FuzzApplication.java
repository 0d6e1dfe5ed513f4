package org.epicommand.quality.fuzz;

import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * The running application for jqwik properties, which Spring's JUnit Jupiter extension does not
 * drive. This class carries {@link EpiCommandTest} and asks Spring's own {@link TestContextManager}
 * for its context, so it gets the very context that every other {@code @EpiCommandTest} class of
 * the JVM uses (Spring's test context cache is keyed by the configuration, which is identical):
 * no second application, no second embedded PostgreSQL. {@link #release()} marks the context as no
 * longer used by this class, as the Jupiter extension does after a test class.
 */
@EpiCommandTest
final class FuzzApplication {

  private static FuzzApplication running;

  private final TestContextManager manager;
  private final ApplicationContext context;

  private FuzzApplication() throws Exception {
    manager = new TestContextManager(FuzzApplication.class);
    manager.beforeTestClass();
    context = manager.getTestContext().getApplicationContext();
  }

  static synchronized FuzzApplication start() throws Exception {
    if (running == null) {
      running = new FuzzApplication();
    }
    return running;
  }

  static synchronized void release() throws Exception {
    if (running != null) {
      running.manager.afterTestClass();
      running = null;
    }
  }

  Api api() {
    return context.getBean(Api.class);
  }

  JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }
}
