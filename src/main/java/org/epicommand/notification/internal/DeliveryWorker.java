package org.epicommand.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due: woken after every commit that queued something, and every {@code delivery.poll} for
 * retries. Each attempt's outcome is recorded; a failed one is tried again after a back-off that doubles
 * (30 s, 1 min, 2 min … at most {@code maxBackoff}), and after {@code maxAttempts} the delivery is DEAD.
 */
@Component
public class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int BATCH = 20;

  private final DeliveryStore store;
  private final EmailSender email;
  private final HttpSenders http;
  private final NotificationProperties properties;
  private final TaskExecutor executor;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  DeliveryWorker(DeliveryStore store, EmailSender email, HttpSenders http, NotificationProperties properties,
      @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
    this.store = store;
    this.email = email;
    this.http = http;
    this.properties = properties;
    this.executor = executor;
    this.clock = clock;
  }

  /** Asks for a run soon (on the task executor); a run under way makes one more pass. */
  public void wake() {
    again.set(true);
    if (!running.get()) {
      executor.execute(this::runDue);
    }
  }

  @Scheduled(fixedDelayString = "${epicommand.notification.delivery.poll:5s}",
      initialDelayString = "${epicommand.notification.delivery.poll:5s}")
  void poll() {
    runDue();
  }

  /** Sends everything due now; returns how many attempts were made. */
  public int runDue() {
    if (!running.compareAndSet(false, true)) {
      return 0;
    }
    int attempts = 0;
    try {
      do {
        again.set(false);
        List<DeliveryStore.Due> due;
        do {
          Instant now = clock.instant();
          due = store.claim(now, now.plus(properties.delivery().timeout().multipliedBy(3)), BATCH);
          due.forEach(this::attempt);
          attempts += due.size();
        } while (due.size() == BATCH);
      } while (again.get());
    } catch (RuntimeException e) {
      log.warn("Outbound delivery run failed: {}", e.toString());
    } finally {
      running.set(false);
    }
    return attempts;
  }

  private void attempt(DeliveryStore.Due due) {
    try {
      Integer status = switch (due.channel()) {
        case EMAIL -> {
          email.send(due);
          yield null;
        }
        case SMS -> http.sms(due);
        case WEBHOOK -> http.webhook(due);
      };
      store.sent(due.id(), status, clock.instant());
    } catch (DeliveryFailure failure) {
      int attempt = due.attempts() + 1;
      Instant next = attempt >= properties.delivery().maxAttempts() ? null
          : clock.instant().plus(backoff(attempt));
      store.failed(due.id(), failure.status(), failure.getMessage(), next);
      log.warn("{} delivery {} ({}) attempt {} failed: {}{}", due.channel(), due.id(), due.kind(), attempt,
          failure.getMessage(), next == null ? "; given up (dead letter)" : "; again at " + next);
    }
  }

  /** The wait after the n-th failed attempt: backoff · 2^(n-1), at most maxBackoff. */
  Duration backoff(int failedAttempts) {
    Duration base = properties.delivery().backoff();
    Duration max = properties.delivery().maxBackoff();
    Duration wait = base.multipliedBy(1L << Math.min(20, failedAttempts - 1));
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
