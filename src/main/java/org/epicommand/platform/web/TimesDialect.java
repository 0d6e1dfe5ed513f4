package org.epicommand.platform.web;

import java.time.Clock;
import java.util.Set;
import org.epicommand.platform.CityTimes;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** {@code #times} on every page: dates and times in the city's zone ({@link CityTimes}). */
@Component
class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

  private final Clock clock;

  TimesDialect(Clock clock) {
    super("epicommand-times");
    this.clock = clock;
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("times");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return new CityTimes(clock.getZone(), context.getLocale());
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }
}
