package org.epicommand.platform;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * How the platform is started from the command line: {@code backup}/{@code restore} run their
 * command; otherwise the platform starts, a port already taken is refused before anything else
 * starts, and any failed start logs its root cause first ({@link StartupFailureReport}) and ends
 * the JVM with status 1 — the threads it had already started (the MQTT broker's, for one) cannot
 * keep a failed process alive for its supervisor to wait on.
 */
public final class Startup {

  private Startup() {}

  public static void run(Class<?> application, String... args) {
    if (DataCommands.handles(args)) {
      System.exit(DataCommands.run(args));
    }
    SpringApplication app = new SpringApplication(application);
    app.addListeners(new Preflight(), new StartupFailureReport());
    try {
      app.run(args);
    } catch (Throwable failure) {
      System.exit(1);
    }
  }

  /**
   * The web port and an external database are tried before anything else starts, so that "port in
   * use" or "wrong password" come in seconds and first.
   */
  static final class Preflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
      if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE) {
        return;
      }
      Environment environment = event.getEnvironment();
      checkPort(environment);
      String url = environment.getProperty("epicommand.db.url");
      if (url != null && !url.isBlank()) {
        DatabaseConfiguration.checkReachable(url, environment.getProperty("epicommand.db.user"),
            environment.getProperty("epicommand.db.password"));
      } else {
        checkWritable(Path.of(environment.getProperty("epicommand.db.embedded.data-directory", "data/pg")));
      }
    }

    /** The embedded database's directory must be one this user can create, read and write. */
    private static void checkWritable(Path directory) {
      Path canonical = DataDirectoryLock.canonical(directory);
      if (!Files.isReadable(canonical) || !Files.isWritable(canonical) || !Files.isExecutable(canonical)) {
        throw new IllegalStateException("The data directory " + canonical + " cannot be read and written by the user "
            + System.getProperty("user.name") + " that runs EpiCommand. Give that user the directory (chown), or"
            + " point epicommand.data-directory elsewhere.");
      }
    }

    private static void checkPort(Environment environment) {
      int port = environment.getProperty("server.port", Integer.class, 8080);
      String address = environment.getProperty("server.address");
      if (port <= 0) {
        return;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(address == null || address.isBlank() ? new InetSocketAddress(port)
            : new InetSocketAddress(InetAddress.getByName(address), port));
      } catch (BindException e) {
        throw new IllegalStateException("Port " + port + (address == null ? "" : " on " + address)
            + " is already in use by another program. Stop it, or start EpiCommand on another port (PORT or"
            + " --server.port).", e);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot listen on port " + port + (address == null ? "" : " on " + address)
            + ": " + e.getMessage(), e);
      }
    }
  }
}
