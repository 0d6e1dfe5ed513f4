package org.epicommand.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as the API answers it. {@code total} is left out when counting would be slow
 * (docs/architecture.md, "Persistence": never count over wide joins on a hot page).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageResult<T>(List<T> items, int page, int size, boolean hasMore, Long total) {

  public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
    return new PageResult<>(items.stream().<R>map(mapper).toList(), page, size, hasMore, total);
  }
}
