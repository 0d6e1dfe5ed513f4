package org.epicommand.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class BatchHandoffTest {

  private static final TestingAuthenticationToken USER = new TestingAuthenticationToken("importer", null);

  @Test
  void itemsArriveInProductionOrderAsTheUserWhoStarted() throws IOException {
    AtomicReference<String> producedAs = new AtomicReference<>();
    List<Integer> taken = new ArrayList<>();
    try (BatchHandoff<Integer> handoff = BatchHandoff.start("t-order", USER, sink -> {
      producedAs.set(SecurityContextHolder.getContext().getAuthentication().getName());
      for (int i = 0; i < 1000; i++) {
        sink.put(i);
      }
    })) {
      Integer next;
      while ((next = handoff.take()) != null) {
        taken.add(next);
      }
    }
    assertThat(taken).hasSize(1000).isSorted().startsWith(0, 1, 2).endsWith(999);
    assertThat(producedAs.get()).isEqualTo("importer");
  }

  @Test
  void theProducersFailureReachesTheConsumerAfterTheItemsBeforeIt() throws IOException {
    try (BatchHandoff<Integer> handoff = BatchHandoff.start("t-fail", USER, sink -> {
      sink.put(1);
      throw new IOException("disk gone");
    })) {
      assertThat(handoff.take()).isEqualTo(1);
      assertThatThrownBy(handoff::take).isInstanceOf(IOException.class).hasMessage("disk gone");
    }
  }

  @Test
  void aConsumerThatStopsEndsTheProducerAndItsThread() throws Exception {
    AtomicInteger produced = new AtomicInteger();
    CountDownLatch ended = new CountDownLatch(1);
    AtomicReference<Thread> producer = new AtomicReference<>();
    try (BatchHandoff<Integer> handoff = BatchHandoff.start("t-stop", USER, sink -> {
      producer.set(Thread.currentThread());
      try {
        for (int i = 0; ; i++) {
          sink.put(i);
          produced.incrementAndGet();
        }
      } finally {
        ended.countDown();
      }
    })) {
      assertThat(handoff.take()).isZero();
      assertThat(handoff.take()).isEqualTo(1);
      // the consumer fails here (say, a batch's transaction): leaving the block stops the producer
    }
    assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(producer.get().isAlive()).isFalse();
    // one in the hand-off and at most one waiting to be handed over: the producer stays one step ahead
    assertThat(produced.get()).isLessThanOrEqualTo(4);
  }
}
