package org.epicommand.quality.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A seeded generator of fuzz values: a function of a random source and nothing else, so that the same
 * seed always makes the same value (a failing try is re-made from its seed alone, see
 * {@link FuzzSettings}). Records with several parts are combined with a lambda that draws the parts
 * in order: {@code r -> new Valid(rows.next(r), decorations.next(r), quotes.next(r))}.
 */
@FunctionalInterface
interface Gen<T> {

  /** Draws one value. */
  T next(RandomGenerator random);

  default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
    return random -> mapper.apply(next(random));
  }

  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> then) {
    return random -> then.apply(next(random)).next(random);
  }

  /** Draws again until the value is wanted; a generator that keeps missing is a bug of the fuzzer. */
  default Gen<T> filter(Predicate<? super T> wanted) {
    return random -> {
      for (int attempt = 0; attempt < 1_000; attempt++) {
        T value = next(random);
        if (wanted.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException("generator bug: 1,000 values in a row were filtered out");
    };
  }

  /** A list of {@code min} to {@code max} values (inclusive), each drawn on its own. */
  default Gen<List<T>> list(int min, int max) {
    return random -> {
      int size = random.nextInt(min, max + 1);
      List<T> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(next(random));
      }
      return values;
    };
  }

  static <T> Gen<T> constant(T value) {
    return random -> value;
  }

  /** One of the values, each as likely (repeat a value to make it likelier). */
  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(List.of(values));
  }

  static <T> Gen<T> of(List<T> values) {
    List<T> choices = List.copyOf(values);
    return random -> choices.get(random.nextInt(choices.size()));
  }

  /** An integer from {@code min} to {@code max}, both included. */
  static Gen<Integer> ints(int min, int max) {
    return random -> random.nextInt(min, max + 1);
  }

  /** A long from {@code min} to {@code max}, both included. */
  static Gen<Long> longs(long min, long max) {
    return random -> random.nextLong(min, max + 1);
  }

  /** A byte from {@code min} to {@code max} (0 to 255), both included. */
  static Gen<Byte> bytes(int min, int max) {
    return ints(min, max).map(i -> (byte) (int) i);
  }

  /** One of the generators, each as likely. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... choices) {
    List<Gen<? extends T>> all = List.of(choices);
    return random -> all.get(random.nextInt(all.size())).next(random);
  }

  /** One of the generators, chosen in proportion to its weight. */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    return frequency(List.of(choices));
  }

  static <T> Gen<T> frequency(List<? extends Weighted<? extends T>> choices) {
    List<Weighted<? extends T>> all = List.copyOf(choices);
    int total = all.stream().mapToInt(Weighted::weight).sum();
    return random -> {
      int pick = random.nextInt(total);
      for (Weighted<? extends T> choice : all) {
        pick -= choice.weight();
        if (pick < 0) {
          return choice.gen().next(random);
        }
      }
      throw new IllegalStateException();
    };
  }

  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /** A generator and how often {@link #frequency} chooses it, relative to the others. */
  record Weighted<T>(int weight, Gen<? extends T> gen) {
    public Weighted {
      if (weight <= 0) {
        throw new IllegalArgumentException("weight " + weight);
      }
    }
  }
}
