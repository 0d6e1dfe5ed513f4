package org.epicommand.quality.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing file smaller before it is reported: drops records (half of them, then quarters...,
 * then one at a time) and then breakers, keeping each drop after which the file still fails. Every
 * attempt is an upload, so a budget bounds them; the result is a file that fails, not the smallest one.
 */
final class Shrinking {

  private Shrinking() {}

  static FuzzFile smallest(FuzzFile failing, Predicate<FuzzFile> stillFails, int budget) {
    Budgeted fails = new Budgeted(stillFails, budget);
    FuzzFile current = failing;
    for (int chunk = Math.max(1, current.body().size() / 2); chunk >= 1 && fails.left > 0; chunk /= 2) {
      int start = 0;
      while (start < current.body().size() && fails.left > 0) {
        FuzzFile fewer = withBody(current, without(current.body(), start, chunk));
        if (fails.test(fewer)) {
          current = fewer;
        } else {
          start += chunk;
        }
      }
    }
    int at = 0;
    while (at < current.breakers().size() && fails.left > 0) {
      FuzzFile fewer = new FuzzFile(current.kind(), current.header(), current.layout(), current.body(),
          without(current.breakers(), at, 1));
      if (fails.test(fewer)) {
        current = fewer;
      } else {
        at++;
      }
    }
    return current;
  }

  private static FuzzFile withBody(FuzzFile file, List<FuzzFile.Body> body) {
    return new FuzzFile(file.kind(), file.header(), file.layout(), body, file.breakers());
  }

  private static <T> List<T> without(List<T> list, int from, int count) {
    List<T> rest = new ArrayList<>(list.subList(0, from));
    rest.addAll(list.subList(Math.min(list.size(), from + count), list.size()));
    return List.copyOf(rest);
  }

  private static final class Budgeted implements Predicate<FuzzFile> {

    private final Predicate<FuzzFile> fails;
    private int left;

    Budgeted(Predicate<FuzzFile> fails, int budget) {
      this.fails = fails;
      this.left = budget;
    }

    @Override
    public boolean test(FuzzFile file) {
      left--;
      return fails.test(file);
    }
  }
}
