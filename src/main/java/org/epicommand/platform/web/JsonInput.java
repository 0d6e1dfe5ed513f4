package org.epicommand.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/** JSON input rules: no NUL character (U+0000) in any string — 400 naming the field, never a 500. */
@Configuration(proxyBeanMethods = false)
class JsonInput {

  @Bean
  JacksonModule refuseNulCharacters() {
    return new SimpleModule("epicommand-no-nul").addDeserializer(String.class, new NulRefusingStrings());
  }

  static final class NulRefusingStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String value = super.deserialize(parser, context);
      if (value != null && value.indexOf('\u0000') >= 0) {
        return (String) context.handleWeirdStringValue(String.class, value, "contains a NUL character");
      }
      return value;
    }
  }
}
