package org.epicommand.imports.internal;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A producer thread one step ahead of its consumer: the producer (reading and preparing batches)
 * runs on its own thread as the given user and hands over one item at a time through a hand-off
 * that holds one; the consumer takes them in the order they were produced. A failure of the
 * producer is rethrown by {@link #take()}; {@link #close()} stops the producer and waits for its
 * thread to end, so nothing outlives the consumer's try block.
 */
final class BatchHandoff<T> implements AutoCloseable {

  /** The producing side: hands its items over one after the other. */
  interface Producer<T> {
    void produce(Sink<T> sink) throws Exception;
  }

  /** Where the producer puts its items; {@code put} ends the producer once the consumer has stopped. */
  interface Sink<T> {
    void put(T item);

    /** Ends the producer (as {@code put} would) when the consumer has stopped. */
    void checkStopped();
  }

  /** Thrown inside the producer when the consumer has stopped: it unwinds the producer quietly. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  /** The consumer's thread was interrupted while it waited (the application is shutting down). */
  static final class Interrupted extends RuntimeException {
    Interrupted() {
      super("interrupted");
    }
  }

  private record Item<T>(T value) {}

  private record Failure(Throwable cause) {}

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
  private volatile boolean stopped;
  private final Thread thread;

  private BatchHandoff(String name, Authentication caller, Producer<T> producer) {
    thread = new Thread(() -> run(caller, producer), name);
    thread.setDaemon(true);
  }

  static <T> BatchHandoff<T> start(String name, Authentication caller, Producer<T> producer) {
    BatchHandoff<T> handoff = new BatchHandoff<>(name, caller, producer);
    handoff.thread.start();
    return handoff;
  }

  private void run(Authentication caller, Producer<T> producer) {
    SecurityContextHolder.getContext().setAuthentication(caller);
    try {
      producer.produce(new Sink<>() {
        @Override
        public void put(T value) {
          offer(new Item<>(value));
        }

        @Override
        public void checkStopped() {
          if (stopped) {
            throw new Stopped();
          }
        }
      });
      offer(END);
    } catch (Stopped e) {
      // the consumer has stopped: nothing more to hand over
    } catch (Throwable e) {
      try {
        offer(new Failure(e));
      } catch (Stopped ignored) {
        // nobody is waiting for it any more
      }
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void offer(Object item) {
    try {
      while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        if (stopped) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      throw new Stopped();
    }
    if (stopped) {
      throw new Stopped();
    }
  }

  /** The next item in production order, or {@code null} after the last; rethrows the producer's failure. */
  @SuppressWarnings("unchecked")
  T take() throws IOException {
    Object next;
    try {
      next = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted();
    }
    if (next == END) {
      return null;
    }
    if (next instanceof Failure failure) {
      Throwable cause = failure.cause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
    return ((Item<T>) next).value();
  }

  /** Stops the producer and waits until its thread has ended. */
  @Override
  public void close() {
    stopped = true;
    queue.clear();
    thread.interrupt();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
