package org.epicommand.labtest.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: two labs and a sampling site in each of the first district's first three communities
 * (idempotent: natural keys, {@code on conflict do nothing}).
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class LabtestDemo implements ApplicationRunner {

  static final String DISTRICT = "990101";

  private final JdbcClient jdbc;
  private final org.epicommand.jurisdiction.Jurisdictions jurisdictions;

  LabtestDemo(JdbcClient jdbc, org.epicommand.jurisdiction.Jurisdictions jurisdictions) {
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
  }

  @Override
  public void run(ApplicationArguments args) {
    jdbc.sql("""
        insert into labtest_lab (code, name, capacity_per_day) values
          ('LAB01', '市疾控中心实验室', 200000), ('LAB02', '第一人民医院检验科', 80000)
        on conflict (code) do nothing
        """).update();
    jurisdictions.children(DISTRICT).stream().findFirst()
        .map(street -> jurisdictions.children(street.code()).stream().limit(3).toList()).orElse(java.util.List.of())
        .forEach(community -> jdbc.sql("""
            insert into labtest_site (code, name, jurisdiction_code, jurisdiction_path) values (?, ?, ?, ?)
            on conflict (code) do nothing
            """).params("S" + community.code(), community.name() + "采样点", community.code(), community.path()).update());
  }
}
