package org.epicommand.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.demo.*}: on by default with the embedded database, off with an external one
 * (see DemoModeDefaults); {@code population} persons are generated from {@code seed}.
 */
@ConfigurationProperties("epicommand.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("100000") int population,
    @DefaultValue("20221111") long seed) {}
