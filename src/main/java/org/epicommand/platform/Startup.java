package org.epicommand.platform;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
    app.addListeners(new PortCheck(), new StartupFailureReport());
    try {
      app.run(args);
    } catch (Throwable failure) {
      System.exit(1);
    }
  }

  /** The web port is tried before the database and everything else start, so that "port in use" comes in seconds. */
  static final class PortCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
      if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE) {
        return;
      }
      Environment environment = event.getEnvironment();
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
