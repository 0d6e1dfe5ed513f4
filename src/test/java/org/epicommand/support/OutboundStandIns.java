package org.epicommand.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What outbound messages reach in tests, all on 127.0.0.1 in the test JVM: a real SMTP server (GreenMail), and
 * one HTTP server standing in for the webhook receiver ({@code /hook}) and the SMS gateway ({@code /sms}). It
 * records every request and answers 200, or another status while a test has asked for it (by a marker in the
 * body, for a number of requests).
 */
public final class OutboundStandIns implements AutoCloseable {

  /** A request as received. */
  public record Received(String path, Map<String, String> headers, String body, int answered) {}

  private record Rule(int status, AtomicInteger left) {}

  public static final String WEBHOOK_SECRET = "test-webhook-secret";
  public static final String SMS_SECRET = "test-sms-secret";
  public static final String PUBLIC_URL = "https://epi.example.test";

  private final GreenMail mail;
  private final HttpServer http;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Rule> rules = new ConcurrentHashMap<>();

  private OutboundStandIns() {
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext("/", this::handle);
    http.start();
  }

  public static OutboundStandIns start() {
    return new OutboundStandIns();
  }

  public GreenMail mail() {
    return mail;
  }

  public int smtpPort() {
    return mail.getSmtp().getPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  /** Answers {@code status} to the next {@code times} requests whose body contains {@code marker}. */
  public void answer(String marker, int status, int times) {
    rules.put(marker, new Rule(status, new AtomicInteger(times)));
  }

  /** The requests to {@code path} whose body contains {@code marker}, in order of arrival. */
  public List<Received> received(String path, String marker) {
    return received.stream().filter(r -> r.path().equals(path) && r.body().contains(marker)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    int status = 200;
    for (Map.Entry<String, Rule> rule : rules.entrySet()) {
      if (body.contains(rule.getKey()) && rule.getValue().left().getAndDecrement() > 0) {
        status = rule.getValue().status();
        break;
      }
    }
    received.add(new Received(exchange.getRequestURI().getPath(), headers, body, status));
    byte[] answer = (status == 200 ? "{\"code\":\"OK\"}" : "{\"code\":\"ERROR\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  @Override
  public void close() {
    http.stop(0);
    mail.stop();
  }
}
