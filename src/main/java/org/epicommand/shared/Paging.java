package org.epicommand.shared;

import java.util.List;

/** A page request as the API takes it: {@code ?page=0&size=50}, size at most 500. */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public Paging {
    if (page < 0) {
      throw new ValidationFailure(FieldProblem.of("page", "page.negative"));
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new ValidationFailure(FieldProblem.of("size", "size.range", MAX_SIZE));
    }
  }

  public static Paging of(Integer page, Integer size) {
    return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
  }

  public long offset() {
    return (long) page * size;
  }

  /** Fetch one row more than the page holds, to know whether another page follows without counting. */
  public int fetchSize() {
    return size + 1;
  }

  public <T> PageResult<T> toResult(List<T> fetched, Long total) {
    boolean hasMore = fetched.size() > size;
    List<T> items = hasMore ? List.copyOf(fetched.subList(0, size)) : List.copyOf(fetched);
    return new PageResult<>(items, page, size, hasMore, total);
  }
}
