package org.epicommand.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * JSON output rules: instants are written with the city's offset (docs/api.md: {@code
 * 2022-11-11T08:00:00+08:00}), whatever zone the database or the JVM handed them over in — the
 * same instant a client reading {@code …Z} would get, in the form the command post reads.
 */
@Configuration(proxyBeanMethods = false)
class JsonOutput {

  @Bean
  JacksonModule instantsWithTheCityOffset(Clock clock) {
    ZoneId zone = clock.getZone();
    return new SimpleModule("epicommand-city-offset")
        .addSerializer(Instant.class, new CityOffset<>(Instant.class, i -> i.atZone(zone).toOffsetDateTime()))
        .addSerializer(OffsetDateTime.class, new CityOffset<>(OffsetDateTime.class,
            o -> o.atZoneSameInstant(zone).toOffsetDateTime()));
  }

  private static final class CityOffset<T> extends StdSerializer<T> {

    private final Function<T, OffsetDateTime> inCity;

    CityOffset(Class<T> type, Function<T, OffsetDateTime> inCity) {
      super(type);
      this.inCity = inCity;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializationContext context) {
      generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(inCity.apply(value)));
    }
  }
}
